"""`MixUp`: blends each image with another image of the batch."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.cut_mix import mix_labels
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["MixUp"]


@keras_public("keras.layers")
class MixUp(BaseImagePreprocessingLayer):
    """Blends each image with a shuffled partner from the batch (MixUp).

    Per call the batch is shuffled; per image a weight `lam` is drawn from
    `Beta(alpha, alpha)` and the image becomes
    `lam * image + (1 - lam) * partner`. Labels and segmentation masks are
    blended the same way. Bounding boxes of both images are kept: each
    image's boxes and box labels are followed by its partner's (twice as
    many boxes). At inference (`training=False`) the layer returns its
    inputs, images as floats.

    Args:
        alpha: A positive number, the Beta concentration. Small values keep
            most images close to one of the two.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        seed: An int seeding the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.MixUp(alpha=0.4, seed=1)
    >>> data = {"images": numpy.ones((4, 8, 8, 3)), "labels": numpy.eye(4)}
    >>> layer(data, training=True)["labels"].shape
    (4, 4)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, alpha=0.2, data_format=None, seed=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        if not color.is_number(alpha) or alpha <= 0:
            raise ValueError(
                f"Layer {type(self).__name__}: `alpha` must be a positive "
                f"number, the Beta concentration. Received: alpha={alpha!r}"
            )
        self.alpha = alpha
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        batch = ops.shape(images)[0]
        permutation = random.shuffle(ops.arange(batch, dtype="int32"), seed=seed)
        weights = random.beta((batch,), self.alpha, self.alpha, seed=seed)
        return {"mix_weight": weights, "permutation_order": permutation}

    def _blend(self, values, transformation):
        return mix_labels(
            values,
            transformation["permutation_order"],
            transformation["mix_weight"],
            self.compute_dtype,
        )

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._blend(images, transformation)

    def transform_labels(self, labels, transformation, training=True):
        if not training or transformation is None:
            return labels
        return self._blend(labels, transformation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._blend(segmentation_masks, transformation)

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        permutation = transformation["permutation_order"]
        return {
            key: ops.concatenate([value, ops.take(value, permutation, axis=0)], axis=1)
            for key, value in bounding_boxes.items()
        }

    def compute_output_spec(self, data, training=True):
        outputs = super().compute_output_spec(data, training=training)
        if training and isinstance(data, dict) and "bounding_boxes" in data:
            outputs["bounding_boxes"] = {
                key: _doubled_boxes_spec(key, value)
                for key, value in data["bounding_boxes"].items()
            }
        return outputs

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha, "seed": self.seed}


def _doubled_boxes_spec(key, value):
    """The spec of boxes (or box labels) followed by the partner's: the box
    axis (before the 4 coordinates of `"boxes"`) doubles."""
    shape = list(value.shape)
    axis = len(shape) - (2 if key == "boxes" else 1)
    if shape[axis] is not None:
        shape[axis] *= 2
    return KerasTensor(tuple(shape), dtype=value.dtype)
