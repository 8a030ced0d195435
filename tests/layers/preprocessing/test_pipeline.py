"""keras_core.layers.Pipeline."""

import numpy as np

import keras_core
from keras_core import layers
from keras_core import ops


def test_applies_layers_in_order_and_passes_training():
    pipeline = layers.Pipeline([layers.Rescaling(2.0), layers.Rescaling(1.0, 1.0)])
    out = ops.convert_to_numpy(pipeline(np.ones((2, 2), "float32")))
    np.testing.assert_allclose(out, 3.0)  # (1 * 2) + 1, not (1 + 1) * 2
    flip = layers.Pipeline([layers.RandomFlip("horizontal", seed=1)])
    images = np.arange(8, dtype="float32").reshape(8, 1, 1, 1) * np.ones((1, 2, 3, 1))
    images[..., 0, :] = 0.0
    np.testing.assert_array_equal(
        ops.convert_to_numpy(flip(images, training=False)), images
    )
    flipped = ops.convert_to_numpy(flip(images, training=True))
    assert not np.array_equal(flipped, images)  # some of 8 images flipped


def test_dicts_pass_through():
    pipeline = layers.Pipeline(
        [
            layers.RandomFlip("vertical", seed=1, bounding_box_format="xyxy"),
            layers.MaxNumBoundingBoxes(3, bounding_box_format="xyxy"),
        ]
    )
    out = pipeline(
        {
            "images": np.zeros((2, 4, 4, 1), "float32"),
            "bounding_boxes": {
                "boxes": np.ones((2, 1, 4), "float32"),
                "labels": np.ones((2, 1), "int32"),
            },
        },
        training=False,
    )
    assert tuple(out["bounding_boxes"]["boxes"].shape) == (2, 3, 4)


def test_config_round_trip_and_model():
    pipeline = layers.Pipeline(
        [layers.Rescaling(2.0), layers.CenterCrop(2, 2)], name="pre"
    )
    config = pipeline.get_config()
    assert set(config) == {"layers", "name"} and config["name"] == "pre"
    assert config["layers"][0]["class_name"] == "Rescaling"
    clone = layers.Pipeline.from_config(config)
    assert [type(layer) for layer in clone.layers] == [
        layers.Rescaling,
        layers.CenterCrop,
    ]
    inputs = keras_core.Input((4, 4, 1))
    model = keras_core.Model(inputs, clone(inputs))
    out = model.predict(np.ones((1, 4, 4, 1)), verbose=0)
    np.testing.assert_allclose(out, np.full((1, 2, 2, 1), 2.0))
