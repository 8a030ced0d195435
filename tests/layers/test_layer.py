"""The Layer base: state tracking, building, calling, losses, configs."""

import numpy as np
import pytest
from layer_fixtures import Linear
from layer_fixtures import MaskedSum
from layer_fixtures import RunningMean
from layer_fixtures import Shift
from layer_fixtures import TrainingProbe
from layer_fixtures import ZeroMask
from layer_fixtures import to_numpy

import keras_core
from keras_core import ops
from keras_core.layers import Layer


def test_lazy_build_creates_weights_from_first_input():
    layer = Linear(3)
    assert not layer.built and layer.weights == []
    x = np.random.RandomState(0).normal(size=(4, 5)).astype("float32")
    y = layer(x)
    assert layer.built
    assert [w.path for w in layer.weights] == ["linear/kernel", "linear/bias"]
    assert [w.shape for w in layer.weights] == [(5, 3), (3,)]
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(to_numpy(y), x @ kernel + bias, rtol=1e-5, atol=1e-6)
    assert layer.get_build_config() == {"input_shape": (4, 5)}
    assert layer.count_params() == 18


def test_numpy_float64_inputs_are_cast_to_the_compute_dtype():
    layer = Linear(2)
    y = layer(np.ones((1, 3), dtype="float64"))
    assert keras_core.backend.standardize_dtype(y.dtype) == "float32"


def test_tracking_attributes_lists_and_dicts():
    class Block(Layer):
        def __init__(self):
            super().__init__()
            self.first = Linear(2)
            self.stack = [Linear(2)]
            self.by_name = {"head": Linear(1)}
            self.stack.append(Linear(2))
            self.counter = keras_core.Variable(0, trainable=False, name="counter")
            self.seeds = keras_core.random.SeedGenerator(1)

        def call(self, x):
            for layer in [self.first, *self.stack, self.by_name["head"]]:
                x = layer(x)
            return x

    block = Block()
    assert len(block._layers) == 4
    block(np.ones((2, 3), "float32"))
    assert len(block.weights) == 9
    assert len(block.trainable_weights) == 8
    assert [w.name for w in block.non_trainable_weights] == ["counter"]
    # Seed generator state is a variable but not a weight.
    assert len(block.variables) == 10
    assert len(block.non_trainable_variables) == 2
    removed = block.stack.pop()
    assert all(removed is not layer for layer in block._layers)
    assert isinstance(block.stack, list) and isinstance(block.by_name, dict)


def test_trainable_propagates_to_sub_layers():
    class Outer(Layer):
        def __init__(self):
            super().__init__()
            self.inner = Linear(2)
            self.stats = RunningMean()

        def call(self, x):
            return self.stats(self.inner(x))

    outer = Outer()
    outer(np.ones((2, 3), "float32"))
    assert len(outer.trainable_weights) == 2
    outer.trainable = False
    assert outer.trainable_weights == [] and not outer.inner.trainable
    assert len(outer.non_trainable_weights) == 3
    outer.trainable = True
    assert len(outer.trainable_weights) == 2
    # The running mean stays non-trainable.
    assert [w.name for w in outer.non_trainable_weights] == ["mean"]


def test_state_cannot_be_added_after_build():
    class Late(Layer):
        def call(self, x):
            self.w = self.add_weight(shape=(1,))
            return x

    with pytest.raises(ValueError, match="already built"):
        Late()(np.ones((1, 2), "float32"))


def test_training_flag_flows_from_the_outermost_call():
    class Outer(Layer):
        def __init__(self):
            super().__init__()
            self.probe = TrainingProbe()
            self.frozen_probe = TrainingProbe()

        def call(self, x, training=None):
            x = self.probe(x)
            return self.frozen_probe(x, training=False)

    outer = Outer()
    x = np.ones((1, 2), "float32")
    outer(x, training=True)
    outer(x)
    assert outer.probe.seen == [True, None]
    assert outer.frozen_probe.seen == [False, False]


def test_training_false_override_reaches_nested_layers():
    class Wrapper(Layer):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def call(self, x, training=None):
            return self.inner(x)

    probe = TrainingProbe()
    wrapper = Wrapper(probe)

    class Top(Layer):
        def __init__(self):
            super().__init__()
            self.wrapper = wrapper

        def call(self, x, training=None):
            return self.wrapper(x, training=False)

    Top()(np.ones((1, 2), "float32"), training=True)
    assert probe.seen == [False]


def test_masks_pass_between_layers_in_an_eager_subclass():
    class Pipeline(Layer):
        def __init__(self):
            super().__init__()
            self.mask = ZeroMask()
            self.shift = Shift()
            self.sum = MaskedSum()

        def call(self, x):
            return self.sum(self.shift(self.mask(x)))

    x = np.array([[[1.0, 2.0], [0.0, 0.0], [3.0, 1.0]]], "float32")
    # The all-zero step is masked out after the shift made it non-zero.
    np.testing.assert_allclose(to_numpy(Pipeline()(x)), [[6.0, 5.0]])
    np.testing.assert_allclose(to_numpy(MaskedSum()(Shift()(x))), [[7.0, 6.0]])


def test_compute_mask_result_is_attached_to_symbolic_outputs():
    inputs = keras_core.Input((3, 2))
    masked = ZeroMask()(inputs)
    assert masked._keras_mask.shape == (None, 3)
    assert masked._keras_mask.dtype == "bool"


def test_add_loss_and_losses_reset_on_each_outermost_call():
    class Penalized(Layer):
        def call(self, x):
            self.add_loss(ops.sum(x))
            return x

    layer = Penalized()
    layer(np.ones((2, 2), "float32"))
    assert len(layer.losses) == 1
    np.testing.assert_allclose(to_numpy(layer.losses[0]), 4.0)
    layer(np.ones((1, 2), "float32"))
    assert len(layer.losses) == 1
    np.testing.assert_allclose(to_numpy(layer.losses[0]), 2.0)


def test_weight_regularizers_and_activity_regularizer_join_losses():
    layer = Linear(2, kernel_initializer="ones", activity_regularizer="l2")
    x = np.ones((4, 3), "float32")
    y = layer(x)
    expected = 0.01 * np.sum(to_numpy(y) ** 2) / 4
    np.testing.assert_allclose(to_numpy(layer.losses[0]), expected, rtol=1e-5)

    class Regularized(Layer):
        def build(self, input_shape):
            self.w = self.add_weight(
                shape=(2,),
                initializer="ones",
                regularizer=keras_core.regularizers.L1(0.5),
            )

        def call(self, x):
            return x * self.w

    regularized = Regularized()
    regularized(np.ones((1, 2), "float32"))
    np.testing.assert_allclose(to_numpy(regularized.losses[0]), 1.0)


def test_input_spec_error_names_both_layers_and_hints_flatten():
    inputs = keras_core.Input((28, 28))
    features = Linear(6, name="features")(inputs)
    head = Linear(10, name="head")
    head(keras_core.Input((4,)))
    with pytest.raises(ValueError) as error:
        head(features)
    message = str(error.value)
    assert 'layer "head"' in message
    assert "expected axis -1 of input shape to have value 4" in message
    assert "(None, 28, 6)" in message
    assert 'produced by layer "features"' in message
    assert 'Flatten() or Reshape() layer between "features" and "head"' in message


def test_rank_error_suggests_flatten():
    layer = Linear(3, name="dense_1")
    layer.build((None, 784))
    with pytest.raises(ValueError) as error:
        layer(np.ones((2, 28, 28), "float32"))
    message = str(error.value)
    assert "expected axis -1 of input shape to have value 784" in message
    assert "(2, 28, 28)" in message
    assert "Flatten()" in message


def test_symbolic_calls_give_shapes_and_dtypes():
    layer = Linear(5)
    out = layer(keras_core.Input((7,)))
    assert out.shape == (None, 5) and out.dtype == "float32"
    assert layer.compute_output_shape((2, 7)) == (2, 5)
    assert layer.output is out
    assert layer.input.shape == (None, 7)

    class NoShapeRule(Layer):
        def call(self, x):
            return ops.concatenate([x, x], axis=-1)

    spec = NoShapeRule().compute_output_spec(keras_core.KerasTensor((None, 3)))
    assert spec.shape == (None, 6)


def test_input_and_output_errors_for_uncalled_and_reused_layers():
    layer = Linear(2)
    with pytest.raises(AttributeError, match="never been called"):
        _ = layer.output
    layer(keras_core.Input((3,)))
    layer(keras_core.Input((3,)))
    with pytest.raises(AttributeError, match="2 times"):
        _ = layer.input


def test_auto_config_and_explicit_config_requirement():
    layer = Linear(3, name="projection")
    config = layer.get_config()
    assert config["units"] == 3 and config["kernel_initializer"] == "glorot_uniform"
    assert config["dtype"]["config"]["name"] == "float32"
    clone = Linear.from_config(config)
    assert clone.units == 3 and clone.trainable

    class Opaque(Layer):
        def __init__(self, thing, **kwargs):
            super().__init__(**kwargs)
            self.thing = thing

    with pytest.raises(NotImplementedError, match="get_config"):
        Opaque(object()).get_config()
    base = Layer(name="plain").get_config()
    assert base["name"] == "plain" and base["trainable"] is True and base["autocast"]


def test_get_and_set_weights_validate_count_and_shapes():
    layer = Linear(2)
    layer.build((None, 3))
    kernel = np.arange(6, dtype="float32").reshape(3, 2)
    layer.set_weights([kernel, np.ones(2, "float32")])
    np.testing.assert_array_equal(layer.get_weights()[0], kernel)
    with pytest.raises(ValueError, match="expecting 2 weights"):
        layer.set_weights([kernel])
    with pytest.raises(ValueError, match=r"\(3, 2\) .*not compatible.*\(2, 3\)"):
        layer.set_weights([kernel.T, np.ones(2)])
    with pytest.raises(ValueError, match="isn't built"):
        Linear(2).count_params()


def test_stateless_call_returns_outputs_and_new_non_trainable_values():
    layer = RunningMean()
    x = np.array([[2.0, 4.0], [4.0, 8.0]], "float32")
    layer.build((None, 2))
    outputs, (new_mean,) = layer.stateless_call(
        [], [np.ones(2, "float32")], x, training=True
    )
    np.testing.assert_allclose(to_numpy(new_mean), [2.0, 3.5])
    np.testing.assert_allclose(to_numpy(outputs), x - np.array([2.0, 3.5]))
    # The layer's own variable is unchanged.
    np.testing.assert_allclose(layer.mean.numpy(), [0.0, 0.0])
    with pytest.raises(ValueError, match="must have 1 values"):
        layer.stateless_call([], [], x)


def test_stateless_call_returns_losses():
    class Penalized(Layer):
        def build(self, input_shape):
            self.scale = self.add_weight(shape=(), initializer="ones")

        def call(self, x):
            self.add_loss(ops.sum(x) * self.scale)
            return x * self.scale

    layer = Penalized()
    layer.build((None, 2))
    outputs, _, losses = layer.stateless_call(
        [np.array(3.0, "float32")], [], np.ones((1, 2), "float32"), return_losses=True
    )
    np.testing.assert_allclose(to_numpy(outputs), [[3.0, 3.0]])
    np.testing.assert_allclose(to_numpy(losses[0]), 6.0)
    assert layer.losses == []


def test_mixed_precision_policy_computes_in_half_with_float32_weights():
    layer = Linear(2, dtype="mixed_float16")
    y = layer(np.ones((1, 3), "float32"))
    assert keras_core.backend.standardize_dtype(y.dtype) == "float16"
    assert layer.kernel.dtype == "float32"
    assert (layer.compute_dtype, layer.variable_dtype) == ("float16", "float32")
    keras_core.config.set_dtype_policy("mixed_bfloat16")
    try:
        global_layer = Linear(2)
        out = global_layer(keras_core.Input((3,)))
        assert out.dtype == "bfloat16" and global_layer.dtype == "float32"
    finally:
        keras_core.config.set_dtype_policy("float32")


def test_bad_constructor_arguments():
    with pytest.raises(ValueError, match="Unrecognized keyword arguments"):
        Layer(unknown_argument=1)
    with pytest.raises(TypeError, match="trainable"):
        Layer(trainable="yes")
    with pytest.raises(NotImplementedError, match="deprecated"):
        Layer().add_metric(1.0)


def test_build_from_config_recreates_weights():
    layer = Linear(4)
    layer.build((None, 6))
    clone = Linear.from_config(layer.get_config())
    clone.build_from_config(layer.get_build_config())
    assert [w.shape for w in clone.weights] == [(6, 4), (4,)]


def test_add_weight_defaults_and_positional_arguments():
    layer = Layer()
    w = layer.add_weight((2, 2))
    assert w.dtype == "float32" and w.trainable and w.path == "layer/" + w.name
    counter = layer.add_weight(shape=(), dtype="int32", trainable=False)
    assert counter.numpy() == 0
    ones = layer.add_variable((3,), "ones")
    np.testing.assert_array_equal(ones.numpy(), np.ones(3))


def test_wrong_number_of_inputs_and_non_tensor_inputs():
    layer = Linear(2, name="proj")
    with pytest.raises(TypeError, match=r"'proj' \(Linear\) was called with 2"):
        layer(np.ones((1, 3)), np.ones((1, 3)))
    with pytest.raises(TypeError, match="missing required call arguments"):
        layer()
    with pytest.raises(TypeError, match="received 'text' of type str"):
        layer("text")
    with pytest.raises(TypeError, match="was called with 2"):
        layer(keras_core.Input((3,)), keras_core.Input((3,)))


@pytest.mark.parametrize(
    "class_name, expected",
    [
        ("Conv2D", "conv2d"),
        ("PReLU", "p_re_lu"),
        ("SpatialDropout1D", "spatial_dropout1d"),
        ("GlobalAveragePooling2D", "global_average_pooling2d"),
        ("BatchNormalization", "batch_normalization"),
    ],
)
def test_default_names_follow_keras(class_name, expected):
    layer_class = type(class_name, (Layer,), {})
    assert layer_class().name == expected


def test_training_given_to_a_layer_without_the_argument_reaches_its_children():
    class Plain(Layer):
        def __init__(self):
            super().__init__()
            self.probe = TrainingProbe()

        def call(self, x):
            return self.probe(x)

    plain = Plain()
    plain(np.ones((1, 2), "float32"), training=True)
    inputs = keras_core.Input((2,))
    plain(inputs, training=False)
    assert plain.probe.seen[0] is True
