"""Generators (and iterators) of batches through EpochIterator."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core import tree
from keras_core._src.trainers.data_adapters import EpochIterator
from keras_core._src.trainers.data_adapters import get_data_adapter
from keras_core._src.trainers.data_adapters.generator_adapter import (
    GeneratorDataAdapter,
)

X = np.arange(12, dtype="float64").reshape(6, 2)
Y = np.arange(6)


def numpy_of(structure):
    return tree.map_structure(
        lambda leaf: None if leaf is None else ops.convert_to_numpy(leaf), structure
    )


def one_epoch(iterator):
    return [batch for _, group in iterator.enumerate_epoch() for batch in group]


def batches_of(*batches):
    yield from batches


class TestBatches:
    def test_tuples_keep_their_form(self):
        iterator = EpochIterator(
            batches_of((X[:3], Y[:3]), (X[3:], Y[3:])), steps_per_execution=2
        )
        first, second = numpy_of(one_epoch(iterator))
        assert isinstance(first, tuple) and len(first) == 2
        np.testing.assert_array_equal(second[0], X[3:])
        np.testing.assert_array_equal(second[1], Y[3:])

    def test_x_only_forms(self):
        # `(x,)`, a bare array and a dict all mean inputs without targets.
        for batch, expected_type in [
            ((X,), np.ndarray),
            (X, np.ndarray),
            ({"a": X}, dict),
        ]:
            (result,) = numpy_of(one_epoch(EpochIterator(batches_of(batch))))
            assert isinstance(result, expected_type)

    def test_lists_count_as_tuples(self):
        (batch,) = numpy_of(one_epoch(EpochIterator(batches_of([X, Y, Y * 0.5]))))
        assert isinstance(batch, tuple) and len(batch) == 3
        np.testing.assert_allclose(batch[2], Y * 0.5)

    def test_float64_becomes_floatx_other_dtypes_stay(self):
        batch = ({"f64": X, "f16": X.astype("float16"), "i64": Y}, Y > 2)
        (result,) = one_epoch(EpochIterator(batches_of(batch)))
        dtypes = {
            k: keras_core.backend.standardize_dtype(v.dtype)
            for k, v in result[0].items()
        }
        assert dtypes["f64"] == "float32" and dtypes["f16"] == "float16"
        assert dtypes["i64"] in ("int64", "int32")  # JAX without x64 narrows
        assert keras_core.backend.standardize_dtype(result[1].dtype) == "bool"

    def test_an_iterator_works_like_a_generator(self):
        iterator = EpochIterator(iter([(X, Y), (X, Y)]))
        assert len(one_epoch(iterator)) == 2

    def test_class_weight(self):
        iterator = EpochIterator(
            batches_of((X, Y), (X[:2], Y[:2])), class_weight={1: 3.0, 5: 0.0}
        )
        weights = [numpy_of(batch)[2] for batch in one_epoch(iterator)]
        np.testing.assert_array_equal(weights[0], [1, 3, 1, 1, 1, 0])
        np.testing.assert_array_equal(weights[1], [1, 3])

    def test_get_data_adapter(self):
        adapter = get_data_adapter(batches_of((X,)), batch_size=8)
        # batch_size is ignored, as in Keras: the generator batches itself.
        assert isinstance(adapter, GeneratorDataAdapter)
        assert adapter.num_batches is None


class TestErrors:
    def test_empty_generator(self):
        with pytest.raises(ValueError, match="generator yielded no batches"):
            EpochIterator(batches_of())

    def test_structure_change_names_both_structures(self):
        iterator = EpochIterator(batches_of((X, Y), (X,)))
        with pytest.raises(
            ValueError,
            match=r"different structures: the first was .*"
            r"\(ndarray, ndarray, None\), but batch 1 of this pass is "
            r"\(ndarray, None, None\)",
        ):
            one_epoch(iterator)

    def test_nesting_change(self):
        iterator = EpochIterator(batches_of(({"a": X}, Y), ({"b": X}, Y)))
        with pytest.raises(ValueError, match=r"\{'a': ndarray\}.*\{'b': ndarray\}"):
            one_epoch(iterator)

    @pytest.mark.parametrize(
        "batch, match",
        [
            (3, "batch of type int"),
            ("text", "batch of type str"),
            (None, "batch of type NoneType"),
            ((), "tuple of 0 items"),
            ((X, Y, Y, Y), "tuple of 4 items"),
        ],
    )
    def test_a_batch_that_is_not_a_tuple_or_array(self, batch, match):
        with pytest.raises(ValueError, match=match):
            EpochIterator(batches_of(batch))

    def test_a_bad_batch_later_in_the_pass(self):
        iterator = EpochIterator(batches_of((X,), 7))
        with pytest.raises(ValueError, match="batch of type int"):
            one_epoch(iterator)

    def test_y_and_sample_weight_are_refused(self):
        with pytest.raises(ValueError, match="`y` should not be passed"):
            EpochIterator(batches_of((X,)), y=Y)
        with pytest.raises(ValueError, match="`sample_weight` should not be passed"):
            EpochIterator(batches_of((X,)), sample_weight=Y)

    def test_class_weight_errors_come_before_any_step(self):
        with pytest.raises(ValueError, match="has no targets"):
            EpochIterator(batches_of((X,)), class_weight={0: 1.0})
        with pytest.raises(ValueError, match="single output"):
            EpochIterator(batches_of((X, [Y, Y])), class_weight={0: 1.0})
        with pytest.raises(ValueError, match="`class_weight` and `sample_weight`"):
            EpochIterator(batches_of((X, Y, Y)), class_weight={0: 1.0})
