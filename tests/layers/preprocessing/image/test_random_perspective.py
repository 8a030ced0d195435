"""keras_core.layers.RandomPerspective."""

import numpy as np
import pytest
from layers.preprocessing.image.image_checks import IMAGES
from layers.preprocessing.image.image_checks import check_config_round_trip
from layers.preprocessing.image.image_checks import check_symbolic_and_model
from layers.preprocessing.image.image_checks import detection_data
from layers.preprocessing.image.image_checks import to_numpy
from layers.preprocessing.image.image_checks import warp

from keras_core import layers


def _homography(start, end):
    """NumPy: the 3 x 3 projective map sending `start` points to `end`."""
    rows, targets = [], []
    for (x, y), (u, v) in zip(start, end, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        targets += [u, v]
    return np.append(np.linalg.solve(rows, targets), 1.0).reshape(3, 3)


def _apply(matrix, xs, ys):
    denominator = matrix[2, 0] * xs + matrix[2, 1] * ys + matrix[2, 2]
    return (
        (matrix[0, 0] * xs + matrix[0, 1] * ys + matrix[0, 2]) / denominator,
        (matrix[1, 0] * xs + matrix[1, 1] * ys + matrix[1, 2]) / denominator,
    )


def test_warp_and_boxes_match_numpy_homography():
    layer = layers.RandomPerspective(
        factor=(1.0, 1.0), scale=0.5, bounding_box_format="xyxy", seed=2
    )
    data = detection_data(np.array([[[0.0, 0.0, 20.0, 10.0], [8, 4, 12, 6]]] * 2))
    transformation = layer.get_random_transformation(data, training=True)
    start = to_numpy(transformation["start"])
    end = to_numpy(transformation["end"])
    np.testing.assert_allclose(start[0], [[0, 0], [19, 0], [0, 9], [19, 9]])
    inward = (end - start) * np.array([[1, 1], [-1, 1], [1, -1], [-1, -1]])
    assert (inward >= 0).all() and (inward <= [[4.75, 2.25]]).all()
    assert (inward > 0).any()
    images = to_numpy(layer.transform_images(IMAGES, transformation))
    boxes = to_numpy(
        layer.transform_bounding_boxes(data["bounding_boxes"], transformation)["boxes"]
    )
    for i in range(2):
        forward = _homography(start[i], end[i])
        inverse = np.linalg.inv(forward)
        expected = warp(IMAGES[i], lambda xs, ys, m=inverse: _apply(m, xs, ys))
        np.testing.assert_allclose(images[i], expected, atol=1e-3)
        corners = np.array([[8, 4], [12, 4], [8, 6], [12, 6]], "float64")
        xs, ys = _apply(forward, corners[:, 0], corners[:, 1])
        np.testing.assert_allclose(
            boxes[i, 1], [xs.min(), ys.min(), xs.max(), ys.max()], atol=1e-3
        )


def test_identity_cases_seed_and_inference():
    for layer in (
        layers.RandomPerspective(factor=0.0, seed=1),
        layers.RandomPerspective(scale=0.0, seed=1),
    ):
        np.testing.assert_allclose(
            to_numpy(layer(IMAGES, training=True)), IMAGES, atol=1e-4
        )
    layer = layers.RandomPerspective(factor=(1.0, 1.0), scale=0.3, seed=3)
    first = to_numpy(layer(IMAGES, training=True))
    again = layers.RandomPerspective(factor=(1.0, 1.0), scale=0.3, seed=3)
    np.testing.assert_array_equal(first, to_numpy(again(IMAGES, training=True)))
    np.testing.assert_array_equal(to_numpy(layer(IMAGES, training=False)), IMAGES)


def test_contract_and_errors():
    layer = layers.RandomPerspective(factor=0.5, scale=0.2, seed=1)
    assert check_config_round_trip(layer).get_config()["factor"] == (0.0, 0.5)
    check_symbolic_and_model(layer, IMAGES, IMAGES.shape[1:], IMAGES)
    with pytest.raises(ValueError, match=r"RandomPerspective.*factor"):
        layers.RandomPerspective(factor=2.0)
    with pytest.raises(ValueError, match=r"RandomPerspective.*scale"):
        layers.RandomPerspective(scale=2.0)
