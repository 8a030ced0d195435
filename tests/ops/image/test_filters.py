"""`keras_core.ops.image.gaussian_blur`, `sobel_edges`, `ssim` and
`elastic_transform`.

Values are checked against SciPy/NumPy references and outputs of real
Keras 3.15 (`keras_reference_resizing.npz`): `sobel_edges` and `ssim` from
its jax backend, `gaussian_blur` from its NumPy backend (the only one that
blurs each channel on its own; it reads `kernel_size`/`sigma` as (width,
height), against its documentation, so the recorded (5, 3) blur is our
documented (3, 5)). `elastic_transform` is random: checked for determinism
under a seed and for its structure (identity with alpha=0, displacements
of the expected size) rather than exact values. Also: symbolic shape and
dtype, the backend's compiler, gradients and errors (result
dtypes: test_resizing.py).
"""

import os

import numpy as np
import pytest
import scipy.ndimage
from op_testing import BACKEND
from op_testing import backend_gradients
from op_testing import compiled
from op_testing import finite_differences
from op_testing import to_numpy

import keras_core
from keras_core import ops
from keras_core._src.backend import core
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

HERE = os.path.dirname(__file__)
REF = np.load(os.path.join(HERE, "keras_reference_resizing.npz"))
IMG = REF["img"]
IMAGE = ops.image


def _gaussian(size, sigma):
    x = np.arange(size) - (size - 1) / 2
    w = np.exp(-(x**2) / (2 * sigma**2))
    return w / w.sum()


def _np_blur(x, size=(3, 3), sigma=(1.0, 1.0)):
    x = scipy.ndimage.correlate1d(
        x,
        _gaussian(size[0], sigma[0]),
        axis=1,
        mode="constant",
        origin=-(1 - size[0] % 2),
    )
    return scipy.ndimage.correlate1d(
        x,
        _gaussian(size[1], sigma[1]),
        axis=2,
        mode="constant",
        origin=-(1 - size[1] % 2),
    )


def _np_sobel(x):
    kernel = np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]])
    out = []
    for k in (kernel, kernel.T):
        out.append(scipy.ndimage.correlate(x, k[None, :, :, None], mode="constant"))
    return np.stack(out, -1)


def _np_ssim(a, b, max_val=1.0, size=11, sigma=1.5, k1=0.01, k2=0.03):
    w = _gaussian(size, sigma)
    r = size // 2

    def mean(x):
        x = scipy.ndimage.correlate1d(x, w, axis=1, mode="constant")
        x = scipy.ndimage.correlate1d(x, w, axis=2, mode="constant")
        return x[:, r : x.shape[1] - r, r : x.shape[2] - r]

    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    m1, m2 = mean(a), mean(b)
    s11, s22, s12 = mean(a * a) - m1**2, mean(b * b) - m2**2, mean(a * b) - m1 * m2
    s = (2 * m1 * m2 + c1) * (2 * s12 + c2) / ((m1**2 + m2**2 + c1) * (s11 + s22 + c2))
    return s.mean(axis=(1, 2, 3))


SSIM_A, SSIM_B = REF["ssim_a"], REF["ssim_b"]
SSIM_KW = dict(max_val=2.0, filter_size=5, filter_sigma=1.0, k1=0.02, k2=0.05)


def test_gaussian_blur_values():
    got = IMAGE.gaussian_blur(IMG)
    assert core.is_tensor(got)
    np.testing.assert_allclose(to_numpy(got), REF["blur_numpy"], atol=1e-6)
    np.testing.assert_allclose(
        to_numpy(got), _np_blur(IMG.astype("float64")), atol=1e-6
    )
    got = to_numpy(IMAGE.gaussian_blur(IMG, (3, 5), (0.7, 1.5)))
    np.testing.assert_allclose(got, REF["blur_53_numpy"], atol=1e-6)
    want = _np_blur(IMG.astype("float64"), (3, 5), (0.7, 1.5))
    np.testing.assert_allclose(got, want, atol=1e-6)
    # An even kernel has one more tap after the center than before.
    got = to_numpy(IMAGE.gaussian_blur(IMG, 4, 2.0))
    np.testing.assert_allclose(
        got, _np_blur(IMG.astype("float64"), (4, 4), (2.0, 2.0)), atol=1e-6
    )


def test_sobel_edges_values():
    got = IMAGE.sobel_edges(IMG)
    np.testing.assert_allclose(to_numpy(got), REF["sobel"], atol=1e-5)
    np.testing.assert_allclose(
        to_numpy(got), _np_sobel(IMG.astype("float64")), atol=1e-5
    )


def test_ssim_values():
    got = IMAGE.ssim(SSIM_A, SSIM_B)
    np.testing.assert_allclose(to_numpy(got), REF["ssim"], atol=1e-6)
    np.testing.assert_allclose(to_numpy(got), _np_ssim(SSIM_A, SSIM_B), atol=1e-6)
    got = IMAGE.ssim(SSIM_A, SSIM_B, **SSIM_KW)
    np.testing.assert_allclose(to_numpy(got), REF["ssim_k"], atol=1e-6)
    same = IMAGE.ssim(SSIM_A[0], SSIM_A[0])
    assert tuple(same.shape) == ()
    np.testing.assert_allclose(to_numpy(same), 1.0, atol=1e-6)


CALLS = [
    ("gaussian_blur", lambda x: IMAGE.gaussian_blur(x, (5, 3), (1.5, 0.7))),
    ("sobel_edges", IMAGE.sobel_edges),
    ("ssim", lambda x: IMAGE.ssim(x, x * 0.5, filter_size=5)),
    ("elastic_transform", lambda x: IMAGE.elastic_transform(x, seed=1)),
]


@pytest.mark.parametrize("function", [c[1] for c in CALLS], ids=[c[0] for c in CALLS])
def test_symbolic_shape_and_dtype_match_eager(function):
    eager = function(IMG)
    symbolic = function(KerasTensor(IMG.shape, "float32"))
    assert symbolic.shape == tuple(eager.shape)
    assert symbolic.dtype == standardize_dtype(eager.dtype)
    unknown = function(KerasTensor((None, *IMG.shape[1:]), "float32"))
    assert unknown.shape == (None, *eager.shape[1:])


def test_inside_the_backend_compiler():
    if BACKEND == "numpy":
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")

    def function(a, b):
        return IMAGE.ssim(a, b), IMAGE.sobel_edges(a)

    ssim, sobel = compiled(function)(
        core.convert_to_tensor(SSIM_A), core.convert_to_tensor(SSIM_B)
    )
    np.testing.assert_allclose(to_numpy(ssim), REF["ssim"], atol=1e-6)
    np.testing.assert_allclose(
        to_numpy(sobel), _np_sobel(SSIM_A.astype("float64")), atol=1e-5
    )


LAYOUT_CALLS = {
    "gaussian_blur": lambda x, **kw: IMAGE.gaussian_blur(x, (5, 3), (1.5, 0.7), **kw),
    "sobel_edges": IMAGE.sobel_edges,
    "ssim": lambda x, **kw: IMAGE.ssim(x, x * 0.5, filter_size=5, **kw),
    "elastic_transform": lambda x, **kw: IMAGE.elastic_transform(x, seed=2, **kw),
}


@pytest.mark.parametrize("op_name", sorted(LAYOUT_CALLS))
def test_channels_first_and_unbatched_agree(op_name):
    function = LAYOUT_CALLS[op_name]
    expected = to_numpy(function(IMG))
    first = to_numpy(function(np.moveaxis(IMG, -1, 1), data_format="channels_first"))
    if op_name == "sobel_edges":  # (batch, channels, height, width, 2)
        first = np.moveaxis(first, 1, 3)
    elif op_name != "ssim":
        first = np.moveaxis(first, 1, -1)
    np.testing.assert_allclose(first, expected, atol=1e-5)
    keras_core.config.set_image_data_format("channels_first")
    default = to_numpy(function(np.moveaxis(IMG, -1, 1)))
    np.testing.assert_allclose(
        default,
        to_numpy(function(np.moveaxis(IMG, -1, 1), data_format="channels_first")),
        atol=1e-6,
    )
    keras_core.config.set_image_data_format("channels_last")
    if op_name != "elastic_transform":  # its fields depend on the batch size
        single = to_numpy(function(IMG[1]))
        np.testing.assert_allclose(single, expected[1], atol=1e-5)


GRADIENTS = [
    (
        "gaussian_blur",
        lambda x: IMAGE.gaussian_blur(x, (3, 2), (0.8, 1.2)) ** 2,
        lambda x: _np_blur(x, (3, 2), (0.8, 1.2)) ** 2,
    ),
    ("sobel_edges", lambda x: IMAGE.sobel_edges(x) ** 2, lambda x: _np_sobel(x) ** 2),
    (
        "ssim",
        lambda x: IMAGE.ssim(x, ops.flip(x, 1) * 0.7 + 0.1, filter_size=3),
        lambda x: _np_ssim(x, np.flip(x, 1) * 0.7 + 0.1, size=3),
    ),
]


@pytest.mark.parametrize(
    "function,reference", [g[1:] for g in GRADIENTS], ids=[g[0] for g in GRADIENTS]
)
def test_gradients_match_finite_differences(function, reference):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    x = np.random.default_rng(7).uniform(0, 1, (1, 4, 4, 2))
    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(function, [x.astype(dtype)])
    (want,) = finite_differences(reference, [x])
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


def test_elastic_transform_is_seeded_and_structured():
    images = np.random.default_rng(0).uniform(0, 1, (2, 24, 20, 3)).astype("float32")
    first = to_numpy(IMAGE.elastic_transform(images, seed=5))
    again = to_numpy(IMAGE.elastic_transform(images, seed=5))
    other = to_numpy(IMAGE.elastic_transform(images, seed=6))
    np.testing.assert_array_equal(first, again)
    assert np.abs(first - other).max() > 1e-2
    assert first.shape == images.shape and first.dtype == np.float32
    # No displacement: the identity.
    still = IMAGE.elastic_transform(images, alpha=0.0, seed=5)
    np.testing.assert_allclose(to_numpy(still), images, atol=1e-6)
    # A constant image stays constant whatever the displacement ("reflect"
    # and "nearest" only sample inside the image).
    flat = IMAGE.elastic_transform(np.full((1, 16, 16, 1), 0.3, "float32"), seed=1)
    np.testing.assert_allclose(to_numpy(flat), 0.3, atol=1e-6)
    # A ramp along x reads back the x-displacement: smooth, and alpha
    # times the blurred noise (std ~ alpha / (2 sigma sqrt(pi)) inside).
    ramp = np.tile(np.arange(64, dtype="float32"), (64, 1))[None, :, :, None]
    moved = to_numpy(
        IMAGE.elastic_transform(ramp, alpha=8.0, sigma=2.0, fill_mode="nearest", seed=3)
    )
    shift = (moved - ramp)[0, 16:48, 16:48, 0]
    expected_std = 8.0 / (2 * 2.0 * np.sqrt(np.pi))
    assert 0.5 * expected_std < shift.std() < 1.5 * expected_std
    assert np.abs(np.diff(shift, axis=1)).mean() < 0.5 * shift.std()
    nearest = to_numpy(
        IMAGE.elastic_transform(
            (images * 100).astype("uint8"), interpolation="nearest", seed=5
        )
    )
    assert nearest.dtype == np.uint8
    assert set(np.unique(nearest)) <= set(np.unique((images * 100).astype("uint8")))


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: IMAGE.gaussian_blur(IMG, (3, 3, 3)), "`gaussian_blur`: `kernel_size`"),
        (lambda: IMAGE.gaussian_blur(IMG, (0, 3)), "`gaussian_blur`: `kernel_size`"),
        (lambda: IMAGE.gaussian_blur(IMG[0, 0]), "invalid `images` rank"),
        (lambda: IMAGE.sobel_edges(IMG, data_format="nhwc"), "`data_format`"),
        (lambda: IMAGE.ssim(IMG, IMG[:, :5]), "`ssim`: `image1` and `image2`"),
        (lambda: IMAGE.ssim(IMG, IMG), "`ssim`: `filter_size`"),
        (lambda: IMAGE.elastic_transform(IMG, sigma=0.0), "`sigma` must be positive"),
        (
            lambda: IMAGE.elastic_transform(IMG, interpolation="bicubic"),
            "`elastic_transform`: invalid value for argument `interpolation`",
        ),
    ],
)
def test_errors_name_the_op_and_the_input(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert message in str(info.value)
