"""`RandAugment`: a few augmentations picked at random from a fixed list."""

import functools

from keras_core import ops
from keras_core import tree
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.auto_contrast import AutoContrast
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.layers.preprocessing.image.equalization import Equalization
from keras_core._src.layers.preprocessing.image.random_brightness import (
    RandomBrightness,
)
from keras_core._src.layers.preprocessing.image.random_color_degeneration import (
    RandomColorDegeneration,
)
from keras_core._src.layers.preprocessing.image.random_contrast import RandomContrast
from keras_core._src.layers.preprocessing.image.random_posterization import (
    RandomPosterization,
)
from keras_core._src.layers.preprocessing.image.random_rotation import RandomRotation
from keras_core._src.layers.preprocessing.image.random_sharpness import RandomSharpness
from keras_core._src.layers.preprocessing.image.random_shear import RandomShear
from keras_core._src.layers.preprocessing.image.random_translation import (
    RandomTranslation,
)
from keras_core._src.layers.preprocessing.image.solarization import Solarization
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["RandAugment"]

INTERPOLATIONS = ("nearest", "bilinear")

# Posterization keeps between 1 and `factor * 8` bits (at least 1).
_POSTERIZATION_BITS = 8


def make_augmentation(name, factor, value_range, interpolation, seed, **kwargs):
    """One augmentation of the RandAugment / AugMix menus.

    Args:
        name: The attribute name of the augmentation, such as
            `"random_shear"`.
        factor: The `(lower, upper)` strength, passed on as each layer's
            own factor(s).
        value_range: The pixel value range of the images.
        interpolation: The resampling of the geometric augmentations.
        seed: The seed recorded in the augmentation's config.
        **kwargs: Base arguments shared by all (`data_format`,
            `bounding_box_format`, `dtype`).
    """
    geometric = {"interpolation": interpolation, "fill_mode": "reflect", "seed": seed}
    if name == "random_shear":
        return RandomShear(x_factor=factor, y_factor=factor, **geometric, **kwargs)
    if name == "random_translation":
        return RandomTranslation(
            height_factor=factor, width_factor=factor, **geometric, **kwargs
        )
    if name == "random_rotation":
        return RandomRotation(factor=factor, **geometric, **kwargs)
    if name == "solarization":
        return Solarization(
            addition_factor=factor,
            threshold_factor=factor,
            value_range=value_range,
            seed=seed,
            **kwargs,
        )
    if name == "random_posterization":
        bits = max(1, int(factor[1] * _POSTERIZATION_BITS))
        return RandomPosterization(
            factor=(1, bits), value_range=value_range, seed=seed, **kwargs
        )
    if name == "auto_contrast":
        return AutoContrast(value_range=value_range, **kwargs)
    if name == "equalization":
        return Equalization(value_range=value_range, **kwargs)
    colour_layers = {
        "random_brightness": RandomBrightness,
        "random_color_degeneration": RandomColorDegeneration,
        "random_contrast": RandomContrast,
        "random_sharpness": RandomSharpness,
    }
    return colour_layers[name](
        factor=factor, value_range=value_range, seed=seed, **kwargs
    )


def _run(augmentation, method, transformation, values):
    outputs = getattr(augmentation, method)(values, transformation, training=True)
    # Every branch of a switch must return the dtypes it was given.
    return tree.map_structure(
        lambda output, value: ops.cast(output, value.dtype), outputs, values
    )


def apply_one_of(index, augmentations, transformations, method, values):
    """Runs `augmentations[index]`'s `method` (such as `"transform_images"`)
    on `values` with its transformation; an index of `len(augmentations)`
    returns `values` unchanged. `index` may be a traced tensor."""
    branches = [
        functools.partial(_run, augmentation, method, transformation)
        for augmentation, transformation in zip(
            augmentations, transformations, strict=True
        )
    ]
    branches.append(lambda unchanged: unchanged)
    try:
        chosen = int(index)
    except TypeError:
        # A traced index (jit, tf.function): every branch is staged and the
        # backend picks one at run time.
        return ops.switch(index, branches, values)
    # A concrete index runs only its branch; an eager `switch` would build
    # (and on some backends compile) all of them on every call.
    return branches[min(max(chosen, 0), len(branches) - 1)](values)


def check_count(layer_name, argument, value, minimum):
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError(
            f"Layer {layer_name}: `{argument}` must be an int of at least "
            f"{minimum}. Received: {argument}={value!r}"
        )
    return value


def check_interpolation(layer_name, interpolation):
    if interpolation not in INTERPOLATIONS:
        raise ValueError(
            f"Layer {layer_name}: unknown `interpolation` {interpolation!r}. "
            f"Expected one of {INTERPOLATIONS}."
        )
    return interpolation


@keras_public("keras.layers")
class RandAugment(BaseImagePreprocessingLayer):
    """Applies `num_ops` augmentations drawn at random, in sequence (RandAugment).

    Each call draws `num_ops` augmentations (with replacement, the same for
    the whole batch) from: shear, translation, rotation, brightness, colour
    degeneration, contrast, sharpness, solarization, posterization, auto
    contrast and equalization, each with its strength range set from
    `factor` (posterization keeps 1 to `max(1, int(8 * upper))` bits);
    their own parameters are drawn per image. Geometric augmentations
    fill with reflections and also move bounding boxes and segmentation
    masks. At inference (`training=False`) the layer returns its input as
    floats.

    Args:
        value_range: The `(low, high)` range of the pixel values.
        num_ops: The number of augmentations applied one after the other.
        factor: A number `f` (meaning `(0, f)`) or a pair in `[0, 1]`: the
            strength range of every augmentation.
        interpolation: `"bilinear"` or `"nearest"`, for the geometric
            augmentations.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`,
            `bounding_box_format`, ...).

    Example:

    >>> layer = keras_core.layers.RandAugment(num_ops=2, factor=0.3, seed=1)
    >>> layer(numpy.random.uniform(0, 255, (2, 8, 8, 3)), training=True).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False
    _AUGMENTATIONS = (
        "random_shear",
        "random_translation",
        "random_rotation",
        "random_brightness",
        "random_color_degeneration",
        "random_contrast",
        "random_sharpness",
        "solarization",
        "random_posterization",
        "auto_contrast",
        "equalization",
    )

    def __init__(
        self,
        value_range=(0, 255),
        num_ops=2,
        factor=0.5,
        interpolation="bilinear",
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.value_range = tuple(color.parse_value_range(name, value_range))
        self.num_ops = check_count(name, "num_ops", num_ops, 0)
        self.factor = parse_factor(name, factor, (0, 1))
        self.interpolation = check_interpolation(name, interpolation)
        self.seed = seed
        self.generator = SeedGenerator(seed)
        for augmentation in self._AUGMENTATIONS:
            setattr(
                self,
                augmentation,
                make_augmentation(
                    augmentation,
                    self.factor,
                    self.value_range,
                    interpolation,
                    seed,
                    data_format=self.data_format,
                    bounding_box_format=self.bounding_box_format,
                ),
            )

    @property
    def _augmentations(self):
        return [getattr(self, name) for name in self._AUGMENTATIONS]

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        seed = seed if seed is not None else self.generator
        transforms = {
            name: getattr(self, name).get_random_transformation(
                data, training=True, seed=seed
            )
            for name in self._AUGMENTATIONS
        }
        layer_indices = random.randint(
            (self.num_ops,), 0, len(self._AUGMENTATIONS), seed=seed
        )
        return {"transforms": transforms, "layer_idxes": layer_indices}

    def _apply(self, method, values, transformation):
        transforms = [transformation["transforms"][n] for n in self._AUGMENTATIONS]
        for step in range(self.num_ops):
            values = apply_one_of(
                transformation["layer_idxes"][step],
                self._augmentations,
                transforms,
                method,
                values,
            )
        return values

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._apply("transform_images", images, transformation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._apply(
            "transform_segmentation_masks", segmentation_masks, transformation
        )

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        if not training or transformation is None:
            return bounding_boxes
        return self._apply("transform_bounding_boxes", bounding_boxes, transformation)

    def get_config(self):
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "num_ops": self.num_ops,
            "factor": self.factor,
            "interpolation": self.interpolation,
            "seed": self.seed,
        }
