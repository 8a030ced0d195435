"""keras_core.layers.RandomElasticTransform."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import MASKS
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy

from keras_core import layers


def test_given_field_moves_pixels():
    # A field of +1 row and -2 columns everywhere: each output pixel reads
    # the input one row down and two columns left ("nearest" fill).
    layer = layers.RandomElasticTransform(fill_mode="nearest", value_range=(0, 10))
    fields = np.zeros((2, 10, 20, 2), "float32")
    fields[..., 0], fields[..., 1] = 1.0, -2.0
    out = to_numpy(layer.transform_images(IMAGES, {"fields": fields}))
    expected = IMAGES[:, np.minimum(np.arange(10) + 1, 9)][
        :, :, np.maximum(np.arange(20) - 2, 0)
    ]
    np.testing.assert_allclose(out, expected, atol=1e-5)
    masks = to_numpy(layer.transform_segmentation_masks(MASKS, {"fields": fields}))
    expected = MASKS[:, np.minimum(np.arange(10) + 1, 9)][
        :, :, np.maximum(np.arange(20) - 2, 0)
    ]
    np.testing.assert_array_equal(masks, expected)


def test_random_fields_seed_identity_cases_and_range():
    layer = layers.RandomElasticTransform(
        factor=(1.0, 1.0), scale=(1.0, 1.0), value_range=(0, 10), seed=3
    )
    first = to_numpy(layer(IMAGES, training=True))
    assert not np.allclose(first, IMAGES) and first.min() >= 0 and first.max() <= 10
    again = layers.RandomElasticTransform(
        factor=(1.0, 1.0), scale=(1.0, 1.0), value_range=(0, 10), seed=3
    )
    np.testing.assert_array_equal(first, to_numpy(again(IMAGES, training=True)))
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)
    for quiet in (dict(factor=0.0), dict(scale=0.0)):
        layer = layers.RandomElasticTransform(**quiet, seed=1)
        np.testing.assert_allclose(to_numpy(layer(IMAGES, training=True)), IMAGES)


def test_contract_and_errors():
    layer = layers.RandomElasticTransform(scale=0.5, value_range=(0, 1), seed=1)
    config = check_config_round_trip(layer).get_config()
    assert config["scale"] == (0.0, 0.5) and config["factor"] == (0.0, 1.0)
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    with pytest.raises(ValueError, match=r"RandomElasticTransform.*scale"):
        layers.RandomElasticTransform(scale=1.5)
    with pytest.raises(ValueError, match="value_range"):
        layers.RandomElasticTransform(value_range=5)
    layer = layers.RandomElasticTransform(bounding_box_format="xyxy", seed=1)
    with pytest.raises(NotImplementedError, match="bounding boxes"):
        layer(detection_data(), training=True)
