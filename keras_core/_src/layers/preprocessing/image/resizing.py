"""`Resizing`: resizes images to a fixed size."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image import _resize_geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)

__all__ = ["Resizing"]

_INTERPOLATIONS = ("bilinear", "nearest", "bicubic", "lanczos3", "lanczos5", "area")


def check_size(layer_name, height, width):
    for argument, value in (("height", height), ("width", width)):
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(
                f"Layer {layer_name}: `{argument}` must be a positive integer. "
                f"Received: {argument}={value!r}"
            )


def resized_shape(input_shape, height, width, data_format):
    shape = list(input_shape)
    row_axis, col_axis = (-3, -2) if data_format == "channels_last" else (-2, -1)
    shape[row_axis], shape[col_axis] = height, width
    return tuple(shape)


@keras_public("keras.layers")
class Resizing(BaseImagePreprocessingLayer):
    """Resizes images to `(height, width)`, in training and inference.

    By default the aspect ratio may change; `crop_to_aspect_ratio` resizes
    the largest centered window with the target's aspect ratio instead, and
    `pad_to_aspect_ratio` pads the image (centered, with `fill_value`) to
    that ratio first. Integer images keep their dtype (values rounded).
    Bounding boxes are scaled (and moved by the crop or padding) with their
    images; segmentation masks are resized with nearest neighbours.

    Args:
        height: The output height.
        width: The output width.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"`, `"lanczos3"`,
            `"lanczos5"` or `"area"`.
        crop_to_aspect_ratio: Whether to crop to the target aspect ratio
            instead of distorting.
        pad_to_aspect_ratio: Whether to pad to the target aspect ratio
            instead of distorting.
        fill_mode: How padding is filled: `"constant"`.
        fill_value: The padding value.
        antialias: Whether to low-pass filter when downsampling.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.Resizing(4, 6)
    >>> layer(numpy.ones((2, 8, 8, 3))).shape
    (2, 4, 6, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        height,
        width,
        interpolation="bilinear",
        crop_to_aspect_ratio=False,
        pad_to_aspect_ratio=False,
        fill_mode="constant",
        fill_value=0.0,
        antialias=False,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        check_size(name, height, width)
        _geometry.check_choice(name, "interpolation", interpolation, _INTERPOLATIONS)
        _geometry.check_choice(name, "fill_mode", fill_mode, ("constant",))
        if crop_to_aspect_ratio and pad_to_aspect_ratio:
            raise ValueError(
                f"Layer {name}: only one of `crop_to_aspect_ratio` and "
                "`pad_to_aspect_ratio` can be True. Received: "
                f"crop_to_aspect_ratio={crop_to_aspect_ratio}, "
                f"pad_to_aspect_ratio={pad_to_aspect_ratio}"
            )
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = antialias

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        return {"size": _geometry.image_size(images, self.data_format)}

    def _resize(self, images, interpolation):
        return ops.image.resize(
            images,
            (self.height, self.width),
            interpolation=interpolation,
            antialias=self.antialias,
            crop_to_aspect_ratio=self.crop_to_aspect_ratio,
            pad_to_aspect_ratio=self.pad_to_aspect_ratio,
            fill_mode=self.fill_mode,
            fill_value=self.fill_value,
            data_format=self.data_format,
        )

    def transform_images(self, images, transformation, training=True):
        if is_float_dtype(images.dtype):
            images = ops.cast(images, self.compute_dtype)
        return self._resize(images, self.interpolation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        return self._resize(segmentation_masks, "nearest")

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        return _resize_geometry.resize_boxes(
            bounding_boxes,
            self.bounding_box_format,
            transformation["size"],
            (self.height, self.width),
            self.crop_to_aspect_ratio,
            self.pad_to_aspect_ratio,
        )

    def _output_image_dtype(self, dtype):
        return self.compute_dtype if is_float_dtype(dtype) else dtype

    def compute_output_shape(self, input_shape):
        return resized_shape(input_shape, self.height, self.width, self.data_format)

    def get_config(self):
        return {
            **super().get_config(),
            "height": self.height,
            "width": self.width,
            "interpolation": self.interpolation,
            "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
            "pad_to_aspect_ratio": self.pad_to_aspect_ratio,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "antialias": self.antialias,
        }
