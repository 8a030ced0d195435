"""`BaseImagePreprocessingLayer`: the base of the image preprocessing layers.

How a subclass plugs in:

1. `__init__` takes its own arguments plus `**kwargs` for the base
   (`factor`, `bounding_box_format`, `data_format`, `name`, `dtype`, ...).
   Set `_USE_BASE_FACTOR = False` when `factor` means something else for the
   layer; `_FACTOR_BOUNDS` sets the allowed range of a base `factor`.
2. `get_random_transformation(data, training=True, seed=None)` draws the
   random parameters for one call (per image, as tensors) and returns them
   in any structure (a dict is usual), or None. `data` is always batched:
   a tensor of images or a dict with an `"images"` batch. Draw with
   `seed if seed is not None else self.generator` (a `SeedGenerator`).
3. `transform_images(images, transformation, training=True)` is required;
   `transform_labels`, `transform_bounding_boxes` and
   `transform_segmentation_masks` default to returning their input, which
   is right only for layers that leave the geometry and labels alone.
   Each gets a batch; the base adds and removes the batch axis for single
   images. A random layer returns its input when `training` is falsy.
4. Bounding boxes arrive as `{"boxes": (batch, n, 4), "labels": (batch, n)}`
   in `self.bounding_box_format`; see `bounding_boxes.converters`.
5. Override `compute_output_shape(input_shape)` (an image shape) when the
   layer changes the image size, and `_output_image_dtype` for the dtype.
"""

from keras_core import ops
from keras_core._src.backend.common.config import standardize_data_format
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = []


class BaseImagePreprocessingLayer(DataLayer):
    """The base of image preprocessing and augmentation layers.

    Calls accept a batch of images `(batch, height, width, channels)` (or
    channels first), a single image without the batch axis, or a dict with
    `"images"` and optionally `"labels"`, `"bounding_boxes"` (a dict of
    `"boxes"` and `"labels"`) and `"segmentation_masks"`; other keys pass
    through. The output has the structure of the input.

    Args:
        factor: For layers that use the base factor: a number `f` (the
            range `(-f, f)`) or a pair `(lower, upper)`, inside
            `_FACTOR_BOUNDS`. Stored as `self.factor`, a sorted pair.
        bounding_box_format: The format of `"bounding_boxes"` inputs, such
            as `"xyxy"`, `"xywh"`, `"center_xywh"`, `"yxyx"` or the
            `"rel_..."` (relative to the image size) variants.
        data_format: `"channels_last"` or `"channels_first"`; defaults to
            `keras_core.config.image_data_format()`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> class Negate(BaseImagePreprocessingLayer):
    ...     def transform_images(self, images, transformation, training=True):
    ...         return -images
    >>> Negate()(numpy.ones((4, 4, 3))).shape
    (4, 4, 3)
    """

    _USE_BASE_FACTOR = True
    _FACTOR_BOUNDS = (-1, 1)

    def __init__(
        self, factor=None, bounding_box_format=None, data_format=None, **kwargs
    ):
        super().__init__(**kwargs)
        self.bounding_box_format = bounding_box_format
        self.data_format = standardize_data_format(data_format)
        if self._USE_BASE_FACTOR:
            self._set_factor(0.0 if factor is None else factor)
        elif factor is not None:
            raise ValueError(
                f"Layer {type(self).__name__} does not take a `factor` "
                f"argument. Received: factor={factor!r}"
            )

    def _set_factor(self, factor):
        self.factor = parse_factor(type(self).__name__, factor, self._FACTOR_BOUNDS)

    def get_random_transformation(self, data, training=True, seed=None):
        """Draws the random parameters of one call; None for fixed layers.

        Args:
            data: A batch of images, or a dict with an `"images"` batch.
            training: Whether the layer runs in training mode.
            seed: A seed or `SeedGenerator` overriding the layer's own.

        Returns:
            The parameters, in the structure the `transform_*` methods
            read, or None.
        """
        return None

    def transform_images(self, images, transformation, training=True):
        """Applies `transformation` to a batch of images."""
        raise NotImplementedError(
            f"Layer {type(self).__name__} must define "
            "`transform_images(self, images, transformation, training=True)`."
        )

    def transform_labels(self, labels, transformation, training=True):
        """Applies `transformation` to a batch of labels (default: unchanged)."""
        return labels

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        """Applies `transformation` to `{"boxes", "labels"}` (default: unchanged)."""
        return bounding_boxes

    def transform_segmentation_masks(
        self, segmentation_masks, transformation, training=True
    ):
        """Applies `transformation` to a batch of masks (default: unchanged)."""
        return segmentation_masks

    def call(self, data, training=True):
        if isinstance(data, dict):
            return self._call_on_dict(data, training)
        batched = self._is_batched(data)
        images = data if batched else ops.expand_dims(data, 0)
        transformation = self.get_random_transformation(images, training=training)
        outputs = self.transform_images(images, transformation, training=training)
        return outputs if batched else ops.squeeze(outputs, 0)

    def _call_on_dict(self, data, training):
        if "images" not in data:
            raise ValueError(
                f"Layer {type(self).__name__}: a dict input needs an "
                f"'images' entry. Received keys: {sorted(data)}"
            )
        if "bounding_boxes" in data and self.bounding_box_format is None:
            raise ValueError(
                "You passed an input with a 'bounding_boxes' key, but you "
                "didn't specify a bounding box format. Pass a "
                f"`bounding_box_format` argument to your {type(self).__name__} "
                "layer, e.g. `bounding_box_format='xyxy'`."
            )
        batched = self._is_batched(data["images"])
        if not batched:
            data = {key: _add_batch_axis(key, value) for key, value in data.items()}
        transformation = self.get_random_transformation(data, training=training)
        outputs = dict(data)
        outputs["images"] = self.transform_images(
            data["images"], transformation, training=training
        )
        if "bounding_boxes" in data:
            boxes = data["bounding_boxes"]
            if not isinstance(boxes, dict) or "boxes" not in boxes:
                raise ValueError(
                    f"Layer {type(self).__name__}: 'bounding_boxes' must be a "
                    "dict with a 'boxes' tensor of shape (batch, num_boxes, 4) "
                    f"and a 'labels' tensor. Received: {boxes!r}"
                )
            outputs["bounding_boxes"] = self.transform_bounding_boxes(
                boxes, transformation, training=training
            )
        if "labels" in data:
            outputs["labels"] = self.transform_labels(
                data["labels"], transformation, training=training
            )
        if "segmentation_masks" in data:
            outputs["segmentation_masks"] = self.transform_segmentation_masks(
                data["segmentation_masks"], transformation, training=training
            )
        if not batched:
            outputs = {
                key: _drop_batch_axis(key, value) for key, value in outputs.items()
            }
        return outputs

    def _is_batched(self, images):
        rank = len(images.shape)
        if rank not in (3, 4):
            raise ValueError(
                f"Layer {type(self).__name__} expects images of rank 4 "
                "(batch, height, width, channels) or rank 3 (a single "
                f"image), but received shape {tuple(images.shape)}. Reshape "
                "the input or add the batch axis."
            )
        return rank == 4

    def _output_image_dtype(self, dtype):
        return self.compute_dtype

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_output_spec(self, data, training=True):
        if not isinstance(data, dict):
            return self._image_spec(data)
        outputs = {
            key: _same_spec(value) for key, value in data.items() if key != "images"
        }
        images = self._image_spec(data["images"])
        outputs["images"] = images
        masks = data.get("segmentation_masks")
        if masks is not None and len(masks.shape) == len(images.shape):
            shape = list(images.shape)
            channel_axis = -1 if self.data_format == "channels_last" else -3
            shape[channel_axis] = masks.shape[channel_axis]
            outputs["segmentation_masks"] = KerasTensor(tuple(shape), masks.dtype)
        return outputs

    def _image_spec(self, images):
        if len(images.shape) == 3:
            shape = self.compute_output_shape((None, *images.shape))[1:]
        else:
            shape = self.compute_output_shape(tuple(images.shape))
        return KerasTensor(tuple(shape), dtype=self._output_image_dtype(images.dtype))

    def _transform_value_range(
        self, images, original_range, target_range, dtype="float32"
    ):
        """Maps `images` linearly from `original_range` to `target_range`."""
        original_range = self._unwrap_value_range(original_range)
        target_range = self._unwrap_value_range(target_range)
        images = ops.cast(images, dtype)
        if original_range == target_range:
            return images
        low, high = original_range
        new_low, new_high = target_range
        scale = (new_high - new_low) / (high - low)
        return (images - low) * scale + new_low

    def _unwrap_value_range(self, value_range, dtype="float32"):
        del dtype
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise ValueError(
                f"Layer {type(self).__name__}: `value_range` must be a pair "
                f"(low, high). Received: value_range={value_range!r}"
            )
        return tuple(float(v) for v in value_range)

    def get_config(self):
        return {**super().get_config(), "data_format": self.data_format}


def _add_batch_axis(key, value):
    if key == "bounding_boxes" and isinstance(value, dict):
        return {k: ops.expand_dims(v, 0) for k, v in value.items()}
    if key in ("images", "labels", "segmentation_masks"):
        return ops.expand_dims(value, 0)
    return value


def _drop_batch_axis(key, value):
    if key == "bounding_boxes" and isinstance(value, dict):
        return {k: ops.squeeze(v, 0) for k, v in value.items()}
    if key in ("images", "labels", "segmentation_masks"):
        return ops.squeeze(value, 0)
    return value


def _same_spec(value):
    if isinstance(value, dict):
        return {key: _same_spec(v) for key, v in value.items()}
    if isinstance(value, KerasTensor):
        return KerasTensor(value.shape, dtype=value.dtype)
    return value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_factor(layer_name, factor, bounds, arg_name="factor"):
    """Returns `factor` as a sorted `(lower, upper)` pair inside `bounds`."""
    low, high = bounds
    message = (
        f"Layer {layer_name}: the `{arg_name}` argument should be a number "
        f"(or a list of two numbers) in the range [{low}, {high}]. "
        f"Received: {arg_name}={factor!r}"
    )
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or not all(is_number(f) for f in factor):
            raise ValueError(message)
        lower, upper = sorted(factor)
        if lower < low or upper > high:
            raise ValueError(message)
        return (lower, upper)
    if not is_number(factor) or not low <= factor <= high:
        raise ValueError(message)
    magnitude = abs(factor)
    # Keras keeps `-0.0` for a zero factor; `max` would pick `low` instead.
    return (-magnitude if -magnitude >= low else low, magnitude)
