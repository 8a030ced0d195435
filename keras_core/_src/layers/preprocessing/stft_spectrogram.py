"""`STFTSpectrogram`: short-time Fourier spectrograms as a 1-D convolution.

Each frame's discrete Fourier transform is a dot product with cosine and sine
basis vectors, so the whole STFT is one strided convolution whose kernels
(`real_kernel`, `imag_kernel`, of shape `(frame_length, 1, fft_length // 2 +
1)`) hold the windowed, scaled DFT basis. Keeping them as weights (the
Keras layout) lets a model fine-tune its front end, and the convolution runs
on every backend and inside `tf.data`.

Window functions are computed here in NumPy (same definitions and names as
`scipy.signal.get_window` for the windows that take no parameters), so the
layer needs no SciPy.
"""

import math

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config as backend_config
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers.convolution.conv_arguments import standardize_data_format
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["STFTSpectrogram"]

_MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")


def _general_cosine(length, coefficients):
    phase = np.linspace(-np.pi, np.pi, length)
    return sum(a * np.cos(k * phase) for k, a in enumerate(coefficients))


def _bartlett(length):
    n = np.arange(length)
    half = (length - 1) / 2.0
    return np.where(n <= half, 2.0 * n / (length - 1), 2.0 - 2.0 * n / (length - 1))


def _triang(length):
    n = np.arange(1, (length + 1) // 2 + 1)
    if length % 2 == 0:
        rising = (2 * n - 1.0) / length
        return np.concatenate([rising, rising[::-1]])
    rising = 2 * n / (length + 1.0)
    return np.concatenate([rising, rising[-2::-1]])


def _parzen(length):
    n = np.arange(-(length - 1) / 2.0, (length - 1) / 2.0 + 0.5, 1.0)
    outer = n[n < -(length - 1) / 4.0]
    inner = n[np.abs(n) <= (length - 1) / 4.0]
    outer_w = 2 * (1 - np.abs(outer) / (length / 2.0)) ** 3
    inner_w = (
        1
        - 6 * (np.abs(inner) / (length / 2.0)) ** 2
        + 6 * (np.abs(inner) / (length / 2.0)) ** 3
    )
    return np.concatenate([outer_w, inner_w, outer_w[::-1]])


def _bohman(length):
    fraction = np.abs(np.linspace(-1, 1, length)[1:-1])
    inner = (1 - fraction) * np.cos(np.pi * fraction) + np.sin(np.pi * fraction) / np.pi
    return np.concatenate([[0.0], inner, [0.0]])


def _barthann(length):
    fraction = np.abs(np.arange(length) / (length - 1.0) - 0.5)
    return 0.62 - 0.48 * fraction + 0.38 * np.cos(2 * np.pi * fraction)


def _cosine(length):
    return np.sin(np.pi / length * (np.arange(length) + 0.5))


def _lanczos(length):
    return np.sinc(2.0 * np.arange(length) / (length - 1) - 1.0)


def _tukey(length, alpha=0.5):
    n = np.arange(length)
    width = int(np.floor(alpha * (length - 1) / 2.0))
    rise = n[: width + 1]
    fall = n[length - width - 1 :]
    rise_w = 0.5 * (1 + np.cos(np.pi * (-1 + 2.0 * rise / alpha / (length - 1))))
    fall_w = 0.5 * (
        1 + np.cos(np.pi * (-2.0 / alpha + 1 + 2.0 * fall / alpha / (length - 1)))
    )
    flat = np.ones(length - len(rise_w) - len(fall_w))
    return np.concatenate([rise_w, flat, fall_w])


def _exponential(length, tau=1.0):
    return np.exp(-np.abs(np.arange(length) - (length - 1) / 2.0) / tau)


def _taylor(length, nbar=4, sll=30, norm=True):
    amplitude = np.arccosh(10 ** (sll / 20.0)) / np.pi
    sigma2 = nbar**2 / (amplitude**2 + (nbar - 0.5) ** 2)
    orders = np.arange(1, nbar)
    coefficients = np.zeros(nbar - 1)
    for index, m in enumerate(orders):
        sign = 1 if index % 2 == 0 else -1
        numerator = sign * np.prod(
            1 - m**2 / sigma2 / (amplitude**2 + (orders - 0.5) ** 2)
        )
        denominator = (
            2
            * np.prod(1 - m**2 / orders[:index] ** 2)
            * np.prod(1 - m**2 / orders[index + 1 :] ** 2)
        )
        coefficients[index] = numerator / denominator

    def weights(n):
        phase = 2 * np.pi * orders[None, :] * (n[:, None] - length / 2.0 + 0.5) / length
        return 1 + 2 * (coefficients * np.cos(phase)).sum(axis=1)

    window = weights(np.arange(length))
    if norm:
        window = window / weights(np.array([(length - 1) / 2.0]))[0]
    return window


_WINDOWS = {
    "barthann": _barthann,
    "bartlett": _bartlett,
    "blackman": lambda n: _general_cosine(n, (0.42, 0.50, 0.08)),
    "blackmanharris": lambda n: _general_cosine(
        n, (0.35875, 0.48829, 0.14128, 0.01168)
    ),
    "bohman": _bohman,
    "boxcar": np.ones,
    "cosine": _cosine,
    "exponential": _exponential,
    "flattop": lambda n: _general_cosine(
        n, (0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368)
    ),
    "hamming": lambda n: _general_cosine(n, (0.54, 0.46)),
    "hann": lambda n: _general_cosine(n, (0.5, 0.5)),
    "lanczos": _lanczos,
    "nuttall": lambda n: _general_cosine(
        n, (0.3635819, 0.4891775, 0.1365995, 0.0106411)
    ),
    "parzen": _parzen,
    "taylor": _taylor,
    "triang": _triang,
    "tukey": _tukey,
}
# SciPy's other names for the same windows.
_ALIASES = {
    "bart": "bartlett",
    "bkh": "blackmanharris",
    "black": "blackman",
    "blackharr": "blackmanharris",
    "blk": "blackman",
    "bman": "bohman",
    "bmn": "bohman",
    "box": "boxcar",
    "brt": "bartlett",
    "brthan": "barthann",
    "bth": "barthann",
    "flat": "flattop",
    "flt": "flattop",
    "halfcosine": "cosine",
    "ham": "hamming",
    "hamm": "hamming",
    "han": "hann",
    "nut": "nuttall",
    "nutl": "nuttall",
    "ones": "boxcar",
    "par": "parzen",
    "parz": "parzen",
    "poisson": "exponential",
    "rect": "boxcar",
    "rectangular": "boxcar",
    "sinc": "lanczos",
    "taylorwin": "taylor",
    "tri": "triang",
    "triangle": "triang",
    "tuk": "tukey",
}


def _window_function(layer_name, name):
    function = _WINDOWS.get(_ALIASES.get(name, name))
    if function is None:
        raise ValueError(
            f"{layer_name}: unknown window name {name!r}. Pass one of "
            f"{sorted(_WINDOWS)}, an array of `frame_length` values, or None "
            f"(no window). Received: window={name!r}"
        )
    return function


def signal_window(name, length, periodic=False):
    """A window function's `length` values, as `scipy.signal.get_window`.

    Args:
        name: A window name such as `"hann"` (parameterless SciPy windows).
        length: The number of values.
        periodic: True for the periodic form (the first `length` values of
            the symmetric window of `length + 1`), suited to spectral
            analysis; False for the symmetric form.

    Returns:
        A float64 NumPy array.
    """
    function = _window_function("signal_window", name)
    if length <= 1:
        return np.ones(length)
    if periodic:
        return function(length + 1)[:-1]
    return function(length)


def _checked_positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(
            f"STFTSpectrogram: `{name}` must be a positive integer. "
            f"Received: {name}={value!r}"
        )
    return int(value)


@keras_public("keras.layers")
class STFTSpectrogram(DataLayer):
    """Computes spectrograms of 1-D signals with a short-time Fourier transform.

    Frames of `frame_length` samples, `frame_step` apart, are multiplied by
    the window and transformed by an `fft_length`-point real DFT, written as
    a convolution with the weights `real_kernel` and `imag_kernel` (the
    windowed DFT basis, scaled), which can be trained. Each input channel is
    transformed separately.

    Args:
        mode: What to output per frequency bin: `"real"` or `"imag"` (the
            parts of the transform), `"stft"` (both, real bins then
            imaginary bins), `"magnitude"` (`sqrt(real**2 + imag**2)`),
            `"log"` (its natural log), `"psd"` (the one-sided power spectral
            density: `real**2 + imag**2`, doubled except for the first and
            last bin) or `"angle"` (the phase).
        frame_length: The number of samples per frame (the window length).
        frame_step: The hop between frames; `frame_length // 2` by default.
        fft_length: The size of the transform, at least `frame_length`
            (frames are padded with zeros); the next power of 2 by default.
            Gives `fft_length // 2 + 1` frequency bins.
        window: A window name (`"hann"`, `"hamming"`, `"blackman"`,
            `"bartlett"`, `"boxcar"` and the other SciPy windows without
            parameters), an array of `frame_length` values, or None (no
            window).
        periodic: Whether named windows take their periodic form (for
            spectral analysis) rather than their symmetric one.
        scaling: `"density"` (divide by `sqrt(sum(window**2))`),
            `"spectrum"` (divide by `sum(window)`) or None.
        padding: `"valid"` (frames inside the signal only) or `"same"`
            (zero padding, `ceil(length / frame_step)` frames).
        expand_dims: Whether to keep channels on their own axis; otherwise
            they are concatenated along the frequency axis.
        data_format: `"channels_last"` (inputs `(batch, time, channels)`)
            or `"channels_first"` (`(batch, channels, time)`); the
            configured image data format by default.
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Input shape:
        `(batch, time, channels)` (channels last) or `(batch, channels,
        time)` (channels first).

    Output shape:
        Channels last: `(batch, frames, channels * bins)`, or with
        `expand_dims` `(batch, frames, bins, channels)`. Channels first:
        `(batch, channels * bins, frames)`, or `(batch, channels, frames,
        bins)`. `bins` is `fft_length // 2 + 1`, doubled for `"stft"`.

    Example:

    >>> layer = keras_core.layers.STFTSpectrogram(frame_length=64, frame_step=32)
    >>> layer(numpy.random.rand(2, 256, 1)).shape
    (2, 7, 33)
    >>> [w.path for w in layer.weights]
    ['stft_spectrogram/real_kernel', 'stft_spectrogram/imag_kernel']
    """

    def __init__(
        self,
        mode="log",
        frame_length=256,
        frame_step=None,
        fft_length=None,
        window="hann",
        periodic=False,
        scaling="density",
        padding="valid",
        expand_dims=False,
        data_format=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if mode not in _MODES:
            raise ValueError(
                f"STFTSpectrogram: `mode` must be one of {list(_MODES)}. "
                f"Received: mode={mode!r}"
            )
        frame_length = _checked_positive_int("frame_length", frame_length)
        step = frame_length // 2 if frame_step is None else frame_step
        if (
            isinstance(step, bool)
            or not isinstance(step, (int, np.integer))
            or not 1 <= step <= frame_length
        ):
            raise ValueError(
                "STFTSpectrogram: `frame_step` must be a positive integer not "
                f"greater than `frame_length` ({frame_length}). Received: "
                f"frame_step={frame_step!r}"
            )
        if fft_length is not None:
            fft_length = _checked_positive_int("fft_length", fft_length)
            if fft_length < frame_length:
                raise ValueError(
                    "STFTSpectrogram: `fft_length` must be at least `frame_length`"
                    f". Received: fft_length={fft_length}, "
                    f"frame_length={frame_length}"
                )
        if scaling not in (None, "density", "spectrum"):
            raise ValueError(
                "STFTSpectrogram: `scaling` must be None, 'density' or 'spectrum'. "
                f"Received: scaling={scaling!r}"
            )
        if padding not in ("valid", "same"):
            raise ValueError(
                "STFTSpectrogram: `padding` must be 'valid' or 'same'. "
                f"Received: padding={padding!r}"
            )
        if isinstance(window, str):
            _window_function("STFTSpectrogram", window)
        elif window is not None:
            window = np.asarray(window, dtype="float64")
            if window.shape != (frame_length,):
                raise ValueError(
                    "STFTSpectrogram: an array `window` must have shape "
                    f"(frame_length,) = ({frame_length},). Received: window of "
                    f"shape {window.shape}"
                )
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self._step = int(step)
        self.fft_length = fft_length
        self._fft_length = fft_length or 2 ** math.ceil(math.log2(frame_length))
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = standardize_data_format("STFTSpectrogram", data_format)
        self.input_spec = input_spec_lib.InputSpec(ndim=3)

    def _window_values(self):
        if self.window is None:
            return np.ones(self.frame_length)
        if isinstance(self.window, str):
            return signal_window(self.window, self.frame_length, self.periodic)
        return self.window

    def _kernels(self):
        """The windowed, scaled DFT basis: `(real, imag)` NumPy kernels."""
        window = self._window_values()
        bins = self._fft_length // 2 + 1
        phase = (
            2.0
            * np.pi
            * np.arange(self.frame_length)[:, None]
            * np.arange(bins)[None, :]
            / self._fft_length
        )
        if self.scaling == "density":
            window = window / np.sqrt(np.sum(window**2))
        elif self.scaling == "spectrum":
            window = window / np.sum(window)
        real = window[:, None] * np.cos(phase)
        imag = -window[:, None] * np.sin(phase)
        return real[:, None, :], imag[:, None, :]

    def build(self, input_shape):
        channels = self._channels(input_shape)
        if channels is None:
            raise ValueError(
                f"Layer '{self.name}' (STFTSpectrogram) needs a known number "
                f"of channels. Received: input_shape={input_shape}"
            )
        real, imag = self._kernels()
        self.real_kernel = self.add_weight(
            name="real_kernel",
            shape=real.shape,
            initializer=lambda shape, dtype: real,
        )
        self.imag_kernel = self.add_weight(
            name="imag_kernel",
            shape=imag.shape,
            initializer=lambda shape, dtype: imag,
        )

    def _channels(self, input_shape):
        return (
            input_shape[-1] if self.data_format == "channels_last" else input_shape[1]
        )

    def call(self, inputs):
        inputs = ops.cast(inputs, self.compute_dtype)
        if self.data_format == "channels_first":
            inputs = ops.transpose(inputs, (0, 2, 1))
        channels = inputs.shape[-1]
        # One grouped convolution per part: each channel meets its own copy
        # of the kernel, and outputs come channel by channel (Keras's order).
        real = ops.conv(
            inputs,
            ops.tile(self.real_kernel, (1, 1, channels)),
            strides=self._step,
            padding=self.padding,
            data_format="channels_last",
        )
        imag = ops.conv(
            inputs,
            ops.tile(self.imag_kernel, (1, 1, channels)),
            strides=self._step,
            padding=self.padding,
            data_format="channels_last",
        )
        bins = self._fft_length // 2 + 1
        if self.mode == "stft":
            parts = [
                ops.concatenate(
                    [
                        real[..., c * bins : (c + 1) * bins],
                        imag[..., c * bins : (c + 1) * bins],
                    ],
                    axis=-1,
                )
                for c in range(channels)
            ]
        else:
            spectrum = self._mode_values(real, imag, bins, channels)
            parts = [spectrum[..., c * bins : (c + 1) * bins] for c in range(channels)]
        return self._arrange(parts)

    def _mode_values(self, real, imag, bins, channels):
        if self.mode == "real":
            return real
        if self.mode == "imag":
            return imag
        if self.mode == "angle":
            return ops.arctan2(imag, real)
        power = ops.square(real) + ops.square(imag)
        if self.mode == "psd":
            # One-sided: every bin but the first and last also stands for
            # its negative frequency.
            factors = np.full(bins, 2.0)
            factors[0] = factors[-1] = 1.0
            return power * ops.cast(np.tile(factors, channels), power.dtype)
        magnitude = ops.sqrt(ops.maximum(power, backend_config.epsilon()))
        if self.mode == "magnitude":
            return magnitude
        return ops.log(magnitude)

    def _arrange(self, parts):
        """Per-channel `(batch, frames, bins)` parts in the output layout."""
        channels_last = self.data_format == "channels_last"
        if self.expand_dims:
            return ops.stack(parts, axis=-1 if channels_last else 1)
        outputs = parts[0] if len(parts) == 1 else ops.concatenate(parts, axis=-1)
        return outputs if channels_last else ops.transpose(outputs, (0, 2, 1))

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        channels = self._channels(input_shape)
        length = (
            input_shape[1] if self.data_format == "channels_last" else input_shape[2]
        )
        if length is None:
            frames = None
        elif self.padding == "same":
            frames = -(-length // self._step)
        else:
            frames = max((length - self.frame_length) // self._step + 1, 0)
        bins = self._fft_length // 2 + 1
        if self.mode == "stft":
            bins *= 2
        batch = input_shape[0]
        if self.expand_dims:
            if self.data_format == "channels_last":
                return (batch, frames, bins, channels)
            return (batch, channels, frames, bins)
        stacked = None if channels is None else channels * bins
        if self.data_format == "channels_last":
            return (batch, frames, stacked)
        return (batch, stacked, frames)

    def get_config(self):
        config = super().get_config()
        window = self.window
        if isinstance(window, np.ndarray):
            window = window.tolist()
        config.update(
            {
                "mode": self.mode,
                "frame_length": self.frame_length,
                "frame_step": self.frame_step,
                "fft_length": self.fft_length,
                "window": window,
                "periodic": self.periodic,
                "scaling": self.scaling,
                "padding": self.padding,
                "data_format": self.data_format,
                "expand_dims": self.expand_dims,
            }
        )
        return config
