"""The jax backend table: spectral ops (see ops/math/spectral.py)."""

import jax
import jax.numpy as jnp
import numpy as np

from keras_core._src.backend.common.math import checks


def _complex(x):
    real, imag = x
    return jax.lax.complex(real, imag)


def _pair(z):
    return jnp.real(z), jnp.imag(z)


def fft(x):
    checks.check_pair("fft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return _pair(jnp.fft.fft(_complex(x)))


def fft2(x):
    checks.check_pair("fft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(jnp.fft.fft2(_complex(x)))


def ifft2(x):
    checks.check_pair("ifft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(jnp.fft.ifft2(_complex(x)))


def rfft(x, fft_length=None):
    checks.check_frames("rfft", tuple(x.shape), 1, 1, None)
    return _pair(jnp.fft.rfft(x, n=fft_length))


def irfft(x, fft_length=None):
    checks.check_pair("irfft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return jnp.fft.irfft(_complex(x), n=fft_length)


def _window(window, sequence_length, fft_length, dtype):
    """The window of `fft_length` samples (centred, zeros around), or None."""
    if window is None:
        return None
    if isinstance(window, str):
        # Periodic windows, as the constant they are.
        n = np.arange(sequence_length)
        a = 0.5 if window == "hann" else 0.54
        values = jnp.asarray(a - (1 - a) * np.cos(2 * np.pi * n / sequence_length))
    else:
        values = jnp.asarray(window)
        checks.check_window("stft", values.shape, sequence_length)
    left = (fft_length - sequence_length) // 2
    values = jnp.pad(values, (left, fft_length - sequence_length - left))
    return values.astype(dtype)


def _frame(x, length, stride):
    count = 1 + (x.shape[-1] - length) // stride
    index = np.arange(count)[:, None] * stride + np.arange(length)[None, :]
    return x[..., index]


def extract_sequences(x, sequence_length, sequence_stride):
    checks.check_frames("extract_sequences", tuple(x.shape), 1, 1, None)
    return _frame(x, sequence_length, sequence_stride)


def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    checks.check_frames(
        "stft", tuple(x.shape), sequence_length, sequence_stride, fft_length
    )
    if center:
        pad = [(0, 0)] * (x.ndim - 1) + [(fft_length // 2, fft_length // 2)]
        x = jnp.pad(x, pad, mode="reflect")
    frames = _frame(x, fft_length, sequence_stride)
    weights = _window(window, sequence_length, fft_length, x.dtype)
    if weights is not None:
        frames = frames * weights
    return _pair(jnp.fft.rfft(frames, n=fft_length))


def istft(
    x,
    sequence_length,
    sequence_stride,
    fft_length,
    length=None,
    window="hann",
    center=True,
):
    checks.check_pair("istft", tuple(x[0].shape), tuple(x[1].shape), 2)
    checks.check_frames(
        "istft", tuple(x[0].shape), sequence_length, sequence_stride, fft_length
    )
    frames = jnp.fft.irfft(_complex(x), n=fft_length)
    count = frames.shape[-2]
    weights = _window(window, sequence_length, fft_length, frames.dtype)
    if weights is None:
        weights = jnp.ones((fft_length,), frames.dtype)
    frames = frames * weights
    total = (count - 1) * sequence_stride + fft_length
    index = np.arange(count)[:, None] * sequence_stride + np.arange(fft_length)
    signal = jnp.zeros((*frames.shape[:-2], total), frames.dtype)
    signal = signal.at[..., index].add(frames)
    norm = (
        jnp.zeros((total,), frames.dtype)
        .at[index]
        .add(jnp.broadcast_to(weights * weights, index.shape))
    )
    signal = signal / jnp.where(norm > 1e-10, norm, 1.0)
    start = fft_length // 2 if center else 0
    end = total - start if length is None else min(start + length, total)
    return signal[..., start:end]


def view_as_complex(x):
    checks.check_view_as_complex(tuple(x.shape))
    return jax.lax.complex(x[..., 0], x[..., 1])


def view_as_real(x):
    return jnp.stack([jnp.real(x), jnp.imag(x)], axis=-1)
