"""The numpy backend table: spectral ops (see ops/math/spectral.py)."""

import numpy as np

from keras_core._src.backend.common.math import checks


def _complex(x):
    real, imag = x
    return real + 1j * imag


def _pair(z, dtype):
    return np.real(z).astype(dtype), np.imag(z).astype(dtype)


def fft(x):
    checks.check_pair("fft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return _pair(np.fft.fft(_complex(x)), x[0].dtype)


def fft2(x):
    checks.check_pair("fft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(np.fft.fft2(_complex(x)), x[0].dtype)


def ifft2(x):
    checks.check_pair("ifft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(np.fft.ifft2(_complex(x)), x[0].dtype)


def rfft(x, fft_length=None):
    checks.check_frames("rfft", tuple(x.shape), 1, 1, None)
    return _pair(np.fft.rfft(x, n=fft_length), x.dtype)


def irfft(x, fft_length=None):
    checks.check_pair("irfft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return np.fft.irfft(_complex(x), n=fft_length).astype(x[0].dtype)


def _window(window, sequence_length, fft_length, dtype):
    """The window of `fft_length` samples (centred, zeros around), or None."""
    if window is None:
        return None
    if isinstance(window, str):
        n = np.arange(sequence_length)
        a = 0.5 if window == "hann" else 0.54
        values = a - (1 - a) * np.cos(2 * np.pi * n / sequence_length)
    else:
        values = np.asarray(window)
        checks.check_window("stft", values.shape, sequence_length)
    left = (fft_length - sequence_length) // 2
    values = np.pad(values, (left, fft_length - sequence_length - left))
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
    dtype = x.dtype
    if center:
        pad = [(0, 0)] * (x.ndim - 1) + [(fft_length // 2, fft_length // 2)]
        x = np.pad(x, pad, mode="reflect")
    frames = _frame(x, fft_length, sequence_stride)
    weights = _window(window, sequence_length, fft_length, dtype)
    if weights is not None:
        frames = frames * weights
    return _pair(np.fft.rfft(frames, n=fft_length), dtype)


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
    dtype = x[0].dtype
    frames = np.fft.irfft(_complex(x), n=fft_length).astype(dtype)
    count = frames.shape[-2]
    weights = _window(window, sequence_length, fft_length, dtype)
    if weights is None:
        weights = np.ones((fft_length,), dtype)
    frames = frames * weights
    total = (count - 1) * sequence_stride + fft_length
    signal = np.zeros((*frames.shape[:-2], total), dtype)
    norm = np.zeros((total,), dtype)
    for i in range(count):
        window_slice = slice(i * sequence_stride, i * sequence_stride + fft_length)
        signal[..., window_slice] += frames[..., i, :]
        norm[window_slice] += weights * weights
    signal = signal / np.where(norm > 1e-10, norm, 1.0).astype(dtype)
    start = fft_length // 2 if center else 0
    end = total - start if length is None else min(start + length, total)
    return signal[..., start:end]


def view_as_complex(x):
    checks.check_view_as_complex(tuple(x.shape))
    return (x[..., 0] + 1j * x[..., 1]).astype("complex64")


def view_as_real(x):
    return np.stack([np.real(x), np.imag(x)], axis=-1)
