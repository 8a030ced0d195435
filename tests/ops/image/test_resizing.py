"""`keras_core.ops.image.resize` and `scale_and_translate`.

Values are checked against outputs of real Keras 3.15 recorded in
`keras_reference_resizing.npz` (its jax backend, whose `jax.image`
semantics every backend here follows; "area", which only Keras's
TensorFlow backend has, against TensorFlow's) and against an independent
NumPy loop over the documented kernels, which is also the finite-difference
reference for gradients. Also: symbolic shape and dtype (unknown batch),
the backend's compiler and error messages; and the result dtypes of
every op of resizing, patches and filters against Keras
(`dtype_oracle_resizing.json`).
"""

import math
import os

import ml_dtypes
import numpy as np
import op_testing
import pytest
from op_testing import BACKEND
from op_testing import backend_gradients
from op_testing import compiled
from op_testing import dtype_mismatches
from op_testing import finite_differences
from op_testing import load_oracle
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

HERE = os.path.dirname(__file__)
REF = np.load(os.path.join(HERE, "keras_reference_resizing.npz"))
IMG = REF["img"]
IMAGE = ops.image


def _kernel(name, x):
    # The kernels of jax.image, written pointwise.
    if name == "linear":
        return max(0.0, 1.0 - x)
    if name == "cubic":
        if x < 1:
            return 1.5 * x**3 - 2.5 * x**2 + 1
        return -0.5 * x**3 + 2.5 * x**2 - 4 * x + 2 if x < 2 else 0.0
    radius = 3 if name == "lanczos3" else 5
    if x > radius:
        return 0.0
    if x < 1e-3:
        return 1.0
    return (
        radius
        * math.sin(math.pi * x)
        * math.sin(math.pi * x / radius)
        / (math.pi**2 * x**2)
    )


def _np_axis(x, axis, out_size, scale, translation, kernel, antialias):
    """Resamples one axis, output point by output point."""
    in_size = x.shape[axis]
    widen = max(1 / scale, 1.0) if antialias else 1.0
    moved = np.moveaxis(x, axis, 0)
    out = np.zeros((out_size, *moved.shape[1:]))
    for o in range(out_size):
        center = (o + 0.5 - translation) / scale - 0.5
        if not -0.5 <= center <= in_size - 0.5:
            continue
        weights = np.array(
            [_kernel(kernel, abs(center - i) / widen) for i in range(in_size)]
        )
        if abs(weights.sum()) > 1000 * np.finfo(np.float32).eps:
            out[o] = np.tensordot(weights / weights.sum(), moved, axes=1)
    return np.moveaxis(out, 0, axis)


def _np_resize(x, size, kernel, antialias=False):
    for axis, out_size in zip((1, 2), size, strict=True):
        if x.shape[axis] != out_size:
            scale = out_size / x.shape[axis]
            x = _np_axis(x, axis, out_size, scale, 0.0, kernel, antialias)
    return x


def _image_sample(key):
    """A (1, 4, 4, 3) image of dtype `key` (the harness's samples are 1-d)."""
    if key == "bool":
        return np.ones((1, 4, 4, 3), bool)
    dtype = ml_dtypes.bfloat16 if key == "bfloat16" else key
    return np.ones((1, 4, 4, 3), dtype=dtype)


def oracle_mismatches(function, path, op_name):
    """Cells where `function`'s result dtype differs from Keras's.

    Where Keras's NumPy backend fails for lack of a kernel (float16 Sobel,
    bfloat16 SSIM) but its jax backend computes, jax's dtype is expected:
    every backend here computes them.
    """
    oracle, table = load_oracle(path)
    table = {op_name: dict(table[op_name])}
    for key, value in table[op_name].items():
        jax_value = oracle["jax"][op_name][key]
        if value == "error" and jax_value != "error" and BACKEND != "tensorflow":
            table[op_name][key] = narrowed_dtype(jax_value)
    saved = op_testing.sample
    op_testing.sample = _image_sample
    try:
        return dtype_mismatches(function, oracle, table, op_name)
    finally:
        op_testing.sample = saved


KERNELS = {"bilinear": "linear", "bicubic": "cubic"}
KERNELS.update(lanczos3="lanczos3", lanczos5="lanczos5")
SAT_SCALE = np.array([0.7, 1.3], "float32")
SAT_SHIFT = np.array([0.5, -1.0], "float32")


def _sat(x, method="linear", antialias=True):
    return IMAGE.scale_and_translate(
        x,
        (x.shape[0], 5, 9, x.shape[3]),
        SAT_SCALE,
        SAT_SHIFT,
        (1, 2),
        method,
        antialias=antialias,
    )


def _np_sat(x, kernel="linear", antialias=True):
    x = _np_axis(x, 1, 5, 0.7, 0.5, kernel, antialias)
    return _np_axis(x, 2, 9, 1.3, -1.0, kernel, antialias)


@pytest.mark.parametrize(
    "interpolation", ["bilinear", "bicubic", "lanczos3", "lanczos5"]
)
@pytest.mark.parametrize("antialias", [False, True])
@pytest.mark.parametrize("size", [(4, 5), (9, 11)])
def test_resize_matches_keras_and_numpy(interpolation, antialias, size):
    got = IMAGE.resize(IMG, size, interpolation=interpolation, antialias=antialias)
    assert core.is_tensor(got)
    got = to_numpy(got)
    key = f"resize_{interpolation}_{antialias}_{size[0]}x{size[1]}"
    np.testing.assert_allclose(got, REF[key], atol=2e-6)
    want = _np_resize(IMG.astype("float64"), size, KERNELS[interpolation], antialias)
    np.testing.assert_allclose(got, want, atol=2e-6)


@pytest.mark.parametrize("size", [(4, 5), (9, 11)])
def test_resize_nearest_and_area(size):
    got = to_numpy(IMAGE.resize(IMG, size, interpolation="nearest", antialias=True))
    np.testing.assert_array_equal(got, REF[f"resize_nearest_False_{size[0]}x{size[1]}"])
    rows = np.floor((np.arange(size[0]) + 0.5) * 6 / size[0]).astype(int)
    cols = np.floor((np.arange(size[1]) + 0.5) * 7 / size[1]).astype(int)
    np.testing.assert_array_equal(got, IMG[:, rows][:, :, cols])
    area = to_numpy(IMAGE.resize(IMG, size, interpolation="area"))
    np.testing.assert_allclose(area, REF[f"area_{size[0]}x{size[1]}"], atol=2e-6)


def test_resize_area_integer_factor_is_the_block_mean():
    x = np.arange(2 * 6 * 4 * 1, dtype="float32").reshape(2, 6, 4, 1)
    got = to_numpy(IMAGE.resize(x, (3, 2), interpolation="area"))
    np.testing.assert_allclose(got, x.reshape(2, 3, 2, 2, 2, 1).mean((2, 4)))


def test_resize_aspect_ratio_and_layouts():
    crop = IMAGE.resize(IMG, (4, 4), crop_to_aspect_ratio=True)
    np.testing.assert_allclose(to_numpy(crop), REF["resize_crop"], atol=2e-6)
    pad = IMAGE.resize(IMG, (4, 4), pad_to_aspect_ratio=True, fill_value=0.5)
    np.testing.assert_allclose(to_numpy(pad), REF["resize_pad"], atol=2e-6)
    # 3 rows padded to 6 (3 // 2 on each side), then upsampled.
    pad = IMAGE.resize(
        np.ones((1, 3, 6, 1), "float32"),
        (6, 6),
        interpolation="nearest",
        pad_to_aspect_ratio=True,
        fill_value=0.5,
    )
    np.testing.assert_array_equal(to_numpy(pad)[0, :, 0, 0], [0.5, 1, 1, 1, 1, 0.5])
    first = IMAGE.resize(
        np.transpose(IMG, (0, 3, 1, 2)), (4, 5), data_format="channels_first"
    )
    np.testing.assert_allclose(to_numpy(first), REF["resize_cf"], atol=2e-6)
    single = IMAGE.resize(IMG[1], (4, 5))
    np.testing.assert_allclose(
        to_numpy(single), REF["resize_bilinear_False_4x5"][1], atol=2e-6
    )
    keras_core.config.set_image_data_format("channels_first")
    default = IMAGE.resize(np.transpose(IMG, (0, 3, 1, 2)), (4, 5))
    np.testing.assert_allclose(to_numpy(default), REF["resize_cf"], atol=2e-6)


def test_resize_integers_round_half_to_even():
    images = (IMG * 200).astype("uint8")
    got = IMAGE.resize(images, (4, 5))
    assert standardize_dtype(got.dtype) == "uint8"
    # Exact .5 ties: summation order can move them by one on some backends.
    np.testing.assert_allclose(to_numpy(got), REF["resize_int"], atol=1)
    ties = IMAGE.resize(np.array([[[1], [2], [3], [6]]], "int32"), (1, 2))
    np.testing.assert_array_equal(to_numpy(ties)[0, :, 0], [2, 4])


@pytest.mark.parametrize("method", ["linear", "cubic", "lanczos3", "lanczos5"])
@pytest.mark.parametrize("antialias", [False, True])
def test_scale_and_translate_matches_keras_and_numpy(method, antialias):
    got = to_numpy(_sat(IMG, method, antialias))
    np.testing.assert_allclose(got, REF[f"sat_{method}_{antialias}"], atol=2e-6)
    want = _np_sat(IMG.astype("float64"), method, antialias)
    np.testing.assert_allclose(got, want, atol=2e-6)


def test_scale_and_translate_any_axes_and_method_aliases():
    x = IMG[0, :, :, 0]
    got = IMAGE.scale_and_translate(x, (6, 3), [0.5], [0.25], (-1,), "triangle")
    want = _np_axis(x.astype("float64"), 1, 3, 0.5, 0.25, "linear", True)
    np.testing.assert_allclose(to_numpy(got), want, atol=2e-6)


CALLS = [
    ("resize_bilinear", lambda x: IMAGE.resize(x, (4, 5), antialias=True)),
    ("resize_bicubic", lambda x: IMAGE.resize(x, (9, 11), interpolation="bicubic")),
    ("resize_nearest", lambda x: IMAGE.resize(x, (9, 11), interpolation="nearest")),
    ("resize_area", lambda x: IMAGE.resize(x, (4, 5), interpolation="area")),
    ("resize_pad", lambda x: IMAGE.resize(x, (4, 4), pad_to_aspect_ratio=True)),
    ("scale_and_translate", lambda x: _sat(x, "cubic")),
]


@pytest.mark.parametrize("function", [c[1] for c in CALLS], ids=[c[0] for c in CALLS])
def test_symbolic_shape_and_dtype_match_eager(function):
    eager = function(IMG)
    symbolic = function(KerasTensor(IMG.shape, "float32"))
    assert symbolic.shape == tuple(eager.shape)
    assert symbolic.dtype == standardize_dtype(eager.dtype)
    unknown = function(KerasTensor((None, *IMG.shape[1:]), "float32"))
    assert unknown.shape == (None, *eager.shape[1:])


@pytest.mark.parametrize(
    "function", [CALLS[1][1], CALLS[5][1]], ids=["resize", "scale_and_translate"]
)
def test_inside_the_backend_compiler(function):
    if BACKEND == "numpy":
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    result = compiled(function)(core.convert_to_tensor(IMG))
    np.testing.assert_allclose(to_numpy(result), to_numpy(function(IMG)), atol=2e-6)


GRADIENTS = [
    (
        "resize_bilinear_antialias",
        lambda x: IMAGE.resize(x, (2, 3), antialias=True),
        lambda x: _np_resize(x, (2, 3), "linear", True),
    ),
    (
        "resize_bicubic_up",
        lambda x: IMAGE.resize(x, (5, 4), interpolation="bicubic"),
        lambda x: _np_resize(x, (5, 4), "cubic"),
    ),
    (
        "scale_and_translate",
        lambda x: IMAGE.scale_and_translate(
            x, (1, 4, 4, 2), [0.9, 1.2], [0.3, -0.5], (1, 2), "lanczos3"
        ),
        lambda x: _np_axis(
            _np_axis(x, 1, 4, 0.9, 0.3, "lanczos3", True),
            2,
            4,
            1.2,
            -0.5,
            "lanczos3",
            True,
        ),
    ),
]


@pytest.mark.parametrize(
    "function,reference", [g[1:] for g in GRADIENTS], ids=[g[0] for g in GRADIENTS]
)
def test_gradients_match_finite_differences(function, reference):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    x = np.random.default_rng(5).uniform(0, 1, (1, 3, 4, 2))
    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(function, [x.astype(dtype)])
    (want,) = finite_differences(reference, [x])
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


DTYPE_CALLS = {
    "resize": lambda x: IMAGE.resize(x, (3, 3)),
    "resize_nearest": lambda x: IMAGE.resize(x, (3, 3), interpolation="nearest"),
    "scale_and_translate": lambda x: IMAGE.scale_and_translate(
        x, (1, 3, 3, 3), [0.5, 0.5], [0.0, 0.0], (1, 2), "linear"
    ),
    # The other image ops of this family (test_patches.py, test_filters.py).
    "extract_patches": lambda x: IMAGE.extract_patches(x, 2),
    "extract_patches_3d": lambda x: IMAGE.extract_patches_3d(x[:, None], (1, 2, 2)),
    "gaussian_blur": IMAGE.gaussian_blur,
    "sobel_edges": IMAGE.sobel_edges,
    "ssim": lambda x: IMAGE.ssim(x, x, filter_size=3),
    "elastic_transform": lambda x: IMAGE.elastic_transform(x, seed=1),
}


@pytest.mark.parametrize("op_name", sorted(DTYPE_CALLS))
def test_result_dtypes_match_keras(op_name):
    path = os.path.join(HERE, "dtype_oracle_resizing.json")
    assert oracle_mismatches(DTYPE_CALLS[op_name], path, op_name) == []


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: IMAGE.resize(IMG, (4, 4), interpolation="box"), "`interpolation`"),
        (lambda: IMAGE.resize(IMG, (4,)), "`resize`: expected `size`"),
        (
            lambda: IMAGE.resize(
                IMG, (4, 4), pad_to_aspect_ratio=True, fill_mode="wrap"
            ),
            "Only 'constant' is supported",
        ),
        (
            lambda: IMAGE.resize(
                IMG, (4, 4), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True
            ),
            "only one of `crop_to_aspect_ratio`",
        ),
        (lambda: IMAGE.resize(IMG[0, 0], (4, 4)), "invalid `images` rank"),
        (lambda: _sat(IMG, "nearest"), "`scale_and_translate`: invalid value"),
        (
            lambda: IMAGE.scale_and_translate(
                IMG, (2, 5, 9, 3), [1.0], [0.0, 0.0], (1, 2), "linear"
            ),
            "`scale` and `translation` must have one entry",
        ),
        (
            lambda: IMAGE.scale_and_translate(
                IMG, (2, 5, 9, 4), [1.0, 1.0], [0.0, 0.0], (1, 2), "linear"
            ),
            "only along `spatial_dims`",
        ),
    ],
)
def test_errors_name_the_op_and_the_input(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert message in str(info.value)
