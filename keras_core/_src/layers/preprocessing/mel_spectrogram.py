"""`MelSpectrogram`: power spectrograms on the mel scale, in decibels.

The short-time Fourier transform (`ops.stft`, frames centred on every
`sequence_stride`-th sample) gives a power spectrogram, which a matrix of
triangular filters maps to mel bands. The filters are the HTK mel scale
(`1127 * ln(1 + f / 700)`), evenly spaced between `min_freq` and
`max_freq`, with the DC bin left out, as in Keras. The matrix depends only
on the configuration, so it is computed once in NumPy and is not a weight.
"""

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["MelSpectrogram"]


def _hertz_to_mel(frequencies):
    return 1127.0 * np.log1p(np.asarray(frequencies, dtype="float64") / 700.0)


def mel_weight_matrix(
    num_mel_bins, num_spectrogram_bins, sampling_rate, lower_edge, upper_edge
):
    """The `(num_spectrogram_bins, num_mel_bins)` matrix of mel filters.

    Args:
        num_mel_bins: The number of mel bands.
        num_spectrogram_bins: The number of linear frequency bins, from 0 Hz
            to `sampling_rate / 2`.
        sampling_rate: The sampling rate of the signal, in Hz.
        lower_edge: The lowest frequency of the lowest band, in Hz.
        upper_edge: The highest frequency of the highest band, in Hz.

    Returns:
        A float64 NumPy array: each column is a triangular filter, rising
        from 0 to 1 and falling back to 0 over three consecutive band edges
        on the mel scale. The first row (0 Hz) is zero.
    """
    frequencies = np.linspace(0.0, sampling_rate / 2.0, num_spectrogram_bins)[1:]
    mels = _hertz_to_mel(frequencies)[:, None]
    edges = np.linspace(
        _hertz_to_mel(lower_edge), _hertz_to_mel(upper_edge), num_mel_bins + 2
    )
    lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
    rising = (mels - lower) / (center - lower)
    falling = (upper - mels) / (upper - center)
    weights = np.maximum(0.0, np.minimum(rising, falling))
    return np.concatenate([np.zeros((1, num_mel_bins)), weights], axis=0)


def _check(condition, message):
    if not condition:
        raise ValueError(f"MelSpectrogram: {message}")


def _is_number(value):
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


@keras_public("keras.layers")
class MelSpectrogram(DataLayer):
    """Computes mel spectrograms of audio signals.

    The signal is cut into frames centred every `sequence_stride` samples
    (padded by reflection at both ends), windowed and transformed
    (`keras_core.ops.stft`); the magnitudes raised to `mag_exp` are summed
    into `num_mel_bins` triangular mel bands and, with `power_to_db`,
    converted to decibels relative to `ref_power`.

    Args:
        fft_length: The size of each transform (and frame), in samples.
        sequence_stride: The hop between frames, in samples.
        sequence_length: The window length, at most `fft_length` (the
            window is centred in the frame); `fft_length` by default.
        window: `"hann"`, `"hamming"` (periodic forms) or None (no window).
        sampling_rate: The sampling rate of the signal, in Hz.
        num_mel_bins: The number of mel bands.
        min_freq: The lowest frequency of the mel bands, in Hz.
        max_freq: The highest frequency of the mel bands, in Hz;
            `sampling_rate // 2` by default.
        power_to_db: Whether to convert the output to decibels:
            `10 * log10(max(power, min_power) / max(ref_power, min_power))`.
        top_db: With `power_to_db`, the floor below the largest value of
            the whole batch, in dB (None: no floor).
        mag_exp: The exponent applied to the STFT magnitudes (2 for power,
            1 for amplitude).
        min_power: The smallest power kept before taking the logarithm.
        ref_power: The power that maps to 0 dB.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(..., samples)`: one signal, or a batch of them.

    Output shape:
        `(..., num_mel_bins, frames)`, with
        `frames = (samples + 2 * (fft_length // 2) - fft_length) //
        sequence_stride + 1`.

    Example:

    >>> layer = keras_core.layers.MelSpectrogram(
    ...     fft_length=256, sequence_stride=128, num_mel_bins=40)
    >>> layer(numpy.random.rand(2, 1024)).shape
    (2, 40, 9)
    """

    def __init__(
        self,
        fft_length=2048,
        sequence_stride=512,
        sequence_length=None,
        window="hann",
        sampling_rate=16000,
        num_mel_bins=128,
        min_freq=20.0,
        max_freq=None,
        power_to_db=True,
        top_db=80.0,
        mag_exp=2.0,
        min_power=1e-10,
        ref_power=1.0,
        **kwargs,
    ):
        super().__init__(**kwargs)
        for name, value in (
            ("fft_length", fft_length),
            ("sequence_stride", sequence_stride),
            ("num_mel_bins", num_mel_bins),
        ):
            _check(
                _is_int(value) and value >= 1,
                f"`{name}` must be a positive integer. Received: {name}={value!r}",
            )
        sequence_length = fft_length if sequence_length is None else sequence_length
        _check(
            _is_int(sequence_length) and 1 <= sequence_length <= fft_length,
            "`sequence_length` must be a positive integer not greater than "
            f"`fft_length`. Received: sequence_length={sequence_length!r}, "
            f"fft_length={fft_length}",
        )
        _check(
            window in (None, "hann", "hamming"),
            f"`window` must be 'hann', 'hamming' or None. Received: window={window!r}",
        )
        _check(
            _is_number(sampling_rate) and sampling_rate > 0,
            "`sampling_rate` must be a positive number. "
            f"Received: sampling_rate={sampling_rate!r}",
        )
        max_freq = sampling_rate // 2 if max_freq is None else max_freq
        _check(
            _is_number(min_freq) and _is_number(max_freq) and 0 <= min_freq < max_freq,
            "`min_freq` and `max_freq` must be numbers with 0 <= min_freq < "
            f"max_freq. Received: min_freq={min_freq!r}, max_freq={max_freq!r}",
        )
        _check(
            _is_number(min_power) and min_power > 0,
            f"`min_power` must be a positive number. Received: min_power={min_power!r}",
        )
        _check(
            top_db is None or (_is_number(top_db) and top_db >= 0),
            "`top_db` must be a non-negative number or None. "
            f"Received: top_db={top_db!r}",
        )
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power
        self._mel_matrix = mel_weight_matrix(
            num_mel_bins, fft_length // 2 + 1, sampling_rate, min_freq, max_freq
        )

    def call(self, inputs):
        inputs = ops.cast(inputs, self.compute_dtype)
        real, imag = ops.stft(
            inputs,
            sequence_length=self.sequence_length,
            sequence_stride=self.sequence_stride,
            fft_length=self.fft_length,
            window=self.window,
            center=True,
        )
        power = ops.square(real) + ops.square(imag)
        if self.mag_exp != 2:
            power = ops.power(ops.sqrt(power), self.mag_exp)
        matrix = ops.cast(self._mel_matrix, power.dtype)
        mel = ops.swapaxes(ops.matmul(power, matrix), -1, -2)
        if self.power_to_db:
            mel = self._to_decibels(mel)
        return mel

    def _to_decibels(self, power):
        floor = ops.cast(self.min_power, power.dtype)
        log_10 = np.log(10.0)
        decibels = 10.0 * ops.log(ops.maximum(power, floor)) / log_10
        decibels = decibels - 10.0 * np.log10(max(self.ref_power, self.min_power))
        if self.top_db is not None:
            decibels = ops.maximum(decibels, ops.max(decibels) - self.top_db)
        return decibels

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        samples = input_shape[-1]
        frames = None
        if samples is not None:
            padded = samples + 2 * (self.fft_length // 2)
            frames = (padded - self.fft_length) // self.sequence_stride + 1
        return (*input_shape[:-1], self.num_mel_bins, frames)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "fft_length": self.fft_length,
                "sequence_stride": self.sequence_stride,
                "sequence_length": self.sequence_length,
                "window": self.window,
                "sampling_rate": self.sampling_rate,
                "num_mel_bins": self.num_mel_bins,
                "min_freq": self.min_freq,
                "max_freq": self.max_freq,
                "power_to_db": self.power_to_db,
                "top_db": self.top_db,
                "mag_exp": self.mag_exp,
                "min_power": self.min_power,
                "ref_power": self.ref_power,
            }
        )
        return config
