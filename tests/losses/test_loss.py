"""The Loss base: reductions, sample weights, masks, dtypes, configs."""

import numpy as np
import pytest

import keras_core
from keras_core import losses
from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.layers import call_context
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import reduce_weighted_values

BACKEND = keras_core.config.backend()
EPSILON = 1e-7
RNG = np.random.RandomState(3)
Y_TRUE = RNG.rand(4, 3, 5).astype("float32")
Y_PRED = RNG.rand(4, 3, 5).astype("float32")
# Per-sample values of MeanSquaredError on (4, 3, 5) inputs: shape (4, 3).
SQUARED = ((Y_TRUE - Y_PRED) ** 2).mean(axis=-1)
MASK = np.array(
    [[True, True, False], [True, False, False], [True, True, True], [False] * 3]
)


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def reduce_reference(weighted, weights, reduction):
    """NumPy reduction of already weighted values (`weights` as given)."""
    if reduction in (None, "none"):
        return weighted
    if reduction == "sum":
        return weighted.sum()
    if reduction == "mean_with_sample_weight" and weights is not None:
        return weighted.sum() / np.sum(weights)
    return weighted.sum() / weighted.size


REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", None]


class Scaled(losses.Loss):
    """Mean of 2 * (y_pred - y_true) over the last axis."""

    def call(self, y_true, y_pred):
        return ops.mean(2.0 * (y_pred - y_true), axis=-1)


class TestConstruction:
    def test_defaults_and_config(self):
        loss = losses.Loss()
        assert loss.name == "loss"
        assert loss.reduction == "sum_over_batch_size"
        assert loss.dtype == "float32"
        assert loss.get_config() == {"name": "loss", "reduction": "sum_over_batch_size"}
        assert Scaled().name == "scaled"

    def test_from_config_round_trip(self):
        loss = Scaled(name="s", reduction="sum")
        restored = Scaled.from_config(loss.get_config())
        assert restored.get_config() == {"name": "s", "reduction": "sum"}

    @pytest.mark.parametrize(
        "dtype, expected",
        [
            ("float16", "float16"),
            ("mixed_float16", "float16"),
            ("mixed_bfloat16", "bfloat16"),
            (DTypePolicy("mixed_float16"), "float16"),
            (None, "float32"),
        ],
    )
    def test_dtype_is_the_compute_dtype(self, dtype, expected):
        loss = losses.MeanSquaredError(dtype=dtype)
        assert loss.dtype == expected
        result = loss(Y_TRUE, Y_PRED)
        assert keras_core.backend.standardize_dtype(result.dtype) == expected

    def test_dtype_ignores_global_policy(self):
        keras_core.config.set_dtype_policy("mixed_float16")
        try:
            assert losses.Loss().dtype == "float32"
        finally:
            keras_core.config.set_dtype_policy("float32")

    def test_floatx_is_the_default(self):
        keras_core.config.set_floatx("float16")
        assert losses.MeanSquaredError().dtype == "float16"

    def test_invalid_reduction(self):
        with pytest.raises(ValueError, match=r"MeanSquaredError.*reduction='avg'"):
            losses.MeanSquaredError(reduction="avg")
        with pytest.raises(ValueError, match="sum_over_batch_size"):
            losses.Loss(reduction="avg")

    def test_call_not_implemented(self):
        with pytest.raises(NotImplementedError, match="must implement `call"):
            losses.Loss()(Y_TRUE, Y_PRED)

    def test_integer_inputs_become_the_loss_dtype(self):
        result = losses.MeanSquaredError()([[1, 2]], [[3, 5]])
        assert keras_core.backend.standardize_dtype(result.dtype) == "float32"
        assert float(value_of(result)) == pytest.approx(6.5)


class TestInputStructures:
    def test_nested_lists_are_one_tensor(self):
        assert float(value_of(Scaled()([[0.0, 1.0]], [[1.0, 2.0]]))) == 2.0

    def test_dict_structures_are_converted_per_leaf(self):
        class SumOfErrors(losses.Loss):
            def call(self, y_true, y_pred):
                return ops.abs(y_pred["a"] - y_true["a"]) + ops.abs(
                    y_pred["b"] - y_true["b"]
                )

        y_true = {"a": np.zeros(3), "b": [1, 1, 1]}
        y_pred = {"a": np.ones(3), "b": np.full(3, 3.0)}
        result = SumOfErrors(dtype="float16")(y_true, y_pred)
        assert keras_core.backend.standardize_dtype(result.dtype) == "float16"
        assert float(value_of(result)) == 3.0


class TestReductionsAndWeights:
    @pytest.mark.parametrize("reduction", [*REDUCTIONS, "none"])
    def test_unweighted(self, reduction):
        result = value_of(losses.MeanSquaredError(reduction=reduction)(Y_TRUE, Y_PRED))
        np.testing.assert_allclose(
            result, reduce_reference(SQUARED, None, reduction), rtol=1e-5
        )

    @pytest.mark.parametrize("reduction", REDUCTIONS)
    @pytest.mark.parametrize(
        "weights, broadcast",
        [
            # (weights given, the same broadcast to the (4, 3) values)
            (np.array([1.0, 0.0, 2.0, 0.5]), lambda w: w[:, None]),
            (np.array([[1.0], [0.0], [2.0], [0.5]]), lambda w: w),
            (RNG.rand(4, 3).astype("float32"), lambda w: w),
            (RNG.rand(4, 3, 1).astype("float32"), lambda w: w[..., 0]),
        ],
        ids=["batch", "batch_1", "batch_time", "batch_time_1"],
    )
    def test_weights_on_rank_2_values(self, reduction, weights, broadcast):
        loss = losses.MeanSquaredError(reduction=reduction)
        result = value_of(loss(Y_TRUE, Y_PRED, sample_weight=weights))
        expected = reduce_reference(SQUARED * broadcast(weights), weights, reduction)
        np.testing.assert_allclose(np.squeeze(result), expected, rtol=1e-5)

    @pytest.mark.parametrize("reduction", REDUCTIONS)
    @pytest.mark.parametrize("shape", [(4,), (4, 1)])
    def test_weights_on_rank_1_values(self, reduction, shape):
        y_true, y_pred = Y_TRUE[:, 0], Y_PRED[:, 0]
        per_sample = ((y_true - y_pred) ** 2).mean(axis=-1)
        weights = np.array([0.5, 1.0, 0.0, 3.0]).reshape(shape)
        loss = losses.MeanSquaredError(reduction=reduction)
        result = value_of(loss(y_true, y_pred, sample_weight=weights))
        expected = reduce_reference(per_sample * weights.reshape(4), weights, reduction)
        np.testing.assert_allclose(
            np.reshape(result, np.shape(expected)), expected, rtol=1e-5
        )

    def test_scalar_weight(self):
        result = losses.MeanSquaredError()(Y_TRUE, Y_PRED, sample_weight=2.0)
        np.testing.assert_allclose(value_of(result), 2 * SQUARED.mean(), rtol=1e-5)

    def test_scalar_values_scaled_by_each_weight(self):
        y_true = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
        y_pred = np.array([[0.9, 0.2, 0.4], [0.1, 0.8, 0.7]])
        dice = 1 - 2 * (y_true * y_pred).sum() / (y_true.sum() + y_pred.sum())
        result = losses.Dice()(y_true, y_pred, sample_weight=[2.0, 3.0])
        np.testing.assert_allclose(value_of(result), dice * 2.5, rtol=1e-5)

    def test_empty_batch(self):
        result = losses.MeanSquaredError()(np.zeros((0, 3)), np.zeros((0, 3)))
        assert value_of(result).shape == (0,)

    def test_weights_of_higher_rank_than_values(self):
        with pytest.raises(ValueError, match=r"MeanSquaredError.*sample_weight"):
            losses.MeanSquaredError()(Y_TRUE[:, 0], Y_PRED[:, 0], np.ones((4, 3, 2)))

    def test_reduce_weighted_values_directly(self):
        values = np.array([1.0, 2.0, 3.0], "float32")
        result = reduce_weighted_values(
            values, sample_weight=[1.0, 1.0, 0.0], reduction="sum", dtype="float32"
        )
        assert float(value_of(result)) == pytest.approx(3.0)
        with pytest.raises(ValueError, match=r"my_loss.*reduction='x'"):
            reduce_weighted_values(values, reduction="x", owner="my_loss")


def masked_prediction():
    """Y_PRED with MASK attached, in the open call context."""
    y_pred = ops.convert_to_tensor(Y_PRED)
    context = call_context.THREAD.context
    call_context.set_mask(y_pred, ops.convert_to_tensor(MASK), context)
    return y_pred


class TestMasks:
    @pytest.mark.parametrize("reduction", REDUCTIONS)
    @pytest.mark.parametrize("weighted", [False, True])
    def test_mask_of_y_pred(self, reduction, weighted):
        weights = np.array([[1.0], [2.0], [0.5], [1.0]]) if weighted else None
        loss = losses.MeanSquaredError(reduction=reduction)
        with call_context.call_context():
            result = value_of(loss(Y_TRUE, masked_prediction(), weights))
        mask = MASK.astype("float32")
        full = mask if weights is None else mask * weights
        if reduction in ("sum_over_batch_size", "mean"):
            # The mean over the unmasked entries.
            expected = (SQUARED * full).sum() / mask.sum()
        elif reduction == "mean_with_sample_weight":
            expected = (SQUARED * full).sum() / full.sum()
        else:
            expected = reduce_reference(SQUARED * full, None, reduction)
        np.testing.assert_allclose(result, expected, rtol=1e-5)

    def test_mask_from_a_masking_layer(self):
        inputs = np.concatenate([Y_PRED, np.zeros((4, 1, 5), "float32")], axis=1)
        targets = np.concatenate([Y_TRUE, np.ones((4, 1, 5), "float32")], axis=1)
        with call_context.call_context():
            outputs = keras_core.layers.Masking(mask_value=0.0)(inputs)
            result = losses.MeanSquaredError()(targets, outputs)
        np.testing.assert_allclose(value_of(result), SQUARED.mean(), rtol=1e-5)

    def test_mask_and_ignored_class_combine(self):
        labels = np.array([[0, 1, 2], [2, 1, 0], [1, 1, 1], [0, 0, 2]])
        probabilities = RNG.rand(4, 3, 4).astype("float32") + 0.1
        probabilities /= probabilities.sum(-1, keepdims=True)
        per_entry = -np.log(np.take_along_axis(probabilities, labels[..., None], -1))
        keep = MASK & (labels != 1)
        loss = losses.SparseCategoricalCrossentropy(ignore_class=1)
        with call_context.call_context():
            y_pred = ops.convert_to_tensor(probabilities)
            context = call_context.THREAD.context
            call_context.set_mask(y_pred, ops.convert_to_tensor(MASK), context)
            result = loss(labels, y_pred)
        expected = (per_entry[..., 0] * keep).sum() / keep.sum()
        np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


class TestSymbolic:
    @pytest.mark.parametrize("batch", [4, None])
    def test_scalar_keras_tensor(self, batch):
        y_true = KerasTensor((batch, 3))
        y_pred = KerasTensor((batch, 3))
        result = losses.MeanSquaredError()(y_true, y_pred)
        assert isinstance(result, KerasTensor)
        assert result.shape == ()
        assert result.dtype == "float32"

    def test_unreduced_keras_tensor(self):
        result = losses.MeanSquaredError(reduction=None, dtype="float16")(
            KerasTensor((None, 3)), KerasTensor((None, 3))
        )
        assert result.shape == (None,)
        assert result.dtype == "float16"

    def test_function_on_keras_tensors(self):
        result = losses.mean_squared_error(
            KerasTensor((2, 5, 3)), KerasTensor((2, 5, 3))
        )
        assert result.shape == (2, 5)


class TestCompiled:
    def test_jitted_call(self):
        loss = losses.MeanSquaredError()
        weights = np.array([1.0, 0.0, 2.0, 0.5], "float32")
        expected = (SQUARED * weights[:, None]).mean()
        if BACKEND == "jax":
            import jax

            result = jax.jit(loss)(Y_TRUE, Y_PRED, weights)
        elif BACKEND == "tensorflow":
            import tensorflow as tf

            result = tf.function(loss)(Y_TRUE, Y_PRED, weights)
        else:
            pytest.skip("jax.jit and tf.function only exist on their backends")
        np.testing.assert_allclose(value_of(result), expected, rtol=1e-5)


class TestLossFunctionWrapper:
    def test_call_and_config(self):
        loss = LossFunctionWrapper(losses.huber, delta=2.0, name="h", reduction="sum")
        errors = np.abs(Y_PRED - Y_TRUE)
        huber = np.where(errors <= 2.0, 0.5 * errors**2, 2.0 * errors - 2.0)
        np.testing.assert_allclose(
            value_of(loss(Y_TRUE, Y_PRED)), huber.mean(-1).sum(), rtol=1e-5
        )
        config = loss.get_config()
        assert config == {
            "name": "h",
            "reduction": "sum",
            "fn": {
                "module": "builtins",
                "class_name": "function",
                "config": "huber",
                "registered_name": "function",
            },
            "delta": 2.0,
        }
        restored = LossFunctionWrapper.from_config(config)
        assert restored.fn is losses.huber
        assert restored.get_config() == config

    def test_integer_label_functions_keep_integer_targets(self):
        # Label 2049 is not a float16 number: it must not pass through one.
        logits = np.zeros((1, 2100), "float32")
        logits[0, 2049] = 10.0
        loss = LossFunctionWrapper(
            losses.sparse_categorical_crossentropy, from_logits=True, dtype="float16"
        )
        expected = -(10.0 - np.log(np.exp(10.0) + 2099))
        np.testing.assert_allclose(value_of(loss([2049], logits)), expected, rtol=1e-2)

    def test_default_name_and_repr(self):
        loss = LossFunctionWrapper(losses.mean_squared_error)
        assert loss.name == "loss_function_wrapper"
        assert repr(loss).startswith(
            "<LossFunctionWrapper(<function mean_squared_error"
        )
