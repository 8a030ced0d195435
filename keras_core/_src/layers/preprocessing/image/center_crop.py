"""`CenterCrop`: crops the center of images to a fixed size."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image import _resize_geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.resizing import check_size
from keras_core._src.layers.preprocessing.image.resizing import resized_shape

__all__ = ["CenterCrop"]


def crop_window(images, top, left, height, width, data_format):
    """The `(height, width)` window at (`top`, `left`) of a batch."""
    shape = ops.shape(images)
    if data_format == "channels_last":
        return ops.slice(images, (0, top, left, 0), (shape[0], height, width, shape[3]))
    return ops.slice(images, (0, 0, top, left), (shape[0], shape[1], height, width))


@keras_public("keras.layers")
class CenterCrop(BaseImagePreprocessingLayer):
    """Crops the central `(height, width)` window of images.

    Images smaller than the target along either axis are first cropped to
    the target's aspect ratio (largest centered window) and resized, so the
    output always has the target size. The layer works the same in
    training and inference and outputs floats. Bounding boxes are moved
    into the window (and scaled when resizing) and clipped to it;
    segmentation masks are cropped the same way.

    Args:
        height: The output height.
        width: The output width.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.CenterCrop(2, 3)
    >>> layer(numpy.ones((2, 4, 6, 3))).shape
    (2, 2, 3, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        check_size(type(self).__name__, height, width)
        self.height = height
        self.width = width

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        return {"size": _geometry.image_size(images, self.data_format)}

    def _crops(self, size):
        height, width = size
        return height >= self.height and width >= self.width

    def _apply(self, images, transformation, interpolation):
        size = transformation["size"]
        if self._crops(size):
            top = (size[0] - self.height) // 2
            left = (size[1] - self.width) // 2
            return crop_window(
                images, top, left, self.height, self.width, self.data_format
            )
        return ops.image.resize(
            images,
            (self.height, self.width),
            interpolation=interpolation,
            crop_to_aspect_ratio=True,
            data_format=self.data_format,
        )

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        return self._apply(images, transformation, "bilinear")

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        return self._apply(segmentation_masks, transformation, "nearest")

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        size = transformation["size"]
        out_size = (self.height, self.width)
        if self._crops(size):
            top = (size[0] - self.height) // 2
            left = (size[1] - self.width) // 2
            return _resize_geometry.crop_bounding_boxes(
                bounding_boxes, self.bounding_box_format, size, top, left, out_size
            )
        return _resize_geometry.resize_boxes(
            bounding_boxes,
            self.bounding_box_format,
            size,
            out_size,
            crop_to_aspect_ratio=True,
        )

    def compute_output_shape(self, input_shape):
        return resized_shape(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        return {**super().get_config(), "height": self.height, "width": self.width}
