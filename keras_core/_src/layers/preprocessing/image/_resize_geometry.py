"""Where a resize (optionally cropped or padded to the target's aspect
ratio) moves pixel coordinates, so boxes follow `ops.image.resize`."""

from keras_core._src.layers.preprocessing.image import _geometry
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    clip_to_image_size,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    convert_format,
)
from keras_core._src.layers.preprocessing.image.bounding_boxes.converters import (
    crop as crop_boxes,
)
from keras_core._src.ops.image.resizing import aspect_box


def aspect_window(height, width, out_height, out_width, crop):
    """`(window_height, window_width, top, left)` of the centered window with
    the target's aspect ratio inside (crop) or around (pad) the image, as
    `ops.image.resize` computes it (padding adds `top` rows on both sides,
    so the window starts at `-top`)."""
    window_height, window_width, top, left = aspect_box(
        height, width, out_height, out_width, crop
    )
    if crop:
        return window_height, window_width, top, left
    return height + 2 * top, width + 2 * left, -top, -left


def resize_boxes(
    bounding_boxes,
    bounding_box_format,
    size,
    out_size,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
):
    """Boxes of images `size` resized to `out_size` (ints)."""
    height, width = size
    out_height, out_width = out_size
    window_height, window_width, top, left = height, width, 0, 0
    if crop_to_aspect_ratio or pad_to_aspect_ratio:
        window_height, window_width, top, left = aspect_window(
            height, width, out_height, out_width, crop_to_aspect_ratio
        )
    scale_y, scale_x = out_height / window_height, out_width / window_width

    def move_points(xs, ys):
        return (xs - left) * scale_x, (ys - top) * scale_y

    return _geometry.transform_boxes(
        bounding_boxes,
        bounding_box_format,
        height,
        width,
        move_points,
        clip=(out_height, out_width),
    )


def crop_bounding_boxes(bounding_boxes, bounding_box_format, size, top, left, out_size):
    """Boxes of images `size` cropped to `out_size` at (`top`, `left`)."""
    height, width = size
    out_height, out_width = out_size
    boxes = convert_format(
        bounding_boxes["boxes"], bounding_box_format, "xyxy", height, width
    )
    result = dict(bounding_boxes)
    result["boxes"] = crop_boxes(boxes, top, left, out_height, out_width)
    result = clip_to_image_size(result, out_height, out_width, "xyxy")
    result["boxes"] = convert_format(
        result["boxes"], "xyxy", bounding_box_format, out_height, out_width
    )
    return result
