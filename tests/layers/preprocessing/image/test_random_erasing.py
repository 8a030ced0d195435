"""keras_core.layers.RandomErasing."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers

IMAGES = np.random.default_rng(0).uniform(0, 255, (2, 6, 6, 3)).astype("float32")


def _box_extent(mask):
    """(first row, row count, first column, column count) of a rectangle."""
    rows, cols = np.nonzero(mask.any(1))[0], np.nonzero(mask.any(0))[0]
    assert mask.sum() == rows.size * cols.size  # a filled rectangle
    assert np.all(np.diff(rows) == 1) and np.all(np.diff(cols) == 1)
    return rows[0], rows.size, cols[0], cols.size


def _draws(layer, count):
    return [layer.get_random_transformation(IMAGES) for _ in range(count)]


def test_erases_where_mask_and_apply():
    masks = np.zeros((2, 6, 6, 1), bool)
    masks[:, 1:4, 2:5] = True
    fill = np.random.default_rng(1).uniform(0, 255, IMAGES.shape).astype("float32")
    transformation = {
        "apply_erasing": np.array([True, False]),
        "batch_masks": masks,
        "fill_value": fill,
    }
    out = to_numpy(layers.RandomErasing().transform_images(IMAGES, transformation))
    erased = masks & np.array([True, False]).reshape(2, 1, 1, 1)
    np.testing.assert_array_equal(out, np.where(erased, fill, IMAGES))


def test_rectangle_sizes_and_positions():
    layer = layers.RandomErasing(scale=(0.25, 0.25), seed=1)
    masks = [to_numpy(d["batch_masks"])[..., 0] for d in _draws(layer, 40)]
    extents = np.array([_box_extent(mask) for batch in masks for mask in batch])
    # sqrt(0.25) of each side: 3 rows and 3 columns; a float corner may
    # straddle one more pixel row or column.
    assert set(extents[:, 1]) <= {3, 4} and set(extents[:, 3]) <= {3, 4}
    assert (extents[:, 0] + extents[:, 1]).max() <= 6
    assert (extents[:, 2] + extents[:, 3]).max() <= 6
    # The corner is uniform in (0, 3): the first whole row or column is 1..3.
    assert set(extents[:, 0]) == {1, 2, 3} and set(extents[:, 2]) == {1, 2, 3}
    whole = layers.RandomErasing(scale=(1.0, 1.0), seed=1)
    assert to_numpy(whole.get_random_transformation(IMAGES)["batch_masks"]).all()


def test_fill_values_and_probability():
    layer = layers.RandomErasing(value_range=(100, 200), seed=3)
    draws = _draws(layer, 200)
    noise = np.stack([to_numpy(draw["fill_value"]) for draw in draws[:20]])
    # clip(z * high, low, high): P(z < 0.5) = 0.69 at low, P(z > 1) = 0.16.
    assert 0.66 < np.mean(noise == 100) < 0.72
    assert 0.14 < np.mean(noise == 200) < 0.18
    # P(erase) is the mean of `factor`, 0.5 by default.
    apply = np.stack([to_numpy(draw["apply_erasing"]) for draw in draws])
    assert 0.42 < apply.mean() < 0.58
    layer = layers.RandomErasing(factor=(1.0, 1.0), fill_value=999.0, seed=3)
    out = to_numpy(layer(np.full_like(IMAGES, 50.0), training=True))
    assert set(np.unique(out)) == {50.0, 255.0}
    layer = layers.RandomErasing(factor=0.0, seed=3)
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=True)), IMAGES)


def test_seeded_inference_identity_layout_and_model():
    layer = layers.RandomErasing(factor=(1.0, 1.0), seed=4)
    first = to_numpy(layer(IMAGES, training=True))
    assert not np.array_equal(first, IMAGES)
    again = layers.RandomErasing(factor=(1.0, 1.0), seed=4)
    np.testing.assert_array_equal(to_numpy(again(IMAGES, training=True)), first)
    channels_first = layers.RandomErasing(
        factor=(1.0, 1.0), fill_value=0.0, data_format="channels_first", seed=4
    )
    out = to_numpy(channels_first(np.moveaxis(IMAGES, -1, 1), training=True))
    erased = np.all(out == 0, axis=1)  # every channel of a pixel, or none
    assert erased.any() and np.all(np.any(out == 0, axis=1) == erased)
    out = layer(IMAGES.astype("uint8"), training=False)
    assert to_numpy(out).dtype == np.float32
    np.testing.assert_array_equal(to_numpy(out), IMAGES.astype("uint8"))
    inputs = keras_core.Input((6, 6, 3))
    outputs = layer(inputs)
    assert tuple(outputs.shape) == (None, 6, 6, 3) and outputs.dtype == "float32"
    model = keras_core.Model(inputs, outputs)
    np.testing.assert_array_equal(model.predict(IMAGES, verbose=0), IMAGES)
    masks = np.ones((2, 6, 6, 1), "float32")
    out = layer({"images": IMAGES, "segmentation_masks": masks}, training=True)
    np.testing.assert_array_equal(to_numpy(out["segmentation_masks"]), masks)


def test_config_and_errors():
    layer = layers.RandomErasing(factor=0.5, scale=0.4, fill_value=3.0, seed=2)
    config = layer.get_config()
    assert list(config)[3:] == [
        "data_format",
        "factor",
        "scale",
        "fill_value",
        "value_range",
        "seed",
    ]
    assert config["factor"] == (0, 0.5) and config["scale"] == (0, 0.4)
    check_config_round_trip(layer)
    with pytest.raises(ValueError, match="factor"):
        layers.RandomErasing(factor=2.0)
    with pytest.raises(ValueError, match="scale"):
        layers.RandomErasing(scale=(0.0, 2.0))
    with pytest.raises(ValueError, match="fill_value"):
        layers.RandomErasing(fill_value="black")
