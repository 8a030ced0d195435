"""`MaxNumBoundingBoxes`: pads or truncates boxes to a fixed count."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.image.base_image_layer import (
    BaseImagePreprocessingLayer,
)

__all__ = ["MaxNumBoundingBoxes"]


def _fit(values, max_number, fill_value):
    """`values` `(batch, n, ...)` cut or padded with `fill_value` to `max_number`."""
    count = values.shape[1]
    if count >= max_number:
        return values[:, :max_number]
    padding = [(0, 0), (0, max_number - count)] + [(0, 0)] * (len(values.shape) - 2)
    return ops.pad(values, padding, constant_values=fill_value)


@keras_public("keras.layers")
class MaxNumBoundingBoxes(BaseImagePreprocessingLayer):
    """Gives every image exactly `max_number` bounding boxes.

    Extra boxes are dropped; missing ones are added with `fill_value` as
    coordinates and label, so batches of boxes have a fixed shape. Images,
    labels and segmentation masks pass through unchanged.

    Args:
        max_number: The number of boxes per image.
        fill_value: The coordinates and label of added boxes.
        **kwargs: Base layer arguments (`bounding_box_format`, `name`, ...).

    Example:

    >>> layer = keras_core.layers.MaxNumBoundingBoxes(
    ...     3, bounding_box_format="xyxy")
    >>> out = layer({"images": numpy.zeros((1, 4, 4, 3)),
    ...              "bounding_boxes": {"boxes": numpy.ones((1, 2, 4)),
    ...                                 "labels": numpy.ones((1, 2))}})
    >>> tuple(out["bounding_boxes"]["boxes"].shape)
    (1, 3, 4)
    """

    _USE_BASE_FACTOR = False

    def __init__(self, max_number, fill_value=-1, **kwargs):
        super().__init__(**kwargs)
        if (
            isinstance(max_number, bool)
            or not isinstance(max_number, int)
            or (max_number <= 0)
        ):
            raise ValueError(
                "Layer MaxNumBoundingBoxes: `max_number` must be a positive "
                f"integer. Received: max_number={max_number!r}"
            )
        self.max_number = max_number
        self.fill_value = fill_value

    def transform_images(self, images, transformation, training=True):
        return images

    def transform_bounding_boxes(self, bounding_boxes, transformation, training=True):
        result = dict(bounding_boxes)
        for key in ("boxes", "labels"):
            if key in bounding_boxes:
                values = ops.convert_to_tensor(bounding_boxes[key])
                result[key] = _fit(values, self.max_number, self.fill_value)
        return result

    def _output_image_dtype(self, dtype):
        return dtype

    def compute_output_spec(self, data, training=True):
        outputs = super().compute_output_spec(data, training=training)
        if isinstance(data, dict) and "bounding_boxes" in data:
            boxes = dict(outputs["bounding_boxes"])
            for key, spec in boxes.items():
                if len(spec.shape) >= 2:
                    shape = list(spec.shape)
                    shape[-2 if key == "boxes" else -1] = self.max_number
                    boxes[key] = type(spec)(tuple(shape), dtype=spec.dtype)
            outputs["bounding_boxes"] = boxes
        return outputs

    def get_config(self):
        return {**super().get_config(), "max_number": self.max_number}
