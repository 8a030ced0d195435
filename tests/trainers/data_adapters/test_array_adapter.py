"""Array data (NumPy, backend tensors, pandas, nested) through EpochIterator."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core import tree
from keras_core._src.trainers.data_adapters import EpochIterator
from keras_core._src.trainers.data_adapters import get_data_adapter
from keras_core._src.trainers.data_adapters.array_adapter import ArrayDataAdapter

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
    """Batch values are what the backend's steps take."""
    if BACKEND in ("jax", "numpy"):
        # NumPy (taken by jax.jit as is) or the backend's own arrays.
        assert isinstance(leaf, np.ndarray) or ops.is_tensor(leaf), type(leaf)
    else:
        assert ops.is_tensor(leaf) and not isinstance(leaf, np.ndarray), type(leaf)


class TestBatches:
    def test_default_batch_size_is_32_and_last_batch_is_kept(self):
        x = np.zeros((70, 1), "float32")
        iterator = EpochIterator(x)
        batches = one_epoch(iterator)
        assert iterator.num_batches == 3
        assert [len(ops.convert_to_numpy(b)) for b in batches] == [32, 32, 6]

    def test_x_alone_is_bare_and_x_y_sample_weight_are_tuples(self):
        (only_x,) = one_epoch(EpochIterator(X, batch_size=10))
        assert_backend_value(only_x)
        np.testing.assert_array_equal(ops.convert_to_numpy(only_x), X)
        (x_y,) = one_epoch(EpochIterator(X, Y, batch_size=10))
        assert isinstance(x_y, tuple) and len(x_y) == 2
        sample_weight = np.linspace(0, 1, 10)
        (full,) = one_epoch(EpochIterator(X, Y, sample_weight, batch_size=10))
        assert len(full) == 3
        np.testing.assert_allclose(numpy_of(full[2]), sample_weight, rtol=1e-6)

    def test_partial_batches_in_order(self):
        batches = numpy_of(one_epoch(EpochIterator(X, Y, batch_size=4)))
        assert [len(y) for _, y in batches] == [4, 4, 2]
        np.testing.assert_array_equal(np.concatenate([y for _, y in batches]), Y)
        np.testing.assert_array_equal(np.concatenate([x for x, _ in batches]), X)

    def test_batch_size_larger_than_the_data(self):
        iterator = EpochIterator(X, batch_size=100)
        assert iterator.num_batches == 1
        assert numpy_of(one_epoch(iterator)[0]).shape == (10, 2)

    def test_floats_become_floatx_and_ints_and_bools_keep_their_dtype(self):
        x = {
            "f64": X,
            "f16": X.astype("float16"),
            "i8": X.astype("int8"),
            "u8": X.astype("uint8"),
            "b": X > 3,
        }
        (batch,) = one_epoch(EpochIterator(x, batch_size=10))
        dtypes = {
            key: keras_core.backend.standardize_dtype(v.dtype)
            for key, v in batch.items()
        }
        assert dtypes == {
            "f64": "float32",
            "f16": "float32",
            "i8": "int8",
            "u8": "uint8",
            "b": "bool",
        }

    def test_floats_follow_floatx(self):
        keras_core.config.set_floatx("float16")
        (batch,) = one_epoch(EpochIterator(X, batch_size=10))
        assert keras_core.backend.standardize_dtype(batch.dtype) == "float16"

    def test_nested_structures_keep_their_nesting(self):
        x = {"a": X, "b": [X[:, :1], (X[:, 1:],)]}
        y = {"out": Y}
        x_batch, y_batch = numpy_of(one_epoch(EpochIterator(x, y, batch_size=3))[-1])
        assert set(x_batch) == {"a", "b"} and isinstance(x_batch["b"], list)
        assert isinstance(x_batch["b"][1], tuple)
        np.testing.assert_array_equal(x_batch["b"][1][0], X[9:, 1:])
        np.testing.assert_array_equal(y_batch["out"], [9])

    def test_list_of_inputs_without_targets_is_a_one_tuple(self):
        (batch,) = one_epoch(EpochIterator([X, X], batch_size=10))
        assert isinstance(batch, tuple) and len(batch) == 1
        assert isinstance(batch[0], list) and len(batch[0]) == 2

    def test_backend_tensors_as_arrays(self):
        x = ops.convert_to_tensor(X.astype("float32"))
        y = ops.convert_to_tensor(Y.astype("int32"))
        x_batch, y_batch = one_epoch(EpochIterator(x, y, batch_size=6))[1]
        assert_backend_value(x_batch)
        np.testing.assert_array_equal(ops.convert_to_numpy(x_batch), X[6:])
        np.testing.assert_array_equal(ops.convert_to_numpy(y_batch), Y[6:])

    def test_pandas_frames_and_series(self):
        pandas = pytest.importorskip(
            "pandas", reason="pandas is in the `test` extra (pip install .[test])"
        )
        frame = pandas.DataFrame({"a": np.arange(10), "b": np.arange(10.0) / 2})
        series = pandas.Series(np.arange(10) % 3)
        x_batch, y_batch = one_epoch(EpochIterator(frame, series, batch_size=4))[2]
        assert_backend_value(x_batch)
        # Mixed columns make one float64 array, which becomes float32.
        assert keras_core.backend.standardize_dtype(x_batch.dtype) == "float32"
        np.testing.assert_array_equal(ops.convert_to_numpy(x_batch), [[8, 4], [9, 4.5]])
        np.testing.assert_array_equal(ops.convert_to_numpy(y_batch), [2, 0])


class TestShuffle:
    def sample_order(self, shuffle, batch_size=4, epochs=1, iterator=None):
        iterator = iterator or EpochIterator(
            X, Y, batch_size=batch_size, shuffle=shuffle
        )
        orders = []
        for _ in range(epochs):
            orders.append([list(numpy_of(b)[1]) for b in one_epoch(iterator)])
        return orders

    def test_shuffle_permutes_samples_each_epoch_keeping_pairs(self):
        iterator = EpochIterator(X, Y, batch_size=4, shuffle=True)
        epochs = []
        for _ in range(3):
            batches = numpy_of(one_epoch(iterator))
            x = np.concatenate([b[0] for b in batches])
            y = np.concatenate([b[1] for b in batches])
            np.testing.assert_array_equal(x[:, 0], 2 * y)
            assert sorted(y) == list(range(10))
            assert [len(b[1]) for b in batches] == [4, 4, 2]
            epochs.append(list(y))
        assert epochs[0] != list(range(10)) or epochs[1] != list(range(10))
        assert epochs[0] != epochs[1] or epochs[1] != epochs[2]

    def test_shuffle_is_reproducible_with_set_random_seed(self):
        keras_core.utils.set_random_seed(7)
        first = self.sample_order(True, epochs=2)
        keras_core.utils.set_random_seed(7)
        assert self.sample_order(True, epochs=2) == first
        keras_core.utils.set_random_seed(8)
        assert self.sample_order(True, epochs=2) != first

    def test_batch_shuffle_shuffles_within_batches_in_batch_order(self):
        keras_core.utils.set_random_seed(0)
        (order,) = self.sample_order("batch", batch_size=5)
        assert [sorted(batch) for batch in order] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
        keras_core.utils.set_random_seed(0)
        orders = self.sample_order("batch", batch_size=5, epochs=4)
        assert any(batch != sorted(batch) for order in orders for batch in order)

    def test_no_shuffle_keeps_the_order(self):
        assert (
            self.sample_order(False, epochs=2)
            == [[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]] * 2
        )

    def test_bad_shuffle_value(self):
        with pytest.raises(ValueError, match="shuffle='random'"):
            EpochIterator(X, shuffle="random")


class TestClassWeight:
    def test_class_weight_becomes_sample_weight(self):
        y = np.array([0, 1, 2, 1, 0])
        batches = numpy_of(
            one_epoch(
                EpochIterator(X[:5], y, batch_size=2, class_weight={0: 0.5, 1: 2.0})
            )
        )
        assert all(len(batch) == 3 for batch in batches)
        weights = np.concatenate([batch[2] for batch in batches])
        np.testing.assert_array_equal(weights, [0.5, 2.0, 1.0, 2.0, 0.5])

    def test_one_hot_targets(self):
        y = np.eye(3)[[2, 2, 0]]
        (batch,) = numpy_of(one_epoch(EpochIterator(X[:3], y, class_weight={2: 4.0})))
        np.testing.assert_array_equal(batch[2], [4.0, 4.0, 1.0])

    def test_errors(self):
        with pytest.raises(ValueError, match="needs targets `y`"):
            EpochIterator(X, class_weight={0: 1.0})
        with pytest.raises(ValueError, match="`class_weight` and `sample_weight`"):
            EpochIterator(X, Y, sample_weight=np.ones(10), class_weight={0: 1.0})
        for y in ([Y, Y], {"a": Y}, (Y,)):
            with pytest.raises(ValueError, match="single output"):
                EpochIterator(X, y, class_weight={0: 1.0})


class TestErrors:
    def test_different_numbers_of_samples_name_each_length(self):
        with pytest.raises(ValueError, match="x sizes: 10; y sizes: 5"):
            EpochIterator(X, Y[:5])
        with pytest.raises(ValueError, match="y sizes: 10; sample_weight sizes: 4"):
            EpochIterator(X, Y, sample_weight=np.ones(4))
        with pytest.raises(ValueError, match="x sizes: 10, 3; y sizes: 10, 7"):
            EpochIterator({"a": X, "b": X[:3]}, [Y, Y[:7]])

    def test_empty_arrays(self):
        with pytest.raises(ValueError, match="yielded no batches"):
            EpochIterator(np.zeros((0, 2)))

    def test_unrecognized_data(self):
        for x, match in [
            (None, r"x=None \(of type NoneType\)"),
            ("abc", "of type str"),
            (3, "of type int"),
            ([1, 2, 3], r"x\[0\]=1 .*np.array"),
            ({1, 2}, "of type set"),
        ]:
            with pytest.raises(ValueError, match=f"Unrecognized data type: .*{match}"):
                EpochIterator(x)

    def test_scalars_and_strings(self):
        with pytest.raises(ValueError, match="y is a scalar"):
            EpochIterator(X, np.float32(1.0))
        with pytest.raises(ValueError, match=r"x\['text'\] has dtype <U1"):
            EpochIterator({"text": np.array(["a"] * 10)})

    @pytest.mark.parametrize("batch_size", [0, -1, 1.5, "8", True])
    def test_batch_size_must_be_a_positive_int(self, batch_size):
        with pytest.raises(ValueError, match="`batch_size` must be a positive int"):
            EpochIterator(X, batch_size=batch_size)

    @pytest.mark.parametrize("steps", [0, -1, 1.5, True])
    def test_steps_per_epoch_must_be_a_positive_int(self, steps):
        with pytest.raises(ValueError, match=r"`steps_per_epoch`.*positive int"):
            EpochIterator(X, steps_per_epoch=steps)

    def test_get_data_adapter_picks_the_array_adapter(self):
        adapter = get_data_adapter(X, Y, batch_size=3)
        assert isinstance(adapter, ArrayDataAdapter)
        assert adapter.num_batches == 4 and adapter.batch_size == 3
