"""`keras_core.ops.image.extract_patches` and `extract_patches_3d`.

Values are checked against outputs of real Keras 3.15 (jax backend,
`keras_reference_resizing.npz`) and against an independent NumPy loop over
the patch positions, which is also the finite-difference reference for
gradients. Also: symbolic shape and dtype (unknown batch), the backend's
compiler, channels-first and unbatched layouts and error messages (the
result dtypes are checked in test_resizing.py).
"""

import itertools
import os

import numpy as np
import pytest
from op_testing import BACKEND
from op_testing import backend_gradients
from op_testing import compiled
from op_testing import finite_differences
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

HERE = os.path.dirname(__file__)
REF = np.load(os.path.join(HERE, "keras_reference_resizing.npz"))
IMG = REF["img"]
VOL = REF["vol"]
IMAGE = ops.image


def _np_patches(x, size, strides, dilation, padding):
    """Patches of channels-last batched `x`, position by position."""
    n = len(size)
    spatial = x.shape[1 : n + 1]
    extents = [(k - 1) * d + 1 for k, d in zip(size, dilation, strict=True)]
    if padding == "same":
        outs = [math_ceil(s, st) for s, st in zip(spatial, strides, strict=True)]
        pads = []
        for s, st, e, o in zip(spatial, strides, extents, outs, strict=True):
            total = max((o - 1) * st + e - s, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, [(0, 0), *pads, (0, 0)])
    else:
        outs = [
            (s - e) // st + 1
            for s, e, st in zip(spatial, extents, strides, strict=True)
        ]
    out = np.zeros((x.shape[0], *outs, int(np.prod(size)) * x.shape[-1]), x.dtype)
    for position in itertools.product(*(range(o) for o in outs)):
        window = tuple(
            slice(p * st, p * st + e, d)
            for p, st, e, d in zip(position, strides, extents, dilation, strict=True)
        )
        patch = x[(slice(None), *window)]
        out[(slice(None), *position)] = patch.reshape(x.shape[0], -1)
    return out


def math_ceil(a, b):
    return -(-a // b)


VARIANTS = [
    ("2d_2", lambda x: IMAGE.extract_patches(x, 2), IMG, "patches_2", (2, 2), (2, 2)),
    (
        "2d_same_strided",
        lambda x: IMAGE.extract_patches(x, (3, 2), strides=(2, 1), padding="same"),
        IMG,
        "patches_3_s2_same",
        (3, 2),
        (2, 1),
    ),
    (
        "2d_dilated",
        lambda x: IMAGE.extract_patches(x, 2, strides=1, dilation_rate=2),
        IMG,
        "patches_dil",
        (2, 2),
        (1, 1),
    ),
    (
        "3d_2",
        lambda x: IMAGE.extract_patches_3d(x, 2),
        VOL,
        "patches3d_2",
        (2, 2, 2),
        (2, 2, 2),
    ),
    (
        "3d_same_strided",
        lambda x: IMAGE.extract_patches_3d(
            x, (2, 3, 2), strides=(1, 2, 3), padding="same"
        ),
        VOL,
        "patches3d_same",
        (2, 3, 2),
        (1, 2, 3),
    ),
]
IDS = [v[0] for v in VARIANTS]


@pytest.mark.parametrize("label,function,x,key,size,strides", VARIANTS, ids=IDS)
def test_values_match_keras_and_numpy(label, function, x, key, size, strides):
    got = function(x)
    assert core.is_tensor(got)
    np.testing.assert_array_equal(to_numpy(got), REF[key])
    dilation = (2, 2) if label == "2d_dilated" else (1,) * len(size)
    padding = "same" if "same" in label else "valid"
    want = _np_patches(x, size, strides, dilation, padding)
    np.testing.assert_array_equal(to_numpy(got), want)


@pytest.mark.parametrize("label,function,x,key,size,strides", VARIANTS, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(label, function, x, key, size, strides):
    eager = function(x)
    symbolic = function(KerasTensor(x.shape, "float32"))
    assert symbolic.shape == tuple(eager.shape)
    assert symbolic.dtype == standardize_dtype(eager.dtype)
    unknown = function(KerasTensor((None, *x.shape[1:]), "float32"))
    assert unknown.shape == (None, *eager.shape[1:])


def test_inside_the_backend_compiler():
    if BACKEND == "numpy":
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    function = VARIANTS[1][1]
    result = compiled(function)(core.convert_to_tensor(IMG))
    np.testing.assert_array_equal(to_numpy(result), REF["patches_3_s2_same"])


def test_channels_first_and_unbatched():
    channels_last = to_numpy(IMAGE.extract_patches(IMG, (3, 2), strides=(2, 1)))
    first = IMAGE.extract_patches(
        np.moveaxis(IMG, -1, 1), (3, 2), strides=(2, 1), data_format="channels_first"
    )
    np.testing.assert_array_equal(np.moveaxis(to_numpy(first), 1, -1), channels_last)
    single = IMAGE.extract_patches(IMG[1], (3, 2), strides=(2, 1))
    np.testing.assert_array_equal(to_numpy(single), channels_last[1])
    volume = to_numpy(IMAGE.extract_patches_3d(VOL, 2))
    first = IMAGE.extract_patches_3d(
        np.moveaxis(VOL, -1, 1), 2, data_format="channels_first"
    )
    np.testing.assert_array_equal(np.moveaxis(to_numpy(first), 1, -1), volume)
    np.testing.assert_array_equal(
        to_numpy(IMAGE.extract_patches_3d(VOL[0], 2)), volume[0]
    )


@pytest.mark.parametrize("three_d", [False, True], ids=["2d", "3d"])
def test_gradients_match_finite_differences(three_d):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    if three_d:
        x = np.random.default_rng(1).uniform(0, 1, (1, 3, 3, 3, 1))

        def function(v):
            return IMAGE.extract_patches_3d(v, 2, strides=1, padding="same") ** 2

        def reference(v):
            return _np_patches(v, (2, 2, 2), (1, 1, 1), (1, 1, 1), "same") ** 2

    else:
        x = np.random.default_rng(1).uniform(0, 1, (1, 4, 5, 2))

        def function(v):
            patches = IMAGE.extract_patches(v, 2, strides=1, dilation_rate=(1, 2))
            return patches**2

        def reference(v):
            return _np_patches(v, (2, 2), (1, 1), (1, 2), "valid") ** 2

    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(function, [x.astype(dtype)])
    (want,) = finite_differences(reference, [x])
    tolerance = 1e-3 if BACKEND == "jax" else 1e-6
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: IMAGE.extract_patches(IMG, (2, 2, 2)), "`extract_patches`: `size`"),
        (lambda: IMAGE.extract_patches(IMG, 0), "`extract_patches`: `size`"),
        (
            lambda: IMAGE.extract_patches(IMG, 2, padding="full"),
            "`extract_patches`: invalid value for argument `padding`",
        ),
        (lambda: IMAGE.extract_patches(IMG, 8), "do not fit in the input"),
        (lambda: IMAGE.extract_patches(IMG[0, 0], 2), "invalid `images` rank"),
        (lambda: IMAGE.extract_patches_3d(IMG, (2, 2)), "`extract_patches_3d`: `size`"),
        (lambda: IMAGE.extract_patches_3d(IMG[0], 2), "invalid `volumes` rank"),
    ],
)
def test_errors_name_the_op_and_the_input(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert message in str(info.value)
