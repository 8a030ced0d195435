"""The Metric base class, Sum, Mean and MeanMetricWrapper."""

import numpy as np
import pytest

import keras_core
import keras_core.metrics
from keras_core import metrics
from keras_core import ops
from keras_core._src.layers import call_context
from keras_core._src.metrics.reduction_metrics import reduce_to_samplewise_values
from keras_core._src.saving import serialization_lib


def value_of(tensor):
    return np.asarray(ops.convert_to_numpy(tensor))


def reference_mean(batches):
    """Keras's weighting rule, in NumPy, over `[(values, weights), ...]`."""
    total, count = 0.0, 0.0
    for values, weights in batches:
        values = np.asarray(values, "float64")
        if weights is None:
            if values.ndim > 1:
                values = values.mean(axis=tuple(range(1, values.ndim)))
            total += values.sum()
            count += values.size
            continue
        weights = np.asarray(weights, "float64")
        if values.ndim > weights.ndim:
            values = values.mean(axis=tuple(range(weights.ndim, values.ndim)))
        weights = weights.reshape(weights.shape + (1,) * (values.ndim - weights.ndim))
        weighted = values * weights
        weights = np.broadcast_to(weights, weighted.shape)
        if weighted.ndim > 1:
            trailing = tuple(range(1, weighted.ndim))
            weighted, weights = (
                weighted.mean(axis=trailing),
                weights.mean(axis=trailing),
            )
        total += weighted.sum()
        count += weights.sum()
    return total / count if count else 0.0


RNG = np.random.RandomState(0)
WEIGHTING_CASES = [
    ((4,), None),
    ((4,), (4,)),
    ((4, 3), None),
    ((4, 3), (4,)),
    ((4, 3), (4, 3)),
    ((4, 3), (4, 1)),
    ((4, 3, 2), (4,)),
    ((4, 3, 2), (4, 3)),
    ((4, 3, 2), (4, 3, 2)),
    ((), None),
    ((4, 3), ()),
]


@pytest.mark.parametrize(("values_shape", "weights_shape"), WEIGHTING_CASES)
def test_mean_follows_the_weighting_rule(values_shape, weights_shape):
    values = np.asarray(RNG.rand(*values_shape), "float32")
    weights = None
    if weights_shape is not None:
        weights = np.asarray(RNG.rand(*weights_shape), "float32")
    metric = metrics.Mean()
    metric.update_state(values, sample_weight=weights)
    np.testing.assert_allclose(
        value_of(metric.result()), reference_mean([(values, weights)]), rtol=1e-5
    )


def test_mean_hand_computed_values():
    metric = metrics.Mean()
    assert float(value_of(metric.result())) == 0.0
    metric.update_state([1.0, 3.0, 5.0, 7.0])
    assert float(value_of(metric.result())) == 4.0
    # A (batch, 2) value weighted per sample: sample means 1.5 and 3.5.
    metric.reset_state()
    metric.update_state([[1.0, 2.0], [3.0, 4.0]], sample_weight=[1.0, 3.0])
    np.testing.assert_allclose(value_of(metric.result()), (1.5 + 3 * 3.5) / 4)


def test_mean_accumulates_and_resets():
    batches = [
        (np.array([1.0, 2.0, 3.0]), None),
        (np.array([[4.0, 6.0], [1.0, 1.0]]), np.array([2.0, 0.5])),
        (np.array([10.0]), np.array([0.0])),
    ]
    metric = metrics.Mean()
    for values, weights in batches:
        metric.update_state(values, sample_weight=weights)
    np.testing.assert_allclose(
        value_of(metric.result()), reference_mean(batches), rtol=1e-6
    )
    metric.reset_state()
    assert [float(value_of(v)) for v in metric.variables] == [0.0, 0.0]
    assert float(value_of(metric.result())) == 0.0


def test_sum_weighted_and_broadcast():
    metric = metrics.Sum()
    metric.update_state([1.0, 3.0, 5.0], sample_weight=[1, 1, 0])
    assert float(value_of(metric.result())) == 4.0
    metric.update_state([[1.0, 2.0], [3.0, 4.0]], sample_weight=[2.0, 0.5])
    assert float(value_of(metric.result())) == 4.0 + 6.0 + 3.5
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0


def test_reduce_to_samplewise_values():
    values, weights = reduce_to_samplewise_values(
        np.ones((2, 3, 4), "float32"), np.array([[1.0, 0.0, 2.0], [1, 1, 1]]), "float32"
    )
    assert tuple(values.shape) == (2,) and tuple(weights.shape) == (2,)
    np.testing.assert_allclose(value_of(weights), [1.0, 1.0])
    values, weights = reduce_to_samplewise_values(
        np.ones((2, 3), "float32"), None, "float16"
    )
    assert weights is None and ops.convert_to_numpy(values).dtype == np.float16


def test_names_paths_dtype_and_config():
    metric = metrics.Mean(name="my_mean", dtype="float16")
    assert [v.path for v in metric.variables] == ["my_mean/total", "my_mean/count"]
    assert [v.dtype for v in metric.variables] == ["float16", "float16"]
    metric.update_state([1.0, 2.0])
    assert value_of(metric.result()).dtype == np.float16
    assert metric.get_config() == {"name": "my_mean", "dtype": "float16"}
    clone = metrics.Mean.from_config(metric.get_config())
    assert clone.name == "my_mean" and clone.dtype == "float16"
    assert metrics.Sum().get_config() == {"name": "sum", "dtype": "float32"}
    assert [v.path for v in metrics.Sum().variables] == ["sum/total"]
    assert metrics.Mean().variables[0].trainable is False


def test_default_dtype_follows_floatx():
    keras_core.config.set_floatx("float16")
    assert metrics.Mean().dtype == "float16"


def test_stateless_api_leaves_variables_alone():
    metric = metrics.Mean()
    state = [v.value for v in metric.variables]
    state = metric.stateless_update_state(state, [1.0, 3.0])
    state = metric.stateless_update_state(state, [5.0], sample_weight=[2.0])
    np.testing.assert_allclose(value_of(metric.stateless_result(state)), 14.0 / 4)
    assert float(value_of(metric.result())) == 0.0
    reset = metric.stateless_reset_state()
    assert [float(value_of(v)) for v in reset] == [0.0, 0.0]
    with pytest.raises(ValueError, match=r"'mean'.*2 values.*received 1"):
        metric.stateless_update_state(state[:1], [1.0])


class Total(metrics.Metric):
    def __init__(self, name="total", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")

    def update_state(self, values):
        self.total.assign_add(ops.sum(ops.cast(values, self.dtype)))

    def result(self):
        return ops.convert_to_tensor(self.total)


def test_custom_subclass():
    metric = Total()
    assert float(value_of(metric([1.0, 2.0]))) == 3.0
    metric.update_state([4.0])
    assert float(value_of(metric.result())) == 7.0
    metric.reset_state()
    assert float(value_of(metric.result())) == 0.0
    assert repr(metric) == "<Total name=total>"
    assert metric.get_config() == {"name": "total", "dtype": "float32"}
    assert metrics.Metric().name == "metric"


def test_base_methods_and_init_errors():
    with pytest.raises(NotImplementedError, match=r"Metric.*update_state"):
        metrics.Metric().update_state(1.0)
    with pytest.raises(NotImplementedError, match=r"Metric.*result"):
        metrics.Metric().result()

    class Forgetful(metrics.Metric):
        def __init__(self):
            self.total = self.add_variable(shape=(), initializer="zeros")

    with pytest.raises(RuntimeError, match=r"Forgetful\.add_variable.*__init__"):
        Forgetful()


class MeanAndTotal(metrics.Metric):
    def __init__(self, name="mean_and_total"):
        super().__init__(name=name)
        self.calls = self.add_variable(shape=(), initializer="zeros", name="calls")
        self.mean = metrics.Mean(name="inner_mean")
        self.sum = metrics.Sum(name="inner_sum")

    def update_state(self, values):
        self.calls.assign_add(1.0)
        self.mean.update_state(values)
        self.sum.update_state(values)

    def result(self):
        return self.mean.result() + self.sum.result()


def test_sub_metric_variables_stateless_and_reset():
    metric = MeanAndTotal()
    paths = [v.path for v in metric.variables]
    assert paths == [
        "mean_and_total/calls",
        "inner_mean/total",
        "inner_mean/count",
        "inner_sum/total",
    ]
    metric.update_state([1.0, 3.0])
    assert float(value_of(metric.result())) == 2.0 + 4.0
    state = metric.stateless_update_state([v.value for v in metric.variables], [5.0])
    assert float(value_of(metric.stateless_result(state))) == 3.0 + 9.0
    assert [float(value_of(v)) for v in state] == [2.0, 9.0, 3.0, 9.0]
    metric.reset_state()
    assert all(float(value_of(v)) == 0.0 for v in metric.variables)


def absolute_error(y_true, y_pred):
    return ops.abs(ops.convert_to_tensor(y_true) - y_pred)


def test_mean_metric_wrapper_values_weights_and_kwargs():
    metric = metrics.MeanMetricWrapper(fn=absolute_error)
    y_true = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, 0.0]])
    y_pred = np.array([[1.5, 2.5], [2.0, 4.0], [1.0, 3.0]])
    weights = np.array([1.0, 2.0, 0.0])
    metric.update_state(y_true, y_pred, sample_weight=weights)
    per_sample = np.abs(y_true - y_pred).mean(axis=1)
    np.testing.assert_allclose(
        value_of(metric.result()), (per_sample * weights).sum() / weights.sum()
    )

    def scaled(y_true, y_pred, factor=1.0):
        return factor * ops.abs(y_true - y_pred)

    scaled_metric = metrics.MeanMetricWrapper(fn=scaled, name="scaled", factor=3.0)
    scaled_metric.update_state([1.0, 2.0], [2.0, 2.0])
    assert float(value_of(scaled_metric.result())) == 1.5
    config = scaled_metric.get_config()
    assert config["factor"] == 3.0 and config["name"] == "scaled"


def test_mean_metric_wrapper_direction_from_function_name():
    assert metrics.MeanMetricWrapper(fn=absolute_error)._direction == "down"
    assert metrics.MeanMetricWrapper(fn=lambda t, p: t)._direction == "up"


def test_mean_metric_wrapper_config_round_trip():
    keras_core.saving.register_keras_serializable(package="tests_metrics")(
        absolute_error
    )
    metric = metrics.MeanMetricWrapper(fn=absolute_error, name="abs")
    record = serialization_lib.serialize_keras_object(metric)
    assert record["class_name"] == "MeanMetricWrapper"
    assert record["config"]["fn"]["class_name"] == "function"
    restored = serialization_lib.deserialize_keras_object(record)
    assert restored._fn is absolute_error and restored.name == "abs"
    restored.update_state([1.0], [3.0])
    assert float(value_of(restored.result())) == 2.0


def test_mean_metric_wrapper_reads_the_mask_of_y_pred():
    metric = metrics.MeanMetricWrapper(fn=absolute_error)
    y_pred = ops.convert_to_tensor(np.array([[1.0, 5.0], [2.0, 9.0]], "float32"))
    mask = ops.convert_to_tensor(np.array([[True, False], [True, True]]))
    with call_context.call_context() as context:
        call_context.set_mask(y_pred, mask, context)
        metric.update_state(np.zeros((2, 2), "float32"), y_pred)
        # The weight and the mask multiply.
        weighted = metrics.MeanMetricWrapper(fn=absolute_error)
        weighted.update_state(
            np.zeros((2, 2), "float32"), y_pred, sample_weight=[0.0, 1.0]
        )
    # Masked entries do not count: (1 + 2 + 9) / 3.
    np.testing.assert_allclose(value_of(metric.result()), 4.0, rtol=1e-6)
    np.testing.assert_allclose(value_of(weighted.result()), 5.5, rtol=1e-6)


def test_mean_in_compiled_functions():
    backend = keras_core.config.backend()
    metric = metrics.Mean()
    if backend == "jax":
        import jax

        update = jax.jit(metric.stateless_update_state)
        state = [v.value for v in metric.variables]
        state = update(state, np.array([1.0, 2.0]), np.array([1.0, 3.0]))
        state = update(state, np.array([4.0, 4.0]), np.array([0.0, 0.0]))
        np.testing.assert_allclose(value_of(metric.stateless_result(state)), 7.0 / 4)
    elif backend == "tensorflow":
        import tensorflow as tf

        update = tf.function(metric.update_state)
        update(np.array([1.0, 2.0]), np.array([1.0, 3.0]))
        update(np.array([4.0, 4.0]), np.array([0.0, 0.0]))
        np.testing.assert_allclose(value_of(metric.result()), 7.0 / 4)
    else:
        pytest.skip(f"no compiled-function wrapper to test on {backend}")
