"""The bounding box formats and their validation.

Absolute formats are in pixels; the `rel_` formats are fractions of the
image size (x of the width, y of the height).

- `xyxy`: `(x_min, y_min, x_max, y_max)`
- `yxyx`: `(y_min, x_min, y_max, x_max)`
- `xywh`: `(x_min, y_min, width, height)`
- `center_xywh`: `(x_center, y_center, width, height)`
- `center_yxhw`: `(y_center, x_center, height, width)`
- `rel_xyxy`, `rel_yxyx`, `rel_xywh`, `rel_center_xywh`: the same, relative.
"""

FORMATS = (
    "xyxy",
    "yxyx",
    "xywh",
    "center_xywh",
    "center_yxhw",
    "rel_xyxy",
    "rel_yxyx",
    "rel_xywh",
    "rel_center_xywh",
)


def check_format(bounding_box_format, caller):
    """Returns the lower-cased format, or raises naming `caller`."""
    name = bounding_box_format.lower() if isinstance(bounding_box_format, str) else None
    if name not in FORMATS:
        raise ValueError(
            f"{caller}: invalid bounding box format. Supported formats: "
            f"{FORMATS}. Received: bounding_box_format={bounding_box_format!r}"
        )
    return name


def is_relative(bounding_box_format):
    return bounding_box_format.startswith("rel_")
