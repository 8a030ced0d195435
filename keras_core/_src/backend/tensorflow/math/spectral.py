"""The tensorflow backend table: spectral ops (see ops/math/spectral.py)."""

import math

import tensorflow as tf

from keras_core._src.backend.common.math import checks


def _complex(x):
    real, imag = x
    return tf.complex(real, imag)


def _pair(z):
    return tf.math.real(z), tf.math.imag(z)


def fft(x):
    checks.check_pair("fft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return _pair(tf.signal.fft(_complex(x)))


def fft2(x):
    checks.check_pair("fft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(tf.signal.fft2d(_complex(x)))


def ifft2(x):
    checks.check_pair("ifft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(tf.signal.ifft2d(_complex(x)))


def rfft(x, fft_length=None):
    checks.check_frames("rfft", tuple(x.shape), 1, 1, None)
    if fft_length is None:
        fft_length = x.shape[-1]
    return _pair(tf.signal.rfft(x, fft_length=[fft_length]))


def irfft(x, fft_length=None):
    checks.check_pair("irfft", tuple(x[0].shape), tuple(x[1].shape), 1)
    if fft_length is None:
        fft_length = 2 * (x[0].shape[-1] - 1)
    return tf.signal.irfft(_complex(x), fft_length=[fft_length])


def _window(window, sequence_length, fft_length, dtype):
    """The window of `fft_length` samples (centred, zeros around), or None."""
    if window is None:
        return None
    if isinstance(window, str):
        n = tf.range(sequence_length, dtype="float64")
        a = 0.5 if window == "hann" else 0.54
        values = a - (1 - a) * tf.cos(2 * math.pi * n / sequence_length)
    else:
        values = tf.convert_to_tensor(window)
        checks.check_window("stft", tuple(values.shape), sequence_length)
    left = (fft_length - sequence_length) // 2
    values = tf.pad(values, [[left, fft_length - sequence_length - left]])
    return tf.cast(values, dtype)


def _frame(x, length, stride):
    count = 1 + (x.shape[-1] - length) // stride
    index = tf.range(count)[:, None] * stride + tf.range(length)[None, :]
    return tf.gather(x, index, axis=-1)


def extract_sequences(x, sequence_length, sequence_stride):
    checks.check_frames("extract_sequences", tuple(x.shape), 1, 1, None)
    return _frame(x, sequence_length, sequence_stride)


def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    checks.check_frames(
        "stft", tuple(x.shape), sequence_length, sequence_stride, fft_length
    )
    if center:
        pad = [[0, 0]] * (x.shape.rank - 1) + [[fft_length // 2, fft_length // 2]]
        x = tf.pad(x, pad, mode="REFLECT")
    frames = _frame(x, fft_length, sequence_stride)
    weights = _window(window, sequence_length, fft_length, x.dtype)
    if weights is not None:
        frames = frames * weights
    return _pair(tf.signal.rfft(frames, fft_length=[fft_length]))


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
    frames = tf.signal.irfft(_complex(x), fft_length=[fft_length])
    # The frame count may be unknown when traced.
    count = tf.shape(frames)[-2]
    weights = _window(window, sequence_length, fft_length, frames.dtype)
    if weights is None:
        weights = tf.ones((fft_length,), frames.dtype)
    signal = tf.signal.overlap_and_add(frames * weights, sequence_stride)
    squares = tf.tile((weights * weights)[None, :], [count, 1])
    norm = tf.signal.overlap_and_add(squares, sequence_stride)
    signal = signal / tf.where(norm > 1e-10, norm, tf.ones_like(norm))
    total = tf.shape(signal)[-1]
    start = fft_length // 2 if center else 0
    end = total - start if length is None else tf.minimum(start + length, total)
    return signal[..., start:end]


def view_as_complex(x):
    checks.check_view_as_complex(tuple(x.shape))
    return tf.complex(x[..., 0], x[..., 1])


def view_as_real(x):
    return tf.stack([tf.math.real(x), tf.math.imag(x)], axis=-1)
