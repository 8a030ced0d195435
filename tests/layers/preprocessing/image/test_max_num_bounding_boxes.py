"""keras_core.layers.MaxNumBoundingBoxes."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy

import keras_core
from keras_core import layers


def test_pads_and_truncates():
    layer = layers.MaxNumBoundingBoxes(3, bounding_box_format="xyxy")
    out = layer(detection_data())
    boxes = to_numpy(out["bounding_boxes"]["boxes"])
    np.testing.assert_array_equal(
        boxes[:, :2], detection_data()["bounding_boxes"]["boxes"]
    )
    np.testing.assert_array_equal(boxes[:, 2], -1.0)
    np.testing.assert_array_equal(
        to_numpy(out["bounding_boxes"]["labels"]), [[1, 2, -1]] * 2
    )
    np.testing.assert_array_equal(to_numpy(out["images"]), IMAGES)
    layer = layers.MaxNumBoundingBoxes(1, fill_value=0, bounding_box_format="xyxy")
    out = layer(detection_data())
    assert tuple(out["bounding_boxes"]["boxes"].shape) == (2, 1, 4)
    np.testing.assert_array_equal(to_numpy(out["bounding_boxes"]["labels"]), [[1], [1]])


def test_symbolic_config_and_errors():
    layer = layers.MaxNumBoundingBoxes(4, bounding_box_format="xyxy")
    out = layer(
        {
            "images": keras_core.Input((10, 20, 1)),
            "bounding_boxes": {
                "boxes": keras_core.Input((2, 4)),
                "labels": keras_core.Input((2,), dtype="int32"),
            },
        }
    )
    assert tuple(out["bounding_boxes"]["boxes"].shape) == (None, 4, 4)
    assert tuple(out["bounding_boxes"]["labels"].shape) == (None, 4)
    assert check_config_round_trip(layer).get_config()["max_number"] == 4
    with pytest.raises(ValueError, match=r"MaxNumBoundingBoxes.*max_number"):
        layers.MaxNumBoundingBoxes(0)
