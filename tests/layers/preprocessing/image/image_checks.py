"""Checks shared by the geometric image layer tests: NumPy references
(bilinear/nearest sampling through an inverse map) and the generic layer
contract (config round trip, symbolic call, use in a model)."""

import numpy as np

import keras_core
from keras_core import ops

# One image shape for every geometric test: eager JAX compiles each op once
# per shape, so shared shapes keep the suite fast.
IMAGES = np.random.default_rng(0).uniform(0, 10, (2, 10, 20, 1)).astype("float32")
MASKS = (IMAGES > 5).astype("float32")
BOXES = np.array([[[2.0, 1.0, 6.0, 3.0], [8.0, 4.0, 12.0, 6.0]]] * 2, "float32")
LABELS = np.array([[1, 2], [1, 2]], "int32")


def detection_data(boxes=BOXES):
    """A dict input: the shared images, masks and `boxes` (xyxy)."""
    return {
        "images": IMAGES,
        "segmentation_masks": MASKS,
        "bounding_boxes": {"boxes": boxes, "labels": LABELS},
    }


def to_numpy(x):
    return ops.convert_to_numpy(x)


def sample(image, ys, xs, order=1, fill_value=0.0):
    """NumPy reference: `image` (h, w, c) read at float points, constant fill.

    Points are pixel centers at integers; bilinear (order 1) blends the four
    neighbours, each outside the image counting as `fill_value`.
    """
    height, width = image.shape[:2]

    def read(rows, cols):
        inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
        values = image[np.clip(rows, 0, height - 1), np.clip(cols, 0, width - 1)]
        return np.where(inside[..., None], values, fill_value)

    if order == 0:
        return read(np.floor(ys + 0.5).astype(int), np.floor(xs + 0.5).astype(int))
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    wy, wx = (ys - y0)[..., None], (xs - x0)[..., None]
    return (
        read(y0, x0) * (1 - wy) * (1 - wx)
        + read(y0, x0 + 1) * (1 - wy) * wx
        + read(y0 + 1, x0) * wy * (1 - wx)
        + read(y0 + 1, x0 + 1) * wy * wx
    )


def warp(image, inverse, order=1, fill_value=0.0):
    """`image` resampled where each output (x, y) reads `inverse(x, y)`."""
    height, width = image.shape[:2]
    ys, xs = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    in_xs, in_ys = inverse(xs.astype("float64"), ys.astype("float64"))
    return sample(image, in_ys, in_xs, order, fill_value)


def check_config_round_trip(layer):
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    record = keras_core.saving.serialize_keras_object(layer)
    assert record["module"] == "keras.layers"
    assert record["class_name"] == type(layer).__name__
    restored = keras_core.saving.deserialize_keras_object(record)
    assert restored.get_config() == config
    return clone


def check_symbolic_and_model(layer, images, expected_shape, expected):
    """A symbolic call gives `expected_shape` (float32); `Model.predict`
    (inference) gives `expected`."""
    inputs = keras_core.Input(images.shape[1:])
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, *expected_shape)
    assert outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    predicted = model.predict(images, verbose=0)
    np.testing.assert_allclose(predicted, expected, rtol=1e-5, atol=1e-4)
