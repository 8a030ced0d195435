"""The torch backend table: spectral ops (see ops/math/spectral.py)."""

import math

import torch

from keras_core._src.backend.common.math import checks


def _complex(x):
    real, imag = x
    return torch.complex(real, imag)


def _pair(z):
    return torch.real(z).contiguous(), torch.imag(z).contiguous()


def fft(x):
    checks.check_pair("fft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return _pair(torch.fft.fft(_complex(x)))


def fft2(x):
    checks.check_pair("fft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(torch.fft.fft2(_complex(x)))


def ifft2(x):
    checks.check_pair("ifft2", tuple(x[0].shape), tuple(x[1].shape), 2)
    return _pair(torch.fft.ifft2(_complex(x)))


def rfft(x, fft_length=None):
    checks.check_frames("rfft", tuple(x.shape), 1, 1, None)
    return _pair(torch.fft.rfft(x, n=fft_length))


def irfft(x, fft_length=None):
    checks.check_pair("irfft", tuple(x[0].shape), tuple(x[1].shape), 1)
    return torch.fft.irfft(_complex(x), n=fft_length)


def _window(window, sequence_length, fft_length, like):
    """The window of `fft_length` samples (centred, zeros around), or None."""
    if window is None:
        return None
    if isinstance(window, str):
        n = torch.arange(sequence_length, dtype=torch.float64, device=like.device)
        a = 0.5 if window == "hann" else 0.54
        values = a - (1 - a) * torch.cos(2 * math.pi * n / sequence_length)
    else:
        values = torch.as_tensor(window, device=like.device)
        checks.check_window("stft", tuple(values.shape), sequence_length)
    left = (fft_length - sequence_length) // 2
    values = torch.nn.functional.pad(
        values, (left, fft_length - sequence_length - left)
    )
    return values.to(like.dtype)


def _frame(x, length, stride):
    count = 1 + (x.shape[-1] - length) // stride
    index = (
        torch.arange(count, device=x.device)[:, None] * stride
        + torch.arange(length, device=x.device)[None, :]
    )
    return x[..., index]


def extract_sequences(x, sequence_length, sequence_stride):
    checks.check_frames("extract_sequences", tuple(x.shape), 1, 1, None)
    return _frame(x, sequence_length, sequence_stride)


def _reflect(x, pad):
    # torch's reflect padding wants a batch axis: signals are flattened.
    shape = x.shape
    flat = x.reshape(-1, 1, shape[-1])
    padded = torch.nn.functional.pad(flat, (pad, pad), mode="reflect")
    return padded.reshape(*shape[:-1], shape[-1] + 2 * pad)


def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    checks.check_frames(
        "stft", tuple(x.shape), sequence_length, sequence_stride, fft_length
    )
    if center:
        x = _reflect(x, fft_length // 2)
    frames = _frame(x, fft_length, sequence_stride)
    weights = _window(window, sequence_length, fft_length, x)
    if weights is not None:
        frames = frames * weights
    return _pair(torch.fft.rfft(frames, n=fft_length))


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
    frames = torch.fft.irfft(_complex(x), n=fft_length)
    count = frames.shape[-2]
    weights = _window(window, sequence_length, fft_length, frames)
    if weights is None:
        weights = torch.ones((fft_length,), dtype=frames.dtype, device=frames.device)
    frames = frames * weights
    total = (count - 1) * sequence_stride + fft_length
    index = (
        torch.arange(count, device=frames.device)[:, None] * sequence_stride
        + torch.arange(fft_length, device=frames.device)[None, :]
    ).reshape(-1)
    batch = frames.shape[:-2]
    signal = torch.zeros((*batch, total), dtype=frames.dtype, device=frames.device)
    signal = signal.index_add(-1, index, frames.reshape(*batch, count * fft_length))
    norm = torch.zeros((total,), dtype=frames.dtype, device=frames.device)
    norm = norm.index_add(0, index, (weights * weights).repeat(count))
    signal = signal / torch.where(norm > 1e-10, norm, torch.ones_like(norm))
    start = fft_length // 2 if center else 0
    end = total - start if length is None else min(start + length, total)
    return signal[..., start:end]


def view_as_complex(x):
    checks.check_view_as_complex(tuple(x.shape))
    return torch.complex(x[..., 0], x[..., 1])


def view_as_real(x):
    return torch.stack([torch.real(x), torch.imag(x)], dim=-1)
