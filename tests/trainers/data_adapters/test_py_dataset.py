"""PyDataset (alias Sequence) and its adapter: order, shuffle, workers."""

import threading

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src.trainers.data_adapters import EpochIterator
from keras_core._src.trainers.data_adapters import get_data_adapter
from keras_core._src.trainers.data_adapters.py_dataset_adapter import PyDatasetAdapter
from keras_core._src.utils.py_dataset import PyDataset
from keras_core._src.utils.py_dataset import Sequence

# JAX warns that forking a multithreaded process may deadlock; the workers
# only run NumPy code.
fork_warning = pytest.mark.filterwarnings("ignore:os.fork:RuntimeWarning")


class Batches(PyDataset):
    """Batch i is `(x, y)` with x = [[i, i]] * 2 and y = [i, i]."""

    def __init__(self, count=5, fail_at=None, **kwargs):
        super().__init__(**kwargs)
        self.count = count
        self.fail_at = fail_at
        self.events = []

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if index == self.fail_at:
            raise KeyError(f"no batch {index}")
        return np.full((2, 2), float(index)), np.full((2,), index)

    def on_epoch_begin(self):
        self.events.append("begin")

    def on_epoch_end(self):
        self.events.append("end")


class Endless(PyDataset):
    @property
    def num_batches(self):
        return None

    def __getitem__(self, index):
        return (np.full((1, 1), float(index)),)


def batch_ids(iterator, epochs=1):
    result = []
    for _ in range(epochs):
        ids = []
        for _, group in iterator.enumerate_epoch():
            for batch in group:
                first = batch[0] if isinstance(batch, tuple) else batch
                ids.append(int(ops.convert_to_numpy(first)[0, 0]))
        result.append(ids)
    return result


class TestPyDataset:
    def test_defaults_and_properties(self):
        dataset = Batches()
        assert (
            dataset.workers,
            dataset.use_multiprocessing,
            dataset.max_queue_size,
        ) == (
            1,
            False,
            10,
        )
        assert dataset.num_batches == 5
        dataset.workers = 3
        assert dataset.workers == 3

    def test_sequence_is_the_same_class(self):
        assert Sequence is PyDataset

    @pytest.mark.parametrize(
        "kwargs, match",
        [
            ({"workers": 0}, "workers=0"),
            ({"workers": 1.5}, "workers=1.5"),
            ({"max_queue_size": 0}, "max_queue_size=0"),
        ],
    )
    def test_bad_arguments(self, kwargs, match):
        with pytest.raises(ValueError, match=f"PyDataset: .*{match}"):
            Batches(**kwargs)

    def test_missing_methods(self):
        dataset = PyDataset()
        with pytest.raises(NotImplementedError, match="__getitem__"):
            dataset[0]
        with pytest.raises(NotImplementedError, match="__len__"):
            len(dataset)
        assert dataset.num_batches is None

    def test_subclass_without_super_init_gets_defaults(self):
        class NoSuper(PyDataset):
            def __init__(self):
                self.data = 1

        dataset = NoSuper()
        assert (
            dataset.workers,
            dataset.use_multiprocessing,
            dataset.max_queue_size,
        ) == (
            1,
            False,
            10,
        )


class TestAdapter:
    def test_batches_in_order_with_epoch_hooks(self):
        dataset = Batches()
        iterator = EpochIterator(dataset)
        assert iterator.num_batches == 5
        assert batch_ids(iterator, 2) == [[0, 1, 2, 3, 4]] * 2
        assert dataset.events == ["begin", "end"] * 2

    def test_batch_values_and_conversion(self):
        iterator = EpochIterator(Batches(count=2))
        _, (x, y) = [
            batch for _, group in iterator.enumerate_epoch() for batch in group
        ]
        assert keras_core.backend.standardize_dtype(x.dtype) == "float32"
        np.testing.assert_array_equal(ops.convert_to_numpy(y), [1, 1])

    def test_shuffle_permutes_the_batch_order_reproducibly(self):
        keras_core.utils.set_random_seed(3)
        orders = batch_ids(EpochIterator(Batches(count=8), shuffle=True), 3)
        assert all(sorted(order) == list(range(8)) for order in orders)
        assert any(order != list(range(8)) for order in orders)
        keras_core.utils.set_random_seed(3)
        assert batch_ids(EpochIterator(Batches(count=8), shuffle=True), 3) == orders

    def test_threads_keep_the_order_and_stop_with_the_pass(self):
        before = threading.active_count()
        dataset = Batches(count=7, workers=2, max_queue_size=3)
        assert batch_ids(EpochIterator(dataset), 2) == [list(range(7))] * 2
        assert threading.active_count() == before

    @fork_warning
    def test_processes_keep_the_order(self):
        dataset = Batches(count=4, workers=2, use_multiprocessing=True)
        assert batch_ids(EpochIterator(dataset, steps_per_execution=3)) == [
            [0, 1, 2, 3]
        ]

    @pytest.mark.parametrize(
        "kwargs",
        [
            {},
            {"workers": 2},
            pytest.param({"use_multiprocessing": True}, marks=fork_warning),
        ],
    )
    def test_errors_in_getitem_reach_the_loop(self, kwargs):
        iterator = EpochIterator(Batches(fail_at=2, **kwargs))
        with pytest.raises(KeyError, match="no batch 2"):
            batch_ids(iterator)

    def test_endless_dataset_with_steps_per_epoch(self):
        iterator = EpochIterator(Endless(), steps_per_epoch=3)
        assert iterator.num_batches == 3
        assert batch_ids(iterator, 2) == [[0, 1, 2], [3, 4, 5]]

    def test_endless_dataset_read_by_threads(self):
        iterator = EpochIterator(Endless(workers=2), steps_per_epoch=4)
        assert batch_ids(iterator) == [[0, 1, 2, 3]]
        iterator.reset()
        assert batch_ids(iterator) == [[0, 1, 2, 3]]

    def test_other_batch_forms(self):
        class Forms(PyDataset):
            def __len__(self):
                return 2

            def __getitem__(self, index):
                x = np.ones((2, 1))
                return x if index == 0 else [x, x]

        with pytest.raises(ValueError, match="different structures"):
            batch_ids(EpochIterator(Forms()))

    def test_class_weight(self):
        iterator = EpochIterator(Batches(count=3), class_weight={1: 5.0})
        weights = [
            ops.convert_to_numpy(batch[2])
            for _, group in iterator.enumerate_epoch()
            for batch in group
        ]
        np.testing.assert_array_equal(np.concatenate(weights), [1, 1, 5, 5, 1, 1])

    def test_get_data_adapter(self):
        assert isinstance(get_data_adapter(Batches()), PyDatasetAdapter)

    def test_errors(self):
        with pytest.raises(ValueError, match="PyDataset yielded no batches"):
            EpochIterator(Batches(count=0))
        with pytest.raises(ValueError, match="as a PyDataset, `y` should not"):
            EpochIterator(Batches(), y=np.ones(3))

        class BadCount(Batches):
            @property
            def num_batches(self):
                return "many"

        with pytest.raises(ValueError, match="num_batches must be an int"):
            EpochIterator(BadCount())
