"""DataLayer: an ordinary layer eagerly, TensorFlow ops inside `tf.data`."""

import sys
import textwrap

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src import backend as backend_registry
from keras_core._src.layers.preprocessing.data_layer import DataLayer
from keras_core._src.random import random_ops

BACKEND = keras_core.config.backend()


class Affine(DataLayer):
    """`inputs * scale + offset` with `scale` a (non-trainable) weight."""

    def __init__(self, scale=2.0, offset=1.0, **kwargs):
        super().__init__(**kwargs)
        self.scale_value = scale
        self.offset = offset

    def build(self, input_shape):
        self.scale = self.add_weight(
            shape=(input_shape[-1],),
            initializer=keras_core.initializers.Constant(self.scale_value),
            trainable=False,
            name="scale",
        )

    def call(self, inputs):
        return ops.cast(inputs, "float32") * self.scale + self.offset


class Jitter(DataLayer):
    """Adds uniform noise in [0, 1) while training, from its own generator."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = random_ops.SeedGenerator(seed)

    def call(self, inputs, training=True):
        if not training:
            return inputs
        noise = random_ops.uniform(ops.shape(inputs), seed=self.seed_generator)
        return inputs + noise


class Lengths(DataLayer):
    """Host computation: the length of each string, as int32."""

    _host_computation = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True

    def call(self, inputs):
        values = np.asarray(inputs)
        return ops.convert_to_tensor(np.char.str_len(values).astype("int32"))

    def compute_output_spec(self, inputs):
        return keras_core.KerasTensor(inputs.shape, dtype="int32")


class Shout(Lengths):
    """Host computation returning strings."""

    def call(self, inputs):
        return np.char.upper(np.asarray(inputs))

    def compute_output_spec(self, inputs):
        return keras_core.KerasTensor(inputs.shape, dtype="string")


class Failing(DataLayer):
    def call(self, inputs):
        raise ValueError("Failing: refused on purpose")


def _data():
    return np.arange(24, dtype="float32").reshape(8, 3)


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


def _pipeline(tf, layer, data):
    dataset = tf.data.Dataset.from_tensor_slices(data).batch(4).map(layer)
    return [batch.numpy() for batch in dataset]


def test_eager_call_is_an_ordinary_call():
    layer = Affine()
    outputs = layer(_data())
    assert keras_core.ops.is_tensor(outputs)
    np.testing.assert_allclose(ops.convert_to_numpy(outputs), _data() * 2 + 1)


def test_symbolic_call_and_model():
    inputs = keras_core.Input((3,))
    outputs = Affine()(inputs)
    assert outputs.shape == (None, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_allclose(model.predict(_data(), verbose=0), _data() * 2 + 1)


def test_pipeline_matches_eager_and_reads_current_weights(tf):
    layer = Affine(scale=3.0, offset=-1.0)
    dataset = tf.data.Dataset.from_tensor_slices(_data()).batch(4).map(layer)
    # Built from the pipeline's shapes, with the backend's own variables.
    assert layer.built
    assert BACKEND == "tensorflow" or not tf.is_tensor(layer.scale.value)
    assert dataset.element_spec.dtype == tf.float32
    assert dataset.element_spec.shape.as_list() == [None, 3]
    batches = np.concatenate([batch.numpy() for batch in dataset])
    np.testing.assert_allclose(batches, _data() * 3 - 1)
    np.testing.assert_allclose(ops.convert_to_numpy(layer(_data())), batches)
    layer.scale.assign(np.array([1.0, 0.0, -1.0], dtype="float32"))
    batches = _pipeline(tf, layer, _data())
    np.testing.assert_allclose(np.concatenate(batches), _data() * [1, 0, -1] - 1)


def test_random_layer_in_pipeline_is_seeded_and_advances(tf):
    data = np.zeros((8, 3), dtype="float32")
    first = _pipeline(tf, Jitter(seed=7), data)
    again = _pipeline(tf, Jitter(seed=7), data)
    np.testing.assert_array_equal(np.concatenate(first), np.concatenate(again))
    # Each batch draws anew, as does each pass over the dataset.
    assert not np.allclose(first[0], first[1])
    layer = Jitter(seed=7)
    dataset = tf.data.Dataset.from_tensor_slices(data).batch(4).map(layer)
    epoch_1 = np.concatenate([b.numpy() for b in dataset])
    epoch_2 = np.concatenate([b.numpy() for b in dataset])
    assert not np.allclose(epoch_1, epoch_2)
    for values in (epoch_1, epoch_2):
        assert values.min() >= 0.0 and values.max() < 1.0


def test_random_layer_inference_in_pipeline_is_identity(tf):
    layer = Jitter(seed=1)
    dataset = tf.data.Dataset.from_tensor_slices(_data()).batch(4)
    dataset = dataset.map(lambda x: layer(x, training=False))
    np.testing.assert_array_equal(np.concatenate([b.numpy() for b in dataset]), _data())


def test_backend_tables_restored_after_pipeline_and_errors(tf):
    saved = backend_registry.core, backend_registry.numpy_api, backend_registry.random
    _pipeline(tf, Jitter(seed=1), _data())
    with pytest.raises(ValueError, match="refused on purpose"):
        _pipeline(tf, Failing(), _data())
    restored = (
        backend_registry.core,
        backend_registry.numpy_api,
        backend_registry.random,
    )
    assert all(a is b for a, b in zip(saved, restored, strict=True))
    # Ops dispatch to the process's backend again.
    result = ops.add(np.ones(2, "float32"), np.ones(2, "float32"))
    assert keras_core.ops.is_tensor(result)
    assert BACKEND == "tensorflow" or not tf.is_tensor(result)


def test_dict_inputs_in_pipeline(tf):
    class Sum(DataLayer):
        def call(self, inputs):
            return inputs["a"] + inputs["b"]

    data = {"a": _data(), "b": np.ones_like(_data())}
    dataset = tf.data.Dataset.from_tensor_slices(data).batch(4).map(Sum())
    np.testing.assert_allclose(
        np.concatenate([b.numpy() for b in dataset]), _data() + 1
    )


def test_host_layers_run_on_batch_values_in_pipeline(tf):
    words = np.array(["a", "bb", "héllo", "", "four"])
    assert ops.convert_to_numpy(Lengths()(words)).tolist() == [1, 2, 5, 0, 4]
    dataset = tf.data.Dataset.from_tensor_slices(words).batch(2)
    lengths = dataset.map(Lengths())
    assert lengths.element_spec.dtype == tf.int32
    assert lengths.element_spec.shape.as_list() == [None]
    assert np.concatenate([b.numpy() for b in lengths]).tolist() == [1, 2, 5, 0, 4]
    shouted = np.concatenate([b.numpy() for b in dataset.map(Shout())])
    assert [word.decode("utf-8") for word in shouted] == [
        "A",
        "BB",
        "HÉLLO",
        "",
        "FOUR",
    ]


def test_model_consumes_a_pipeline(tf):
    layer = Affine(scale=0.5, offset=0.0)
    targets = np.ones((8, 1), dtype="float32")
    dataset = tf.data.Dataset.from_tensor_slices((_data(), targets)).batch(4)
    dataset = dataset.map(lambda x, y: (layer(x), y))
    model = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(1, kernel_initializer="ones")]
    )
    predictions = model.predict(dataset.map(lambda x, y: x), verbose=0)
    np.testing.assert_allclose(predictions[:, 0], (_data() * 0.5).sum(axis=1))
    if BACKEND != "numpy":
        model.compile(optimizer="sgd", loss="mse")
        history = model.fit(dataset, epochs=1, verbose=0)
        assert np.isfinite(history.history["loss"][0])


def test_eager_use_does_not_import_tensorflow(run_python):
    code = textwrap.dedent(
        """
        import sys
        import numpy as np
        import keras_core
        from keras_core._src.layers.preprocessing.data_layer import DataLayer

        class Double(DataLayer):
            def call(self, inputs):
                return inputs * 2

        out = keras_core.ops.convert_to_numpy(Double()(np.ones((2, 2), "float32")))
        assert out.tolist() == [[2.0, 2.0], [2.0, 2.0]], out
        assert "tensorflow" not in sys.modules, "tensorflow was imported"
        """
    )
    backend = "jax" if BACKEND == "tensorflow" else BACKEND
    run_python(code, env={"KERAS_BACKEND": backend})
    assert "keras_core" in sys.modules
