"""`CutMix`: pastes a patch of another image of the batch, mixing labels."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.layers.preprocessing.image.random_erasing import random_boxes
from keras_core._src.layers.preprocessing.image.random_erasing import with_channel_axis
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["CutMix"]


def mix_labels(labels, permutation, weights, dtype):
    """`weights * labels + (1 - weights) * labels[permutation]`, per example."""
    labels = ops.cast(labels, dtype)
    weights = ops.cast(weights, dtype)
    weights = ops.reshape(weights, (-1,) + (1,) * (len(labels.shape) - 1))
    return weights * labels + (1 - weights) * ops.take(labels, permutation, axis=0)


@keras_public("keras.layers")
class CutMix(BaseImagePreprocessingLayer):
    """Pastes a patch of another image of the batch into each image (CutMix).

    Per call the batch is shuffled and a concentration `a` is drawn
    uniformly in `factor`; per image a weight `lam` is drawn from
    `Beta(a, a)` and a patch covering a fraction `sqrt(1 - lam)` of the
    height and of the width, at a uniform random position, is copied from
    the shuffled partner image. Labels (one-hot or soft) become
    `lam * labels + (1 - lam) * partner_labels`; segmentation masks take
    the partner's patch like the images. Bounding boxes are not supported.
    At inference (`training=False`) the layer returns its inputs, images
    as floats.

    Args:
        factor: A number `f` (meaning `(0, f)`) or a pair in `[0, 1]`: the
            range of the Beta concentration. Small values make most patches
            either tiny or almost the whole image.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.CutMix(seed=1)
    >>> data = {"images": numpy.ones((4, 8, 8, 3)), "labels": numpy.eye(4)}
    >>> layer(data, training=True)["labels"].shape
    (4, 4)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, factor=1.0, seed=None, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.factor = parse_factor(type(self).__name__, factor, (0, 1))
        self.seed = seed
        self.generator = SeedGenerator(seed)

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        images = color.images_of(data)
        seed = seed if seed is not None else self.generator
        shape = ops.shape(images)
        batch = shape[0]
        row_axis, col_axis = color.spatial_axes(self.data_format)
        permutation = random.shuffle(ops.arange(batch, dtype="int32"), seed=seed)
        concentration = random.uniform((), *self.factor, seed=seed)
        weights = random.beta((batch,), concentration, concentration, seed=seed)
        patch_fraction = ops.sqrt(1.0 - weights)
        masks = random_boxes(
            batch,
            shape[row_axis],
            shape[col_axis],
            patch_fraction,
            patch_fraction,
            seed,
        )
        return {
            "permutation_order": permutation,
            "batch_masks": masks,
            "mix_weight": weights,
        }

    def _paste(self, values, transformation):
        masks = with_channel_axis(transformation["batch_masks"], self.data_format)
        partners = ops.take(values, transformation["permutation_order"], axis=0)
        return ops.where(masks, partners, values)

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._paste(images, transformation)

    def transform_labels(self, labels, transformation, training=True):
        if not training or transformation is None:
            return labels
        return mix_labels(
            labels,
            transformation["permutation_order"],
            transformation["mix_weight"],
            self.compute_dtype,
        )

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._paste(segmentation_masks, transformation)

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        raise ValueError(
            f"Layer {type(self).__name__} does not support bounding boxes: a "
            "pasted patch cuts through the boxes of both images. Remove the "
            "'bounding_boxes' entry, or use MixUp, which keeps both images' "
            "boxes."
        )

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "seed": self.seed}
