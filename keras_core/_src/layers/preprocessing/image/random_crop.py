"""`RandomCrop`: crops images at a random position."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image import _resize_geometry
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.center_crop import crop_window
from keras_core._src.layers.preprocessing.image.resizing import check_size
from keras_core._src.layers.preprocessing.image.resizing import resized_shape
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator
from keras_core._src.random.seed_generator import make_default_seed

__all__ = ["RandomCrop"]


@keras_public("keras.layers")
class RandomCrop(BaseImagePreprocessingLayer):
    """Crops a `(height, width)` window at a random position during training.

    One position is drawn per call and shared by the whole batch. At
    inference (`training=False`), and in training when the images are
    smaller than the target, the largest centered window with the target's
    aspect ratio is resized to the target size instead. The output is
    floats. Bounding boxes and segmentation masks are cropped (or resized)
    with their images.

    Args:
        height: The output height.
        width: The output width.
        seed: An int seeding the random draws (a random one is picked and
            recorded in the config when None).
        data_format: `"channels_last"` or `"channels_first"`.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandomCrop(2, 3, seed=1)
    >>> layer(numpy.ones((2, 4, 6, 3))).shape
    (2, 2, 3, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, height, width, seed=None, data_format=None, name=None, **kwargs):
        super().__init__(data_format=data_format, name=name, **kwargs)
        check_size(type(self).__name__, height, width)
        self.height = height
        self.width = width
        self.seed = make_default_seed() if seed is None else seed
        self.generator = SeedGenerator(self.seed)

    def get_random_transformation(self, data, training=True, seed=None):
        images = data["images"] if isinstance(data, dict) else data
        height, width = _geometry.image_size(images, self.data_format)
        transformation = {"size": (height, width), "top": None, "left": None}
        if training and height >= self.height and width >= self.width:
            seed = self.generator if seed is None else seed
            transformation["top"] = random.randint(
                (), 0, height - self.height + 1, seed=seed
            )
            transformation["left"] = random.randint(
                (), 0, width - self.width + 1, seed=seed
            )
        return transformation

    def _apply(self, images, transformation, interpolation):
        if transformation["top"] is not None:
            return crop_window(
                images,
                transformation["top"],
                transformation["left"],
                self.height,
                self.width,
                self.data_format,
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
        if transformation["top"] is not None:
            return _resize_geometry.crop_bounding_boxes(
                bounding_boxes,
                self.bounding_box_format,
                size,
                transformation["top"],
                transformation["left"],
                out_size,
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
        return {
            **super().get_config(),
            "height": self.height,
            "width": self.width,
            "seed": self.seed,
        }
