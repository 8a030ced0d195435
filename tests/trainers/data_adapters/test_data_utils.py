"""pack/unpack_x_y_sample_weight, train_validation_split and class weights."""

import numpy as np
import pytest

from keras_core import ops
from keras_core._src.trainers.data_adapters import data_utils
from keras_core._src.trainers.data_adapters.data_utils import pack_x_y_sample_weight
from keras_core._src.trainers.data_adapters.data_utils import train_validation_split
from keras_core._src.trainers.data_adapters.data_utils import unpack_x_y_sample_weight

X = np.arange(10, dtype="float32").reshape(10, 1)
Y = np.arange(10) * 2


class TestPackUnpack:
    def test_x_alone_stays_bare(self):
        assert pack_x_y_sample_weight(X) is X
        assert pack_x_y_sample_weight({"a": X}) == {"a": X}

    def test_list_or_tuple_x_is_wrapped_so_unpack_keeps_it_whole(self):
        for x in ([X, X], (X, X)):
            packed = pack_x_y_sample_weight(x)
            assert packed == (x,)
            assert unpack_x_y_sample_weight(packed)[0] is x

    def test_x_y_and_sample_weight(self):
        assert pack_x_y_sample_weight(1, 2) == (1, 2)
        assert pack_x_y_sample_weight(1, 2, 3) == (1, 2, 3)

    def test_sample_weight_without_y_round_trips(self):
        packed = pack_x_y_sample_weight(1, None, 3)
        assert packed == (1, None, 3)
        assert unpack_x_y_sample_weight(packed) == (1, None, 3)

    @pytest.mark.parametrize(
        "data, expected",
        [
            ((1,), (1, None, None)),
            ((1, 2), (1, 2, None)),
            ([1, 2], (1, 2, None)),
            ((1, 2, 3), (1, 2, 3)),
            (5, (5, None, None)),
            ({"a": 1}, ({"a": 1}, None, None)),
        ],
    )
    def test_unpack(self, data, expected):
        assert unpack_x_y_sample_weight(data) == expected

    @pytest.mark.parametrize("data", [(), (1, 2, 3, 4)])
    def test_unpack_rejects_other_lengths(self, data):
        with pytest.raises(ValueError, match=f"tuple of {len(data)} items"):
            unpack_x_y_sample_weight(data)


class TestTrainValidationSplit:
    def test_holds_out_the_last_samples(self):
        (x_train, y_train, sw), (x_val, y_val, sw_val) = train_validation_split(
            (X, Y, None), validation_split=0.2
        )
        np.testing.assert_array_equal(x_train, X[:8])
        np.testing.assert_array_equal(y_train, Y[:8])
        np.testing.assert_array_equal(x_val, X[8:])
        np.testing.assert_array_equal(y_val, Y[8:])
        assert sw is None and sw_val is None

    def test_split_point_rounds_the_training_part_down(self):
        # floor(10 * 0.75) = 7 training samples.
        (x_train,), (x_val,) = train_validation_split((X,), validation_split=0.25)
        assert len(x_train) == 7 and len(x_val) == 3

    def test_nested_structures_and_backend_tensors(self):
        x = {"a": ops.convert_to_tensor(X), "b": X}
        y = [Y, Y]
        (x_train, _), (x_val, y_val) = train_validation_split(
            (x, y), validation_split=0.3
        )
        assert set(x_train) == {"a", "b"} and isinstance(y_val, list)
        np.testing.assert_array_equal(ops.convert_to_numpy(x_train["a"]), X[:7])
        np.testing.assert_array_equal(ops.convert_to_numpy(x_val["a"]), X[7:])
        np.testing.assert_array_equal(y_val[1], Y[7:])

    def test_pandas(self):
        pandas = pytest.importorskip("pandas")
        frame = pandas.DataFrame({"a": np.arange(10), "b": np.arange(10.0)})
        series = pandas.Series(np.arange(10))
        (_, y_train), (x_val, _) = train_validation_split(
            (frame, series), validation_split=0.2
        )
        assert isinstance(x_val, pandas.DataFrame)
        np.testing.assert_array_equal(x_val["a"].to_numpy(), [8, 9])
        np.testing.assert_array_equal(y_train.to_numpy(), np.arange(8))

    @pytest.mark.parametrize("split", [-0.1, 1.0, 1.5, "0.2", True, None])
    def test_rejects_splits_outside_zero_one(self, split):
        with pytest.raises(ValueError, match=r"must be a number in \[0, 1\)"):
            train_validation_split((X, Y), validation_split=split)

    @pytest.mark.parametrize("split", [0.0, 0.99])
    def test_rejects_splits_leaving_a_part_empty(self, split):
        with pytest.raises(ValueError, match="10 samples, which is not sufficient"):
            train_validation_split((X, Y), validation_split=split)

    def test_rejects_non_array_data(self):
        def generator():
            yield X

        with pytest.raises(ValueError, match=r"generator.*validation_data"):
            train_validation_split((generator(), None, None), validation_split=0.2)
        with pytest.raises(ValueError, match="int"):
            train_validation_split(([1, 2, 3], Y), validation_split=0.2)

    def test_rejects_arrays_of_different_lengths(self):
        with pytest.raises(ValueError, match="x sizes: 10; y sizes: 5"):
            train_validation_split((X, Y[:5]), validation_split=0.2)


class TestClassWeights:
    WEIGHTS = {0: 2.0, 1: 3.0, 2: 0.5}

    def test_integer_labels_and_missing_classes_weigh_one(self):
        weights = data_utils.class_weight_to_sample_weights(
            np.array([0, 1, 2, 3]), self.WEIGHTS
        )
        np.testing.assert_array_equal(weights, [2.0, 3.0, 0.5, 1.0])
        assert weights.dtype == np.float32

    def test_column_of_labels_and_float_labels(self):
        column = np.array([[1], [0], [2]])
        np.testing.assert_array_equal(
            data_utils.class_weight_to_sample_weights(column, self.WEIGHTS),
            [3.0, 2.0, 0.5],
        )
        floats = np.array([1.0, 0.0, 1.0], "float32")
        np.testing.assert_array_equal(
            data_utils.class_weight_to_sample_weights(floats, self.WEIGHTS),
            [3.0, 2.0, 3.0],
        )

    def test_one_hot_rows_use_their_argmax(self):
        one_hot = np.eye(3, dtype="float32")[[2, 0, 1, 2]]
        np.testing.assert_array_equal(
            data_utils.class_weight_to_sample_weights(one_hot, self.WEIGHTS),
            [0.5, 2.0, 3.0, 0.5],
        )

    @pytest.mark.parametrize(
        "class_weight, match",
        [
            ([1.0, 2.0], "must be a dict"),
            ({"a": 1.0}, "integer class indices"),
            ({0: "heavy"}, "must be numbers"),
        ],
    )
    def test_check_class_weight(self, class_weight, match):
        with pytest.raises(ValueError, match=match):
            data_utils.check_class_weight(class_weight)
