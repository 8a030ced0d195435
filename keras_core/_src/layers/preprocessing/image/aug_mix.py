"""`AugMix`: blends an image with several chains of random augmentations."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image import _color_utils as color
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)
from keras_core._src.layers.preprocessing.image.base_image_layer import parse_factor
from keras_core._src.layers.preprocessing.image.rand_augment import apply_one_of
from keras_core._src.layers.preprocessing.image.rand_augment import check_count
from keras_core._src.layers.preprocessing.image.rand_augment import check_interpolation
from keras_core._src.layers.preprocessing.image.rand_augment import make_augmentation
from keras_core._src.random import random_ops as random
from keras_core._src.random.seed_generator import SeedGenerator

__all__ = ["AugMix"]

_BASIC_AUGMENTATIONS = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "solarization",
    "random_posterization",
    "auto_contrast",
    "equalization",
)
# The colour augmentations the AugMix paper leaves out (they overlap
# common corruption benchmarks); `all_ops=True` adds them.
_EXTRA_AUGMENTATIONS = (
    "random_brightness",
    "random_color_degeneration",
    "random_contrast",
    "random_sharpness",
)


@keras_public("keras.layers")
class AugMix(BaseImagePreprocessingLayer):
    """Mixes each image with `num_chains` randomly augmented copies (AugMix).

    Per call, chain weights `w` are drawn from a Dirichlet distribution of
    concentration `alpha` and a weight `m` from `Beta(alpha, alpha)`. Each
    chain applies `chain_depth` steps to the whole batch; each step is one
    augmentation drawn at random (the same for the batch; with probability
    `1 / (len(ops) + 1)` the step does nothing), its parameters drawn per
    image. The output is `m * image + (1 - m) * sum_i(w_i * chain_i(image))`.
    Segmentation masks go through the same chains and blend; bounding boxes
    pass unchanged. At inference (`training=False`) the layer returns its
    input as floats.

    Args:
        value_range: The `(low, high)` range of the pixel values.
        num_chains: The number of augmentation chains mixed, at least 1.
        chain_depth: The number of steps per chain.
        factor: A number `f` (meaning `(0, f)`) or a pair in `[0, 1]`: the
            strength range of every augmentation.
        alpha: A positive number, the Dirichlet and Beta concentration.
        all_ops: Whether to add the brightness, colour degeneration,
            contrast and sharpness augmentations to shear, translation,
            rotation, solarization, posterization, auto contrast and
            equalization.
        interpolation: `"bilinear"` or `"nearest"`, for the geometric
            augmentations.
        seed: An int seeding the random draws.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.AugMix(num_chains=2, chain_depth=2, seed=1)
    >>> layer(numpy.random.uniform(0, 255, (2, 8, 8, 3)), training=True).shape
    (2, 8, 8, 3)
    """

    _USE_BASE_FACTOR = False

    def __init__(
        self,
        value_range=(0, 255),
        num_chains=3,
        chain_depth=3,
        factor=0.3,
        alpha=1.0,
        all_ops=True,
        interpolation="bilinear",
        seed=None,
        data_format=None,
        **kwargs,
    ):
        super().__init__(data_format=data_format, **kwargs)
        name = type(self).__name__
        self.value_range = tuple(color.parse_value_range(name, value_range))
        self.num_chains = check_count(name, "num_chains", num_chains, 1)
        self.chain_depth = check_count(name, "chain_depth", chain_depth, 0)
        self.factor = parse_factor(name, factor, (0, 1))
        if not color.is_number(alpha) or alpha <= 0:
            raise ValueError(
                f"Layer {name}: `alpha` must be a positive number, the "
                f"Dirichlet and Beta concentration. Received: alpha={alpha!r}"
            )
        self.alpha = alpha
        self.all_ops = bool(all_ops)
        self.interpolation = check_interpolation(name, interpolation)
        self.seed = seed
        self.generator = SeedGenerator(seed)
        self._names = _BASIC_AUGMENTATIONS + (
            _EXTRA_AUGMENTATIONS if self.all_ops else ()
        )
        for augmentation in self._names:
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

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        seed = seed if seed is not None else self.generator
        gammas = random.gamma((self.num_chains,), self.alpha, seed=seed)
        chain_weights = gammas / ops.sum(gammas)
        original_weight = random.beta((), self.alpha, self.alpha, seed=seed)
        chains = []
        for _ in range(self.num_chains):
            steps = []
            for _ in range(self.chain_depth):
                # The extra index stands for "no augmentation at this step".
                index = random.randint((), 0, len(self._names) + 1, seed=seed)
                transforms = [
                    getattr(self, name).get_random_transformation(
                        data, training=True, seed=seed
                    )
                    for name in self._names
                ]
                steps.append({"layer_index": index, "transforms": transforms})
            chains.append(steps)
        return {
            "chain_mixing_weights": chain_weights,
            "weight_sample": original_weight,
            "chain_transforms": chains,
        }

    def _mix(self, method, values, transformation):
        augmentations = [getattr(self, name) for name in self._names]
        values = ops.cast(values, self.compute_dtype)
        weights = ops.cast(transformation["chain_mixing_weights"], values.dtype)
        mixed = ops.zeros_like(values)
        for chain_index, steps in enumerate(transformation["chain_transforms"]):
            chained = values
            for step in steps:
                chained = apply_one_of(
                    step["layer_index"],
                    augmentations,
                    step["transforms"],
                    method,
                    chained,
                )
            mixed = mixed + weights[chain_index] * chained
        original_weight = ops.cast(transformation["weight_sample"], values.dtype)
        return original_weight * values + (1 - original_weight) * mixed

    def transform_images(self, images, transformation, training=True):
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        return self._mix("transform_images", images, transformation)

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        if not training or transformation is None:
            return segmentation_masks
        return self._mix(
            "transform_segmentation_masks", segmentation_masks, transformation
        )

    def get_config(self):
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "num_chains": self.num_chains,
            "chain_depth": self.chain_depth,
            "factor": self.factor,
            "alpha": self.alpha,
            "all_ops": self.all_ops,
            "interpolation": self.interpolation,
            "seed": self.seed,
        }
