"""`AffineAugmentation`: the shared machinery of RandomRotation, RandomZoom,
RandomTranslation and RandomShear.

A subclass draws per-image parameters (`_draw`) and states the forward map
of each image as `p_out = A p_in + t` (`_forward`, in pixel coordinates
whose integer points are pixel centers). Images are resampled through the
inverse map (each output pixel reads the input where it came from); boxes
move through the forward map and are clipped to the image.
"""

from keras_core import ops
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = []


class AffineAugmentation(BaseImagePreprocessingLayer):
    """Random affine augmentation; subclasses define `_draw` and `_forward`."""

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        fill_mode="reflect",
        interpolation="bilinear",
        seed=None,
        fill_value=0.0,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.fill_mode = _geometry.check_choice(
            name, "fill_mode", fill_mode, _geometry.FILL_MODES
        )
        self.interpolation = _geometry.check_choice(
            name, "interpolation", interpolation, _geometry.INTERPOLATIONS
        )
        self.fill_value = fill_value
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def _draw(self, batch, height, width, seed):
        """Returns a dict of per-image parameters, shape `(batch,)` each."""
        raise NotImplementedError(f"{type(self).__name__} must define `_draw`.")

    def _forward(self, params, height, width):
        """Returns `(A, t)`: `[[a00, a01], [a10, a11]]` and `[t0, t1]`."""
        raise NotImplementedError(f"{type(self).__name__} must define `_forward`.")

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = data["images"] if isinstance(data, dict) else data
        height, width = _geometry.image_size(images, self.data_format)
        seed = self.generator if seed is None else seed
        params = self._draw(_geometry.batch_size(images), height, width, seed)
        return {**params, "size": (height, width)}

    def _inverse_transform(self, transformation):
        ((a00, a01), (a10, a11)), (t0, t1) = self._forward_matrix(transformation)
        determinant = a00 * a11 - a01 * a10
        inverse = [
            [a11 / determinant, -a01 / determinant],
            [-a10 / determinant, a00 / determinant],
        ]
        offset = [
            -(inverse[0][0] * t0 + inverse[0][1] * t1),
            -(inverse[1][0] * t0 + inverse[1][1] * t1),
        ]
        return _geometry.affine_coefficients(inverse, offset)

    def _forward_matrix(self, transformation):
        height, width = transformation["size"]
        return self._forward(transformation, _float(height), _float(width))

    def _resample(self, images, transformation, interpolation):
        return _geometry.resample(
            images,
            self._inverse_transform(transformation),
            interpolation,
            self.fill_mode,
            self.fill_value,
            self.data_format,
        )

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._resample(images, transformation, self.interpolation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        # Class ids must not blend: nearest neighbour whatever the images use.
        return self._resample(segmentation_masks, transformation, "nearest")

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        height, width = transformation["size"]
        ((a00, a01), (a10, a11)), (t0, t1) = self._forward_matrix(transformation)
        a00, a01, a10, a11, t0, t1 = [
            _geometry.per_image(v) for v in (a00, a01, a10, a11, t0, t1)
        ]

        def move_points(xs, ys):
            return a00 * xs + a01 * ys + t0, a10 * xs + a11 * ys + t1

        return _geometry.transform_boxes(
            bounding_boxes, self.bounding_box_format, height, width, move_points
        )

    def get_config(self):
        return {
            **super().get_config(),
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "seed": self.seed,
            "fill_value": self.fill_value,
        }


def _float(size):
    return float(size) if isinstance(size, int) else ops.cast(size, "float32")


def about_center(matrix, height, width):
    """`(A, t)` of the map applying `matrix` about the image center."""
    cx, cy = (width - 1) / 2, (height - 1) / 2
    (a00, a01), (a10, a11) = matrix
    offset = [cx - (a00 * cx + a01 * cy), cy - (a10 * cx + a11 * cy)]
    return matrix, offset
