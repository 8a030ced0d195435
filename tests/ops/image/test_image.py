"""The image ops (`keras_core.ops.image`): color conversions, padding and
cropping, `map_coordinates` and the geometric transforms built on it.

Values are checked against independent references (NumPy, `colorsys`,
`scipy.ndimage.map_coordinates`) and against outputs of real Keras 3.15
recorded in `keras_reference.npz` (recorded observations of Keras on its
jax backend; the projective `affine_transform` rows on its tensorflow
backend, whose documented formula Keras's jax backend does not follow).
Every op is also checked symbolically (shape and dtype equal eager, with
an unknown batch), inside the backend's compiler, for gradients where
differentiable, for result dtypes against Keras (`dtype_oracle_image.json`)
and for its error messages.
"""

import colorsys
import os

import numpy as np
import pytest
import scipy.ndimage
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
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

HERE = os.path.dirname(__file__)
REF = np.load(os.path.join(HERE, "keras_reference.npz"))
IMG = REF["img"]
IMAGE = ops.image
RNG = np.random.default_rng(3)
FILL_MODES = ("constant", "nearest", "wrap", "mirror", "reflect")
SCIPY_MODES = {
    "constant": "grid-constant",
    "nearest": "nearest",
    "wrap": "grid-wrap",
    "mirror": "mirror",
    "reflect": "reflect",
}


def _hsv(rgb):
    return np.apply_along_axis(lambda p: colorsys.rgb_to_hsv(*p), -1, rgb)


def _rgb(hsv):
    return np.apply_along_axis(lambda p: colorsys.hsv_to_rgb(*p), -1, hsv)


# (label, function of the image arrays, arrays, NumPy reference of them).
CALLS = [
    ("gray", IMAGE.rgb_to_grayscale, [IMG], lambda x: x @ [[0.2989], [0.587], [0.114]]),
    ("hsv", IMAGE.rgb_to_hsv, [IMG], _hsv),
    ("rgb", IMAGE.hsv_to_rgb, [IMG], _rgb),
    (
        "pad",
        lambda x: IMAGE.pad_images(x, 1, 2, target_height=9, right_padding=0),
        [IMG],
        lambda x: np.pad(x, [(0, 0), (1, 2), (2, 0), (0, 0)]),
    ),
    (
        "crop",
        lambda x: IMAGE.crop_images(x, 1, None, 2, 3, None, 3),
        [IMG],
        lambda x: x[:, 1:4, 1:4],
    ),
    (
        "map_coordinates",
        lambda x, c: IMAGE.map_coordinates(x, c, 1, fill_value=0.5),
        [REF["mc_x"], REF["mc_c"]],
        lambda x, c: scipy.ndimage.map_coordinates(
            x, c, order=1, mode="grid-constant", cval=0.5
        ),
    ),
    (
        "affine",
        lambda x: IMAGE.affine_transform(x, REF["affine_t"], fill_value=0.25),
        [IMG],
        lambda x: REF["affine_bilinear_constant"],
    ),
    (
        "perspective",
        lambda x: IMAGE.perspective_transform(
            x, REF["persp_sp"], REF["persp_ep"], fill_value=0.1
        ),
        [IMG],
        lambda x: REF["persp_bilinear"],
    ),
]
IDS = [c[0] for c in CALLS]


@pytest.mark.parametrize("label,function,arrays,reference", CALLS, ids=IDS)
def test_eager_values(label, function, arrays, reference):
    result = function(*arrays)
    assert core.is_tensor(result)
    np.testing.assert_allclose(
        to_numpy(result),
        reference(*[a.astype("float64") for a in arrays]),
        rtol=1e-5,
        atol=1e-5,
    )


@pytest.mark.parametrize("label,function,arrays,reference", CALLS, ids=IDS)
def test_symbolic_shape_and_dtype_match_eager(label, function, arrays, reference):
    eager = function(*arrays)
    specs = [KerasTensor(a.shape, dtype=a.dtype.name) for a in arrays]
    symbolic = function(*specs)
    assert symbolic.shape == tuple(eager.shape)
    assert symbolic.dtype == standardize_dtype(eager.dtype)
    if label in ("map_coordinates", "affine", "perspective"):
        # Their transforms are for a batch of 2; see test_projective_transforms.
        return
    # An unknown batch stays unknown; the other dimensions are kept.
    unknown = function(KerasTensor((None, *IMG.shape[1:]), dtype="float32"))
    assert unknown.shape == (None, *eager.shape[1:])


@pytest.mark.parametrize("label,function,arrays,reference", CALLS, ids=IDS)
def test_inside_the_backend_compiler(label, function, arrays, reference):
    if BACKEND == "numpy":
        pytest.skip("numpy has no compiler: eager values are checked elsewhere")
    if label == "perspective" or (label == "affine" and BACKEND == "torch"):
        # Compiling the image gather costs 10-30 s per row; the
        # map_coordinates row (and affine off torch) compile the same path.
        pytest.skip("the shared gather path is compiled in another row")
    tensors = [core.convert_to_tensor(a) for a in arrays]
    result = compiled(function)(*tensors)
    np.testing.assert_allclose(
        to_numpy(result), reference(*arrays), rtol=1e-5, atol=1e-5
    )


def _affine_reference(images, transform, order=1, mode="constant", cval=0.0):
    # SciPy sampling of the documented projective formula, per image.
    height, width = images.shape[1:3]
    ys, xs = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    out = []
    for image, t in zip(
        images, np.broadcast_to(transform, (len(images), 8)), strict=True
    ):
        k = t[6] * xs + t[7] * ys + 1
        coords = [
            (t[3] * xs + t[4] * ys + t[5]) / k,
            (t[0] * xs + t[1] * ys + t[2]) / k,
        ]
        out.append(
            np.stack(
                [
                    scipy.ndimage.map_coordinates(
                        image[..., c],
                        coords,
                        order=order,
                        mode=SCIPY_MODES[mode],
                        cval=cval,
                    )
                    for c in range(image.shape[-1])
                ],
                -1,
            )
        )
    return np.stack(out)


GRADIENTS = [
    ("hsv_to_rgb", IMAGE.hsv_to_rgb, _rgb, RNG.uniform(0.05, 0.95, (1, 2, 3, 3))),
    ("rgb_to_hsv", IMAGE.rgb_to_hsv, _hsv, RNG.uniform(0.05, 0.95, (1, 2, 3, 3))),
    (
        "rgb_to_grayscale",
        IMAGE.rgb_to_grayscale,
        lambda x: x @ [[0.2989], [0.587], [0.114]],
        RNG.uniform(0, 1, (1, 2, 3, 3)),
    ),
    (
        "pad_images",
        lambda x: IMAGE.pad_images(x, 1, 0, 1, 2) * x.shape[0],
        lambda x: np.pad(x, [(0, 0), (1, 1), (0, 2), (0, 0)]) * x.shape[0],
        RNG.uniform(0, 1, (1, 2, 3, 2)),
    ),
    (
        "crop_images",
        lambda x: IMAGE.crop_images(x, 1, 0, 0, 1),
        lambda x: x[:, 1:, :-1],
        RNG.uniform(0, 1, (1, 3, 3, 2)),
    ),
    (
        "affine_transform",
        lambda x: IMAGE.affine_transform(x, [0.9, 0.13, 0.31, -0.11, 1.07, 0.27, 0, 0]),
        lambda x: _affine_reference(
            x, np.array([0.9, 0.13, 0.31, -0.11, 1.07, 0.27, 0, 0])
        ),
        RNG.uniform(0, 1, (1, 4, 4, 2)),
    ),
    (
        "map_coordinates",
        lambda x: IMAGE.map_coordinates(x, REF["mc_c"][:, :2], 1, fill_mode="mirror"),
        lambda x: scipy.ndimage.map_coordinates(
            x, REF["mc_c"][:, :2], order=1, mode="mirror"
        ),
        RNG.uniform(0, 1, (5, 6)),
    ),
]


@pytest.mark.parametrize(
    "label,function,reference,x", GRADIENTS, ids=[g[0] for g in GRADIENTS]
)
def test_gradients_match_finite_differences(label, function, reference, x):
    if BACKEND == "numpy":
        pytest.skip("the numpy backend is inference only: it has no gradients")
    dtype = "float32" if BACKEND == "jax" else "float64"
    (grad,) = backend_gradients(function, [x.astype(dtype)])
    (want,) = finite_differences(reference, [x.astype("float64")])
    tolerance = 1e-2 if BACKEND == "jax" else 1e-5
    np.testing.assert_allclose(grad, want, rtol=tolerance, atol=tolerance)


@pytest.mark.parametrize("order", [0, 1])
@pytest.mark.parametrize("fill_mode", FILL_MODES)
def test_map_coordinates_modes(order, fill_mode):
    x, c = REF["mc_x"], REF["mc_c"]
    got = to_numpy(
        IMAGE.map_coordinates(x, c, order, fill_mode=fill_mode, fill_value=0.5)
    )
    np.testing.assert_allclose(got, REF[f"mc_{order}_{fill_mode}"], atol=1e-6)
    want = scipy.ndimage.map_coordinates(
        x.astype("float64"), c, order=order, mode=SCIPY_MODES[fill_mode], cval=0.5
    )
    np.testing.assert_allclose(got, want, atol=1e-5)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
@pytest.mark.parametrize("fill_mode", FILL_MODES)
def test_affine_transform_matches_keras(interpolation, fill_mode):
    got = IMAGE.affine_transform(
        IMG,
        REF["affine_t"],
        interpolation=interpolation,
        fill_mode=fill_mode,
        fill_value=0.25,
    )
    want = REF[f"affine_{interpolation}_{fill_mode}"]
    np.testing.assert_allclose(to_numpy(got), want, atol=1e-5)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear"])
def test_projective_transforms(interpolation):
    got = IMAGE.affine_transform(
        IMG[:1], REF["affine_t3"][0], interpolation=interpolation
    )
    want = REF[f"affine_proj_tf_{interpolation}"]
    np.testing.assert_allclose(to_numpy(got), want, atol=1e-5)
    got = IMAGE.perspective_transform(
        IMG,
        REF["persp_sp"],
        REF["persp_ep"],
        interpolation=interpolation,
        fill_value=0.1,
    )
    np.testing.assert_allclose(to_numpy(got), REF[f"persp_{interpolation}"], atol=1e-5)
    spec = IMAGE.affine_transform(
        KerasTensor((None, 6, 7, 3), "float32"), REF["affine_t3"][0]
    )
    assert spec.shape == (None, 6, 7, 3)


def test_integer_images_round_and_keep_their_dtype():
    images = (IMG * 200).astype("uint8")
    got = IMAGE.affine_transform(images, REF["affine_t"])
    assert standardize_dtype(got.dtype) == "uint8"
    np.testing.assert_array_equal(to_numpy(got), REF["affine_int"])
    gray = IMAGE.rgb_to_grayscale(images)
    np.testing.assert_array_equal(to_numpy(gray), REF["gray_int"])


@pytest.mark.parametrize(
    "function",
    [
        IMAGE.rgb_to_grayscale,
        IMAGE.rgb_to_hsv,
        IMAGE.hsv_to_rgb,
        lambda x, **kw: IMAGE.pad_images(x, 1, 2, 0, 1, **kw),
        lambda x, **kw: IMAGE.crop_images(x, 1, 2, 0, 1, **kw),
        lambda x, **kw: IMAGE.affine_transform(x, REF["affine_t"][0], **kw),
        lambda x, **kw: IMAGE.perspective_transform(
            x, REF["persp_sp"][1], REF["persp_ep"][0], **kw
        ),
    ],
)
def test_channels_first_and_unbatched_agree(function):
    expected = to_numpy(function(IMG))
    first = function(np.moveaxis(IMG, -1, 1), data_format="channels_first")
    np.testing.assert_allclose(np.moveaxis(to_numpy(first), 1, -1), expected, atol=1e-6)
    single = function(IMG[1])
    np.testing.assert_allclose(to_numpy(single), expected[1], atol=1e-6)
    keras_core.config.set_image_data_format("channels_first")
    default = function(np.moveaxis(IMG, -1, 1))
    np.testing.assert_allclose(
        np.moveaxis(to_numpy(default), 1, -1), expected, atol=1e-6
    )


DTYPE_CALLS = {
    "affine_transform": lambda x: IMAGE.affine_transform(x, [1.0, 0, 0, 0, 1, 0, 0, 0]),
    "crop_images": lambda x: IMAGE.crop_images(
        x, 1, 1, target_height=2, target_width=2
    ),
    "hsv_to_rgb": IMAGE.hsv_to_rgb,
    "map_coordinates": lambda x: IMAGE.map_coordinates(
        x[0, :, :, 0], np.ones((2, 3, 3), "float32"), 1
    ),
    "pad_images": lambda x: IMAGE.pad_images(x, 1, 1, target_height=6, target_width=6),
    "perspective_transform": lambda x: IMAGE.perspective_transform(
        x, [[0, 0], [3, 0], [0, 3], [3, 3]], [[0, 0], [3, 0], [0, 3], [3, 3]]
    ),
    "rgb_to_grayscale": IMAGE.rgb_to_grayscale,
    "rgb_to_hsv": IMAGE.rgb_to_hsv,
}


@pytest.mark.parametrize("op_name", sorted(DTYPE_CALLS))
def test_result_dtypes_match_keras(op_name, monkeypatch):
    oracle, table = load_oracle(os.path.join(HERE, "dtype_oracle_image.json"))
    import op_testing

    # Image-shaped samples instead of the harness's 1-d ones.
    def image_sample(key):
        dtype = "bfloat16" if key == "bfloat16" else key
        if key == "bfloat16":
            import ml_dtypes

            dtype = ml_dtypes.bfloat16
        return np.ones((1, 4, 4, 3), dtype=dtype)

    monkeypatch.setattr(op_testing, "sample", image_sample)
    assert dtype_mismatches(DTYPE_CALLS[op_name], oracle, table, op_name) == []


@pytest.mark.parametrize(
    "call,message",
    [
        (
            lambda: IMAGE.rgb_to_hsv(np.ones((2, 2, 3), "int32")),
            "`rgb_to_hsv`: invalid images dtype",
        ),
        (
            lambda: IMAGE.hsv_to_rgb(np.ones((2, 2, 4), "float32")),
            "expected 3 channels",
        ),
        (
            lambda: IMAGE.rgb_to_grayscale(np.ones((2, 3), "float32")),
            "invalid `images` rank",
        ),
        (lambda: IMAGE.pad_images(IMG, 1), "exactly two of top_padding"),
        (lambda: IMAGE.pad_images(IMG, -1, 0, 1, 0), "top_padding must be >= 0"),
        (lambda: IMAGE.crop_images(IMG, 4, 0, 4, 0), "target_height must be >= 0"),
        (
            lambda: IMAGE.crop_images(IMG, 0, 0, 0, 0, data_format="nchw"),
            "`data_format`",
        ),
        (
            lambda: IMAGE.map_coordinates(REF["mc_x"], REF["mc_c"], 2),
            "argument `order`",
        ),
        (
            lambda: IMAGE.map_coordinates(REF["mc_x"], REF["mc_c"][:1], 1),
            "must have shape (n, ...)",
        ),
        (
            lambda: IMAGE.affine_transform(IMG, np.ones(6)),
            "`transform` must have shape",
        ),
        (lambda: IMAGE.affine_transform(IMG, np.ones(8), fill_mode="x"), "`fill_mode`"),
        (
            lambda: IMAGE.perspective_transform(IMG, np.ones((3, 2)), np.ones((4, 2))),
            "`start_points`",
        ),
    ],
)
def test_errors_name_the_op_and_the_input(call, message):
    with pytest.raises((ValueError, TypeError), match=None) as info:
        call()
    assert message in str(info.value)
