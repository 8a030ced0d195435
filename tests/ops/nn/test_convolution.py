"""The nn convolution ops (conv, conv_transpose, depthwise_conv, separable_conv).

Every row is checked against a direct NumPy loop over output positions (the
independent reference below), symbolically, inside the backend compiler and,
for float rows, for gradients against finite differences. Result dtypes are
checked against Keras 3.15 (`dtype_oracle_convolution.json`), and errors for
bad arguments.
"""

import os

import numpy as np
import pytest
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import signed

import keras_core
from keras_core import ops

BACKEND = keras_core.config.backend()


def _tuple(value, rank):
    return (value,) * rank if isinstance(value, int) else tuple(value)


def _same_pads(size, extent, stride):
    out = -(-size // stride)
    total = max((out - 1) * stride + extent - size, 0)
    return total // 2, total - total // 2


def conv_reference(
    x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1
):
    """Each output position: the dot of its (dilated) window and the kernel."""
    first = (data_format or keras_core.config.image_data_format()) == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    rank = x.ndim - 2
    strides, dilation = _tuple(strides, rank), _tuple(dilation_rate, rank)
    window = kernel.shape[:rank]
    extents = [(w - 1) * d + 1 for w, d in zip(window, dilation, strict=False)]
    if padding == "same":
        pads = [
            _same_pads(n, e, s)
            for n, e, s in zip(x.shape[1:-1], extents, strides, strict=False)
        ]
    else:
        pads = [(0, 0)] * rank
    x = np.pad(x, [(0, 0), *pads, (0, 0)])
    outs = [
        (n - e) // s + 1
        for n, e, s in zip(x.shape[1:-1], extents, strides, strict=False)
    ]
    cin, cout = kernel.shape[-2:]
    groups = x.shape[-1] // cin
    per_group = cout // groups
    y = np.zeros((x.shape[0], *outs, cout))
    for position in np.ndindex(*outs):
        for tap in np.ndindex(*window):
            where = tuple(
                p * s + t * d
                for p, s, t, d in zip(position, strides, tap, dilation, strict=False)
            )
            values = x[(slice(None), *where)]
            for o in range(cout):
                g = o // per_group
                y[(slice(None), *position, o)] += (
                    values[:, g * cin : (g + 1) * cin] @ kernel[(*tap, slice(None), o)]
                )
    return np.moveaxis(y, -1, 1) if first else y


def conv_transpose_reference(
    x,
    kernel,
    strides=1,
    padding="valid",
    output_padding=None,
    data_format=None,
    dilation_rate=1,
):
    """Scatters each input position times the kernel, then crops as Keras does."""
    first = (data_format or keras_core.config.image_data_format()) == "channels_first"
    if first:
        x = np.moveaxis(x, 1, -1)
    rank = x.ndim - 2
    strides, dilation = _tuple(strides, rank), _tuple(dilation_rate, rank)
    window = kernel.shape[:rank]
    extents = [(w - 1) * d + 1 for w, d in zip(window, dilation, strict=False)]
    sizes = x.shape[1:-1]
    full = [(n - 1) * s + e for n, s, e in zip(sizes, strides, extents, strict=False)]
    y = np.zeros((x.shape[0], *[f + 8 for f in full], kernel.shape[-2]))
    for position in np.ndindex(*sizes):
        for tap in np.ndindex(*window):
            where = tuple(
                p * s + t * d
                for p, s, t, d in zip(position, strides, tap, dilation, strict=False)
            )
            y[(slice(None), *where)] += x[(slice(None), *position)] @ kernel[tap].T
    index = []
    for axis in range(rank):
        n, s, e = sizes[axis], strides[axis], extents[axis]
        if output_padding is None:
            out = n * s if padding == "same" else n * s + max(e - s, 0)
        else:
            pad = e // 2 if padding == "same" else 0
            out = (n - 1) * s + e - 2 * pad + _tuple(output_padding, rank)[axis]
        crop = max(full[axis] - out, 0) // 2 if padding == "same" else 0
        index.append(slice(crop, crop + out))
    y = y[(slice(None), *index)]
    return np.moveaxis(y, -1, 1) if first else y


def depthwise_reference(
    x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1
):
    """Channel c convolved with kernel[..., c, m] alone, outputs c-major."""
    first = (data_format or keras_core.config.image_data_format()) == "channels_first"
    axis = 1 if first else -1
    outputs = []
    for c in range(kernel.shape[-2]):
        channel = np.take(x, [c], axis=axis)
        outputs.append(
            conv_reference(
                channel,
                kernel[..., c : c + 1, :],
                strides,
                padding,
                data_format,
                dilation_rate,
            )
        )
    return np.concatenate(outputs, axis=axis)


def separable_reference(
    x,
    depthwise,
    pointwise,
    strides=1,
    padding="valid",
    data_format=None,
    dilation_rate=1,
):
    middle = depthwise_reference(
        x, depthwise, strides, padding, data_format, dilation_rate
    )
    return conv_reference(middle, pointwise, 1, "valid", data_format)


def _conv_rows():
    rows = []
    variants = [
        ((1, 7, 2), (3, 2, 3), {}, "1d"),
        ((1, 7, 2), (3, 2, 3), {"strides": 2, "padding": "same"}, "1d-same-s2"),
        (
            (1, 2, 7),
            (2, 2, 3),
            {"data_format": "channels_first", "padding": "same", "dilation_rate": 2},
            "1d-cf-dil",
        ),
        ((1, 5, 6, 2), (2, 3, 2, 2), {"strides": (2, 1), "padding": "same"}, "2d"),
        ((2, 5, 5, 4), (3, 3, 2, 2), {"dilation_rate": (1, 2)}, "2d-groups"),
        (
            (1, 2, 6, 5),
            (3, 2, 2, 3),
            {
                "data_format": "channels_first",
                "strides": 2,
                "dilation_rate": 2,
                "padding": "same",
            },
            "2d-cf-s2-dil",
        ),
        (
            (1, 4, 3, 4, 1),
            (2, 2, 3, 1, 2),
            {"padding": "same", "strides": (1, 2, 1)},
            "3d",
        ),
    ]
    for xs, ks, kwargs, label in variants:
        rows.append(
            Case(
                "conv",
                (signed(*xs), signed(*ks)),
                kwargs,
                reference=conv_reference,
                grad="s2-dil" not in label or BACKEND != "jax",
                grow=(0,),
                rtol=1e-5,
                atol=1e-5,
                label=label,
            )
        )
    rows.append(
        Case(
            "conv",
            (
                np.arange(12, dtype="int32").reshape(1, 6, 2),
                np.ones((2, 2, 1), "int32"),
            ),
            {},
            reference=conv_reference,
            label="int",
        )
    )
    return rows


CASES = [
    *_conv_rows(),
    Case(
        "conv_transpose",
        (signed(1, 4, 2), signed(3, 3, 2)),
        {"strides": 2},
        reference=conv_transpose_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="1d",
    ),
    Case(
        "conv_transpose",
        (signed(1, 4, 2), signed(4, 3, 2)),
        {"strides": 2, "padding": "same"},
        reference=conv_transpose_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="1d-same",
    ),
    Case(
        "conv_transpose",
        (signed(1, 2, 3, 4), signed(3, 2, 1, 2)),
        {
            "strides": (2, 3),
            "padding": "same",
            "output_padding": (1, 2),
            "data_format": "channels_first",
        },
        reference=conv_transpose_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="2d-cf-output-padding",
    ),
    Case(
        "conv_transpose",
        (signed(1, 3, 3, 1), signed(2, 2, 2, 1)),
        {"dilation_rate": 2, "padding": "same"},
        reference=conv_transpose_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="2d-dil",
    ),
    Case(
        "conv_transpose",
        (signed(1, 2, 2, 2, 1), signed(2, 1, 2, 2, 1)),
        {"strides": 2},
        reference=conv_transpose_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="3d",
    ),
    Case(
        "depthwise_conv",
        (signed(1, 6, 2), signed(3, 2, 2)),
        {"padding": "same"},
        reference=depthwise_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="1d",
    ),
    Case(
        "depthwise_conv",
        (signed(1, 2, 5, 5), signed(2, 2, 2, 1)),
        {"strides": 2, "data_format": "channels_first"},
        reference=depthwise_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="2d",
    ),
    Case(
        "depthwise_conv",
        (signed(1, 3, 3, 3, 2), signed(2, 2, 2, 2, 1)),
        {"dilation_rate": (1, 2, 1)},
        reference=depthwise_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="3d",
    ),
    Case(
        "separable_conv",
        (signed(1, 6, 2), signed(3, 2, 2), signed(1, 4, 3)),
        {"strides": 2, "padding": "same"},
        reference=separable_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="1d",
    ),
    Case(
        "separable_conv",
        (signed(1, 5, 4, 2), signed(2, 2, 2, 1), signed(1, 1, 2, 2)),
        {"dilation_rate": 2},
        reference=separable_reference,
        grad=True,
        rtol=1e-5,
        atol=1e-5,
        label="2d",
    ),
]


class TestConvolution(TableTests):
    CASES = CASES


def test_default_data_format_is_the_configured_one():
    x, kernel = signed(1, 2, 5), signed(2, 2, 3)
    keras_core.config.set_image_data_format("channels_first")
    try:
        result = ops.conv(x, kernel)
    finally:
        keras_core.config.set_image_data_format("channels_last")
    expected = conv_reference(x, kernel, data_format="channels_first")
    np.testing.assert_allclose(
        ops.convert_to_numpy(result), expected, rtol=1e-5, atol=1e-5
    )


ORACLE_PATH = os.path.join(os.path.dirname(__file__), "dtype_oracle_convolution.json")
ORACLE, TABLE = load_oracle(ORACLE_PATH)
SHAPES = {
    "conv": [(1, 4, 2), (2, 2, 2)],
    "conv_transpose": [(1, 4, 2), (2, 2, 2)],
    "depthwise_conv": [(1, 4, 2), (2, 2, 1)],
    "separable_conv": [(1, 4, 2), (2, 2, 1), (1, 2, 2)],
}


@pytest.mark.parametrize("op_name", sorted(SHAPES))
def test_result_dtypes_match_keras(op_name):
    shapes = SHAPES[op_name]

    def function(x):
        # One sample of the dtype for every tensor argument, broadcast to shape.
        return getattr(ops, op_name)(*[ops.broadcast_to(x[:1], s) for s in shapes])

    assert not dtype_mismatches(function, ORACLE, TABLE, op_name)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ops.conv(np.ones((4, 2)), np.ones((2, 2, 2))), "rank 3 or 4 or 5"),
        (lambda: ops.conv(np.ones((1, 4, 2)), np.ones((2, 2, 2, 2))), "kernel must"),
        (lambda: ops.conv(np.ones((1, 4, 3)), np.ones((2, 2, 2))), "multiple"),
        (
            lambda: ops.conv(np.ones((1, 4, 2)), np.ones((2, 2, 2)), padding="full"),
            "'valid' or 'same'",
        ),
        (
            lambda: ops.conv(
                np.ones((1, 4, 2)), np.ones((2, 2, 2)), data_format="nhwc"
            ),
            "data_format",
        ),
        (
            lambda: ops.conv(np.ones((1, 4, 2)), np.ones((2, 2, 2)), strides=(1, 1)),
            "strides",
        ),
        (lambda: ops.conv(np.ones((1, 2, 2)), np.ones((3, 2, 2))), "empty"),
        (
            lambda: ops.conv_transpose(np.ones((1, 4, 2)), np.ones((2, 2, 3))),
            "input channels",
        ),
        (
            lambda: ops.depthwise_conv(np.ones((1, 4, 2)), np.ones((2, 3, 1))),
            "depthwise kernel",
        ),
    ],
)
def test_errors_name_the_op_and_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_strided_same_padding_goes_after():
    # TensorFlow's "same": 4 positions, stride 2, window 2 pads nothing; 5
    # positions pad one zero after.
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    result = ops.conv(x, np.ones((2, 1, 1), "float32"), strides=2, padding="same")
    np.testing.assert_array_equal(ops.convert_to_numpy(result)[0, :, 0], [3, 7, 5])
