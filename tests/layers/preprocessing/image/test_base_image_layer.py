"""BaseImagePreprocessingLayer: input structures, factor parsing, errors."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)


class AddOne(BaseImagePreprocessingLayer):
    """Adds 1 to images in training; shifts box x by 1; masks times 2."""

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        assert len(images.shape) == 4  # the base always hands a batch
        return {"shift": 1.0 if training else 0.0}

    def transform_images(self, images, transformation, training=True):
        return ops.cast(images, self.compute_dtype) + transformation["shift"]

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        boxes = bounding_boxes["boxes"] + transformation["shift"]
        return {**bounding_boxes, "boxes": boxes}

    def transform_segmentation_masks(self, masks, transformation, training=True):
        return masks * 2


def _np(x):
    return ops.convert_to_numpy(x)


IMAGES = np.arange(2 * 3 * 4 * 1, dtype="float32").reshape(2, 3, 4, 1)


def test_batched_and_unbatched_images():
    layer = AddOne()
    np.testing.assert_array_equal(_np(layer(IMAGES)), IMAGES + 1)
    np.testing.assert_array_equal(_np(layer(IMAGES[0])), IMAGES[0] + 1)
    np.testing.assert_array_equal(_np(layer(IMAGES, training=False)), IMAGES)
    assert _np(layer(IMAGES.astype("uint8"))).dtype == np.float32


def test_dict_inputs_batched_and_single():
    layer = AddOne(bounding_box_format="xyxy")
    data = {
        "images": IMAGES,
        "labels": np.array([[1.0], [2.0]]),
        "bounding_boxes": {
            "boxes": np.ones((2, 3, 4), "float32"),
            "labels": np.ones((2, 3), "int32"),
        },
        "segmentation_masks": np.ones((2, 3, 4, 1), "float32"),
        "extra": np.arange(3),
    }
    out = layer(data)
    np.testing.assert_array_equal(_np(out["images"]), IMAGES + 1)
    np.testing.assert_array_equal(_np(out["bounding_boxes"]["boxes"]), 2.0)
    np.testing.assert_array_equal(_np(out["segmentation_masks"]), 2.0)
    np.testing.assert_array_equal(_np(out["labels"]), [[1.0], [2.0]])
    np.testing.assert_array_equal(_np(out["extra"]), np.arange(3))
    single = {
        "images": IMAGES[0],
        "bounding_boxes": {"boxes": np.ones((3, 4)), "labels": np.ones((3,))},
        "labels": np.array([1.0]),
    }
    out = layer(single)
    assert tuple(out["images"].shape) == (3, 4, 1)
    assert tuple(out["bounding_boxes"]["boxes"].shape) == (3, 4)
    assert tuple(out["labels"].shape) == (1,)


def test_symbolic_dict_call():
    layer = AddOne(bounding_box_format="xyxy")
    data = {
        "images": keras_core.Input((3, 4, 1)),
        "segmentation_masks": keras_core.Input((3, 4, 1), dtype="int32"),
    }
    out = layer(data)
    assert tuple(out["images"].shape) == (None, 3, 4, 1)
    assert out["segmentation_masks"].dtype == "int32"


def test_factor_parsing():
    assert AddOne().factor == (0.0, 0.0)
    assert AddOne(factor=0.3).factor == (-0.3, 0.3)
    assert AddOne(factor=-0.3).factor == (-0.3, 0.3)
    assert AddOne(factor=[0.5, 0.1]).factor == (0.1, 0.5)
    for bad in (1.5, (0.1, 2.0), "a", (1, 2, 3), True):
        with pytest.raises(ValueError, match=r"AddOne.*factor"):
            AddOne(factor=bad)
    assert AddOne().get_config()["data_format"] == "channels_last"


def test_errors_name_the_problem():
    layer = AddOne()
    with pytest.raises(ValueError, match="bounding_box_format"):
        layer({"images": IMAGES, "bounding_boxes": {"boxes": np.ones((2, 1, 4))}})
    with pytest.raises(ValueError, match="'images' entry"):
        layer({"labels": IMAGES})
    with pytest.raises(ValueError, match="rank 4"):
        layer(np.ones((2, 3)))
    with pytest.raises(NotImplementedError, match="transform_images"):
        BaseImagePreprocessingLayer()(IMAGES)
