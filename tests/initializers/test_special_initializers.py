"""Orthogonal, Identity and STFT: structure, references and configs."""

import numpy as np
import pytest
from scipy import signal

from keras_core import initializers
from keras_core import ops


def values(tensor):
    return ops.convert_to_numpy(tensor).astype("float64")


@pytest.mark.parametrize("shape", [(4, 4), (3, 5), (6, 2), (2, 3, 4)])
def test_orthogonal_is_orthogonal(shape):
    out = values(initializers.Orthogonal(gain=2.0, seed=1)(shape))
    assert out.shape == shape
    matrix = out.reshape(-1, shape[-1]) / 2.0
    rows, cols = matrix.shape
    gram = matrix @ matrix.T if rows <= cols else matrix.T @ matrix
    np.testing.assert_allclose(gram, np.eye(min(rows, cols)), atol=1e-5)


def test_orthogonal_is_not_biased_towards_positive_diagonal():
    diagonals = [
        values(initializers.Orthogonal(seed=s)((3, 3)))[0, 0] for s in range(20)
    ]
    assert min(diagonals) < 0 < max(diagonals)


def test_orthogonal_errors_and_config():
    with pytest.raises(ValueError, match=r"Orthogonal: .*at least.*shape=\(3,\)"):
        initializers.Orthogonal()((3,))
    assert initializers.Orthogonal().get_config() == {"seed": None, "gain": 1.0}
    config = initializers.Orthogonal(gain=0.5, seed=3).get_config()
    assert config == {"seed": 3, "gain": 0.5}
    restored = initializers.Orthogonal.from_config(config)
    np.testing.assert_array_equal(
        values(restored((3, 3))), values(initializers.Orthogonal(0.5, 3)((3, 3)))
    )


@pytest.mark.parametrize("dtype", [None, "float16", "int32"])
def test_identity(dtype):
    out = ops.convert_to_numpy(initializers.Identity(gain=2)((2, 3), dtype=dtype))
    np.testing.assert_array_equal(out, 2 * np.eye(2, 3))
    assert str(out.dtype) == (dtype or "float32")


def test_identity_errors_and_config():
    with pytest.raises(ValueError, match=r"Identity: .*2D.*shape=\(2, 3, 3\)"):
        initializers.Identity()((2, 3, 3))
    config = initializers.Identity(gain=3.0).get_config()
    assert config == {"gain": 3.0}
    assert initializers.Identity.from_config(config).gain == 3.0


def stft_reference(shape, side, window, scaling, periodic):
    frame_length, num_bands = shape[0], shape[-1]
    angles = (
        2
        * np.pi
        * np.outer(np.arange(frame_length), np.arange(num_bands))
        / (2 * (num_bands - 1))
    )
    kernel = np.cos(angles) if side == "real" else -np.sin(angles)
    if window is not None:
        if isinstance(window, str):
            window = signal.get_window(window, frame_length, fftbins=periodic)
        window = np.asarray(window, dtype="float64")
        if scaling == "density":
            window = window / np.sqrt(np.sum(window**2))
        elif scaling == "spectrum":
            window = window / np.sum(window)
        kernel = kernel * window[:, None]
    return kernel[:, None, :]


@pytest.mark.parametrize(
    "shape, side, window, scaling, periodic",
    [
        ((8, 1, 5), "real", "hann", "density", False),
        ((8, 1, 5), "imag", "hann", "density", True),
        ((9, 1, 5), "real", "hamming", "spectrum", True),
        ((8, 1, 5), "imag", "hamming", None, False),
        ((6, 1, 4), "real", None, "density", False),
        ((8, 1, 5), "real", "blackman", "density", False),
        ((8, 1, 3), "imag", list(np.arange(8.0) + 1), "spectrum", False),
    ],
)
def test_stft_matches_reference(shape, side, window, scaling, periodic):
    out = values(initializers.STFT(side, window, scaling, periodic)(shape))
    expected = stft_reference(shape, side, window, scaling, periodic)
    np.testing.assert_allclose(out, expected, atol=1e-6)


def test_stft_matches_a_real_fft():
    frames = np.random.default_rng(0).normal(size=(3, 16))
    real = values(initializers.STFT("real", None, None)((16, 1, 9)))[:, 0, :]
    imag = values(initializers.STFT("imag", None, None)((16, 1, 9)))[:, 0, :]
    spectrum = np.fft.rfft(frames, axis=-1)
    np.testing.assert_allclose(frames @ real, spectrum.real, atol=1e-5)
    np.testing.assert_allclose(frames @ imag, spectrum.imag, atol=1e-5)


def test_stft_errors():
    with pytest.raises(ValueError, match=r"STFT: `side` must be .*side='x'"):
        initializers.STFT("x")
    with pytest.raises(ValueError, match=r"STFT: `scaling` must be .*scaling='x'"):
        initializers.STFT(scaling="x")
    with pytest.raises(ValueError, match=r"STFT: unknown window 'xyz'"):
        initializers.STFT(window="xyz")((8, 1, 5))
    with pytest.raises(ValueError, match=r"STFT: the window must .*\(8,\).*\(2,\)"):
        initializers.STFT(window=[1.0, 2.0])((8, 1, 5))
    with pytest.raises(ValueError, match=r"STFT: the kernel shape .*shape=\(8, 5\)"):
        initializers.STFT()((8, 5))
    with pytest.raises(ValueError, match=r"STFT: `dtype` must be .*int32"):
        initializers.STFT()((8, 1, 5), dtype="int32")


def test_stft_config_round_trip():
    assert initializers.STFT().get_config() == {
        "side": "real",
        "window": "hann",
        "periodic": False,
        "scaling": "density",
    }
    initializer = initializers.STFT("imag", np.arange(8.0), "spectrum", True)
    restored = initializers.deserialize(initializers.serialize(initializer))
    np.testing.assert_allclose(
        values(restored((8, 1, 5))), values(initializer((8, 1, 5)))
    )
