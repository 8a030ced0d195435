"""Public API: `keras_core.utils.bounding_boxes`."""

from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    affine_transform,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    clip_to_image_size,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    convert_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import crop
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import pad
from keras_core._src.layers.preprocessing.image.bounding_boxes.deltas import (
    decode_deltas_to_boxes,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.deltas import (
    encode_box_to_deltas,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.iou import compute_ciou
from keras_core._src.layers.preprocessing.image.bounding_boxes.iou import compute_iou
