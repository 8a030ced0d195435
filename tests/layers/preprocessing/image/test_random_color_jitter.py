"""keras_core.layers.RandomColorJitter."""

import numpy as np
import pytest

import keras_core
from keras_core import layers
from keras_core import ops

IMAGES = np.random.default_rng(0).uniform(0, 255, (3, 4, 5, 3)).astype("float32")


def _np(x):
    return ops.convert_to_numpy(x)


def test_one_factor_draws_as_the_single_layer():
    jitter = layers.RandomColorJitter(brightness_factor=0.3, seed=7)
    single = layers.RandomBrightness(0.3, seed=7)
    np.testing.assert_allclose(
        _np(jitter(IMAGES, training=True)), _np(single(IMAGES, training=True))
    )


def test_composes_in_order_against_numpy():
    jitter = layers.RandomColorJitter(
        value_range=(0, 1), brightness_factor=0.2, contrast_factor=0.3, seed=2
    )
    images = IMAGES / 255
    out = _np(jitter(images, training=True))
    # Same seeds, so the sub-layers' first draws are the jitter's.
    delta = _np(
        layers.RandomBrightness(
            0.2, value_range=(0, 1), seed=2
        ).get_random_transformation(images)["rgb_delta"]
    )
    contrast = _np(
        layers.RandomContrast(
            0.3, value_range=(0, 1), seed=2
        ).get_random_transformation(images)["contrast_factor"]
    )
    brightened = np.clip(images + delta, 0, 1)
    mean = brightened.mean(axis=(1, 2), keepdims=True)
    expected = np.clip((brightened - mean) * contrast + mean, 0, 1)
    np.testing.assert_allclose(out, expected, atol=1e-5)


def test_all_factors_seeded_and_inference_identity():
    kwargs = dict(
        brightness_factor=0.2,
        contrast_factor=0.3,
        saturation_factor=0.4,
        hue_factor=0.1,
        seed=4,
    )
    first = _np(layers.RandomColorJitter(**kwargs)(IMAGES, training=True))
    layer = layers.RandomColorJitter(**kwargs)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=True)), first)
    assert not np.allclose(first, IMAGES)
    assert first.min() >= 0 and first.max() <= 255
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)
    np.testing.assert_array_equal(
        _np(layers.RandomColorJitter(seed=1)(IMAGES, training=True)), IMAGES
    )


def test_symbolic_model_dict_inputs_and_saving(tmp_path):
    layer = layers.RandomColorJitter(
        brightness_factor=0.2, hue_factor=(0.1, 0.3), seed=1, name="jitter"
    )
    inputs = keras_core.Input((4, 5, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 4, 5, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    path = str(tmp_path / "jitter.keras")
    model.save(path)
    restored = keras_core.saving.load_model(path).get_layer("jitter")
    assert restored.random_hue.factor == (0.1, 0.3)
    assert restored.random_contrast is None
    out = layer({"images": IMAGES, "labels": np.arange(3)}, training=True)
    np.testing.assert_array_equal(_np(out["labels"]), np.arange(3))


def test_config_round_trip():
    layer = layers.RandomColorJitter(
        value_range=(0, 1), contrast_factor=0.3, saturation_factor=(0.4, 0.6), seed=5
    )
    config = layer.get_config()
    assert list(config) == [
        "name",
        "trainable",
        "dtype",
        "data_format",
        "value_range",
        "brightness_factor",
        "contrast_factor",
        "saturation_factor",
        "hue_factor",
        "seed",
    ]
    assert config["contrast_factor"] == 0.3 and config["brightness_factor"] is None
    assert layers.RandomColorJitter.from_config(config).get_config() == config


def test_bad_arguments_name_the_sub_layer():
    with pytest.raises(ValueError, match=r"RandomHue.*factor"):
        layers.RandomColorJitter(hue_factor=1.5)
    with pytest.raises(ValueError, match=r"RandomColorJitter.*value_range"):
        layers.RandomColorJitter(value_range=(0,), brightness_factor=0.1)


@pytest.mark.skipif(
    keras_core.config.backend() != "tensorflow",
    reason="only tf.function traces with an unknown batch size",
)
def test_every_colour_layer_traces_with_unknown_batch_size():
    import tensorflow as tf

    stack = [
        layers.RandomColorJitter(
            brightness_factor=0.2,
            contrast_factor=0.2,
            saturation_factor=0.3,
            hue_factor=0.1,
            seed=1,
        ),
        layers.RandomSharpness(0.5, seed=1),
        layers.RandomPosterization(4, seed=1),
        layers.Solarization(0.2, 0.5, seed=1),
        layers.RandomInvert(0.5, seed=1),
        layers.RandomGrayscale(seed=1),
        layers.RandomColorDegeneration(0.3, seed=1),
    ]

    @tf.function(
        input_signature=[tf.TensorSpec((None, 4, 5, 3), "float32")], autograph=False
    )
    def augment(images):
        for layer in stack:
            images = layer(images, training=True)
        return images

    out = augment(IMAGES).numpy()
    assert out.shape == IMAGES.shape and np.isfinite(out).all()
    assert not np.allclose(out, IMAGES)
