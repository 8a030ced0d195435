"""torch DataLoader batches, on every backend (when torch is installed)."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core import tree
from keras_core._src.trainers.data_adapters import EpochIterator
from keras_core._src.trainers.data_adapters import get_data_adapter
from keras_core._src.trainers.data_adapters.torch_dataloader_adapter import (
    TorchDataLoaderAdapter,
)
from keras_core._src.trainers.data_adapters.torch_dataloader_adapter import (
    is_torch_dataloader,
)

torch = pytest.importorskip("torch", reason="torch is not installed")

BACKEND = keras_core.config.backend()
X = np.arange(20, dtype="float64").reshape(10, 2)
Y = np.arange(10)


def numpy_of(structure):
    return tree.map_structure(
        lambda leaf: None if leaf is None else ops.convert_to_numpy(leaf), structure
    )


def one_epoch(iterator):
    return [batch for _, group in iterator.enumerate_epoch() for batch in group]


def assert_backend_value(leaf):
    if BACKEND in ("jax", "numpy"):
        assert isinstance(leaf, np.ndarray) or ops.is_tensor(leaf), type(leaf)
    else:
        assert ops.is_tensor(leaf) and not isinstance(leaf, np.ndarray), type(leaf)


def loader(batch_size=4, **kwargs):
    dataset = torch.utils.data.TensorDataset(torch.tensor(X), torch.tensor(Y))
    return torch.utils.data.DataLoader(dataset, batch_size=batch_size, **kwargs)


class Stream(torch.utils.data.IterableDataset):
    def __iter__(self):
        for index in range(3):
            yield {"a": torch.full((2,), float(index))}


def test_detection():
    assert is_torch_dataloader(loader())
    assert not is_torch_dataloader(loader().dataset)
    assert isinstance(get_data_adapter(loader(), batch_size=8), TorchDataLoaderAdapter)


def test_batches_and_epochs():
    iterator = EpochIterator(loader())
    assert iterator.num_batches == 3
    for _ in range(2):
        batches = one_epoch(iterator)
        # Collation makes [x, y] lists; they arrive as (x, y).
        x, y = batches[2]
        assert isinstance(batches[2], tuple)
        assert_backend_value(x)
        # float64 becomes floatx, int64 stays an integer.
        assert keras_core.backend.standardize_dtype(x.dtype) == "float32"
        assert keras_core.backend.is_int_dtype(y.dtype)
        np.testing.assert_array_equal(ops.convert_to_numpy(x), X[8:])
        np.testing.assert_array_equal(ops.convert_to_numpy(y), Y[8:])


def test_loader_shuffles_itself():
    torch.manual_seed(0)
    batches = numpy_of(one_epoch(EpochIterator(loader(shuffle=True))))
    ys = np.concatenate([y for _, y in batches])
    assert sorted(ys) == list(range(10)) and list(ys) != list(range(10))


def test_iterable_dataset_without_length():
    iterator = EpochIterator(torch.utils.data.DataLoader(Stream(), batch_size=2))
    assert iterator.num_batches is None
    batches = numpy_of(one_epoch(iterator))
    assert [sorted(b) for b in batches] == [["a"], ["a"]]
    np.testing.assert_array_equal(batches[1]["a"], [[2.0, 2.0]])


def test_class_weight():
    batches = numpy_of(one_epoch(EpochIterator(loader(), class_weight={3: 2.0})))
    weights = np.concatenate([batch[2] for batch in batches])
    np.testing.assert_array_equal(weights, np.where(Y == 3, 2.0, 1.0))


def test_torch_tensors_as_arrays():
    x = torch.tensor(X, requires_grad=True)
    (batch,) = one_epoch(EpochIterator(x, batch_size=10))
    assert_backend_value(batch)
    np.testing.assert_array_equal(ops.convert_to_numpy(batch), X)


def test_errors():
    with pytest.raises(ValueError, match="DataLoader yielded no batches"):
        EpochIterator(loader(batch_size=20, drop_last=True))
    with pytest.raises(ValueError, match="torch DataLoader, `y` should not"):
        EpochIterator(loader(), y=Y)
