"""Structured initializers: Orthogonal, Identity and STFT kernels."""

import math

import numpy as np

from keras_core import ops
from keras_core import random
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.initializers.initializer import Initializer
from keras_core._src.initializers.initializer import resolve_float_dtype
from keras_core._src.initializers.random_initializers import RandomInitializer
from keras_core._src.saving import serialization_lib


@keras_public("keras.initializers")
class Orthogonal(RandomInitializer):
    """Draws a random orthogonal matrix (times `gain`).

    The tensor is viewed as a matrix of `prod(shape[:-1])` rows and
    `shape[-1]` columns; its rows (if fewer) or its columns are orthonormal.
    It is the Q factor of the QR decomposition of a normal random matrix,
    with signs fixed so that it is uniformly distributed (Saxe et al., 2014,
    https://arxiv.org/abs/1312.6120).

    Args:
        gain: The factor applied to the orthogonal matrix.
        seed: An int, None or a `keras_core.random.SeedGenerator` (see
            `RandomNormal`).

    Example:

    >>> q = keras_core.initializers.Orthogonal(seed=1)((3, 3))
    >>> keras_core.ops.matmul(q, keras_core.ops.transpose(q))  # ~ identity
    """

    def __init__(self, gain=1.0, seed=None):
        super().__init__(seed)
        self.gain = gain

    def __call__(self, shape, dtype=None):
        dtype = resolve_float_dtype(self, dtype)
        shape = tuple(shape)
        if len(shape) < 2:
            raise ValueError(
                "Orthogonal: the tensor to initialize must be at least "
                f"two-dimensional. Received: shape={shape} of rank {len(shape)}."
            )
        num_rows, num_cols = math.prod(shape[:-1]), shape[-1]
        # QR is not available in half precision on every backend.
        work_dtype = "float64" if dtype == "float64" else "float32"
        matrix = random.normal(
            (max(num_rows, num_cols), min(num_rows, num_cols)),
            dtype=work_dtype,
            seed=self.seed,
        )
        q, r = ops.qr(matrix)
        q = q * ops.sign(ops.diagonal(r))
        if num_rows < num_cols:
            q = ops.transpose(q)
        return ops.cast(self.gain * ops.reshape(q, shape), dtype)

    def get_config(self):
        return {**super().get_config(), "gain": self.gain}


@keras_public("keras.initializers")
class Identity(Initializer):
    """Fills a 2D tensor with the identity matrix (times `gain`).

    Non-square shapes get ones on the main diagonal.

    Args:
        gain: The factor applied to the identity matrix.

    Example:

    >>> keras_core.initializers.Identity(gain=2.0)((2, 3))
    array([[2., 0., 0.],
           [0., 2., 0.]], dtype=float32)
    """

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        dtype = standardize_dtype(dtype or floatx())
        shape = tuple(shape)
        if len(shape) != 2:
            raise ValueError(
                "Identity: the identity matrix initializer can only be used for "
                f"2D matrices. Received: shape={shape} of rank {len(shape)}."
            )
        return ops.cast(self.gain * ops.eye(*shape, dtype=dtype), dtype)

    def get_config(self):
        return {"gain": self.gain}


_SIDES = ("real", "imag")
_SCALINGS = (None, "density", "spectrum")


@keras_public("keras.initializers")
class STFT(Initializer):
    """Kernels of a convolution computing a short-time Fourier transform.

    For a kernel of shape `(T, 1, F // 2 + 1)` (`T` samples per frame, `F`
    the FFT length) the value at `(t, 0, f)` is `cos(2 pi t f / F)` (the
    real side) or `-sin(2 pi t f / F)` (the imaginary side), times the
    window value at `t`. Only half the frequency bands are computed: the
    others are their complex conjugates.

    Args:
        side: `"real"` or `"imag"`: which part of the transform the kernel
            computes.
        window: The name of a window function (`"hann"`, `"hamming"`, or
            any name of `scipy.signal.get_window`, which needs SciPy), a
            list or array of `T` window values, or None for no window.
        scaling: `"density"` (the window divided by its L2 norm),
            `"spectrum"` (divided by its sum) or None (no scaling).
        periodic: Whether a named window is periodic (as for spectral
            analysis) rather than symmetric.

    Example:

    >>> initializer = keras_core.initializers.STFT("real", "hann", "density")
    >>> initializer((128, 1, 65)).shape
    (128, 1, 65)
    """

    def __init__(self, side="real", window="hann", scaling="density", periodic=False):
        if side not in _SIDES:
            raise ValueError(
                f"STFT: `side` must be one of {_SIDES}. Received: side={side!r}"
            )
        if scaling not in _SCALINGS:
            raise ValueError(
                f"STFT: `scaling` must be one of {_SCALINGS}. Received: "
                f"scaling={scaling!r}"
            )
        self.side = side
        self.window = window
        self.scaling = scaling
        self.periodic = periodic

    def __call__(self, shape, dtype=None):
        dtype = resolve_float_dtype(self, dtype, allow_complex=True)
        shape = tuple(shape)
        if len(shape) != 3 or shape[-1] < 2:
            raise ValueError(
                "STFT: the kernel shape must be `(frame_length, 1, fft_length // "
                f"2 + 1)` with at least 2 frequency bands. Received: shape={shape}"
            )
        frame_length, num_bands = shape[0], shape[-1]
        fft_length = 2 * (num_bands - 1)
        angles = (
            2.0
            * np.pi
            * np.arange(frame_length)[:, None]
            * np.arange(num_bands)[None, :]
            / fft_length
        )
        kernel = np.cos(angles) if self.side == "real" else -np.sin(angles)
        window = self._window_values(frame_length)
        if window is not None:
            kernel = kernel * window[:, None]
        kernel = np.broadcast_to(kernel[:, None, :], shape)
        return ops.convert_to_tensor(kernel, dtype=dtype)

    def _window_values(self, frame_length):
        if self.window is None:
            return None
        if isinstance(self.window, str):
            window = _named_window(self.window, frame_length, self.periodic)
        else:
            window = np.asarray(ops.convert_to_numpy(self.window), dtype="float64")
            if window.shape != (frame_length,):
                raise ValueError(
                    "STFT: the window must hold one value per frame sample, of "
                    f"shape ({frame_length},). Received: window of shape "
                    f"{window.shape}"
                )
        if self.scaling == "density":
            window = window / np.sqrt(np.sum(window**2))
        elif self.scaling == "spectrum":
            window = window / np.sum(window)
        return window

    def get_config(self):
        return {
            "side": self.side,
            "window": self.window,
            "periodic": self.periodic,
            "scaling": self.scaling,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["window"] = serialization_lib.deserialize_keras_object(config["window"])
        return cls(**config)


# Cosine-sum coefficients of the windows computed without SciPy.
_COSINE_WINDOWS = {"hann": (0.5, 0.5), "hamming": (0.54, 0.46)}


def _named_window(name, length, periodic):
    if name in _COSINE_WINDOWS:
        # A periodic window is the symmetric window one sample longer, cut.
        span = length if periodic else length - 1
        if span == 0:
            return np.ones(length)
        a0, a1 = _COSINE_WINDOWS[name]
        return a0 - a1 * np.cos(2.0 * np.pi * np.arange(length) / span)
    try:
        from scipy import signal
    except ImportError as error:
        raise ImportError(
            f"STFT: the window {name!r} needs SciPy (`pip install scipy`); "
            f"'hann' and 'hamming' work without it. Received: window={name!r}"
        ) from error
    try:
        return signal.get_window(name, length, fftbins=periodic)
    except ValueError as error:
        raise ValueError(
            f"STFT: unknown window {name!r}: {error} Use a window name of "
            "`scipy.signal.get_window`, an array of window values, or None."
        ) from error
