"""MelSpectrogram against a NumPy STFT and mel filterbank written here."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core.layers import MelSpectrogram

RNG = np.random.default_rng(11)
AUDIO = RNG.normal(size=(2, 100)).astype("float32")
OPTIONS = dict(
    fft_length=32,
    sequence_stride=8,
    sequence_length=24,
    sampling_rate=8000,
    num_mel_bins=6,
    min_freq=60.0,
    max_freq=3500.0,
)


def _power_spectrogram(signal, fft_length, stride, window_length, mag_exp):
    """`|STFT|**mag_exp`, `(frames, bins)`: centred frames, periodic Hann."""
    padded = np.pad(signal.astype("float64"), fft_length // 2, mode="reflect")
    n = np.arange(window_length)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * n / window_length)
    framed_window = np.zeros(fft_length)
    start = (fft_length - window_length) // 2
    framed_window[start : start + window_length] = window
    count = 1 + (len(padded) - fft_length) // stride
    frames = np.stack(
        [padded[i * stride : i * stride + fft_length] for i in range(count)]
    )
    return np.abs(np.fft.rfft(frames * framed_window)) ** mag_exp


def _mel_filters(num_mel_bins, num_bins, sampling_rate, low, high):
    """Triangles on the HTK mel scale; 0 Hz gets no weight."""

    def to_mel(hertz):
        return 1127.0 * np.log(1.0 + np.asarray(hertz) / 700.0)

    bin_mels = to_mel(np.linspace(0, sampling_rate / 2, num_bins))
    edges = np.linspace(to_mel(low), to_mel(high), num_mel_bins + 2)
    filters = np.zeros((num_bins, num_mel_bins))
    for band in range(num_mel_bins):
        left, center, right = edges[band : band + 3]
        for index in range(1, num_bins):
            mel = bin_mels[index]
            if left < mel <= center:
                filters[index, band] = (mel - left) / (center - left)
            elif center < mel < right:
                filters[index, band] = (right - mel) / (right - center)
    return filters


def _reference_power(audio, mag_exp=2.0):
    filters = _mel_filters(6, 17, 8000, 60.0, 3500.0)
    return np.stack(
        [
            (_power_spectrogram(signal, 32, 8, 24, mag_exp) @ filters).T
            for signal in audio
        ]
    )


def test_power_and_amplitude_against_numpy():
    for mag_exp in (2.0, 1.0):
        layer = MelSpectrogram(power_to_db=False, mag_exp=mag_exp, **OPTIONS)
        outputs = ops.convert_to_numpy(layer(AUDIO))
        assert outputs.shape == (2, 6, 13)
        np.testing.assert_allclose(
            outputs, _reference_power(AUDIO, mag_exp), rtol=1e-4, atol=1e-5
        )


def test_decibels_with_reference_and_floor_over_the_batch():
    audio = np.stack([AUDIO[0], AUDIO[1] * 1e-3])
    layer = MelSpectrogram(top_db=30.0, ref_power=2.0, **OPTIONS)
    outputs = ops.convert_to_numpy(layer(audio))
    decibels = 10 * np.log10(np.maximum(_reference_power(audio), 1e-10))
    decibels -= 10 * np.log10(2.0)
    expected = np.maximum(decibels, decibels.max() - 30.0)
    np.testing.assert_allclose(outputs, expected, rtol=1e-4, atol=1e-3)
    assert outputs.min() == pytest.approx(decibels.max() - 30.0, abs=1e-3)
    unfloored = MelSpectrogram(top_db=None, ref_power=2.0, **OPTIONS)
    np.testing.assert_allclose(
        ops.convert_to_numpy(unfloored(audio)), decibels, rtol=1e-4, atol=1e-3
    )


def test_shapes_unbatched_and_symbolic():
    layer = MelSpectrogram(**OPTIONS)
    assert tuple(layer(AUDIO[0]).shape) == (6, 13)
    symbolic = layer(keras_core.Input((100,)))
    assert symbolic.shape == (None, 6, 13) and symbolic.dtype == "float32"
    assert layer.compute_output_shape((None, None)) == (None, 6, None)
    assert layer.compute_output_shape((4, 100)) == (4, 6, 13)
    assert layer.weights == []


def test_model_config_and_saving(tmp_path):
    inputs = keras_core.Input((100,))
    model = keras_core.Model(inputs, MelSpectrogram(**OPTIONS)(inputs))
    expected = ops.convert_to_numpy(MelSpectrogram(**OPTIONS)(AUDIO))
    np.testing.assert_allclose(model.predict(AUDIO, verbose=0), expected, atol=1e-3)
    path = str(tmp_path / "mel.keras")
    model.save(path)
    restored = keras_core.saving.load_model(path)
    np.testing.assert_allclose(restored.predict(AUDIO, verbose=0), expected, atol=1e-3)

    config = MelSpectrogram().get_config()
    assert {key: config[key] for key in list(config)[-13:]} == {
        "fft_length": 2048,
        "sequence_stride": 512,
        "sequence_length": 2048,
        "window": "hann",
        "sampling_rate": 16000,
        "num_mel_bins": 128,
        "min_freq": 20.0,
        "max_freq": 8000,
        "power_to_db": True,
        "top_db": 80.0,
        "mag_exp": 2.0,
        "min_power": 1e-10,
        "ref_power": 1.0,
    }
    clone = MelSpectrogram.from_config(MelSpectrogram(**OPTIONS).get_config())
    np.testing.assert_allclose(ops.convert_to_numpy(clone(AUDIO)), expected, atol=1e-3)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (dict(fft_length=16, sequence_length=32), "sequence_length"),
        (dict(window="kaiser"), "window"),
        (dict(num_mel_bins=0), "num_mel_bins"),
        (dict(min_freq=9000.0), "min_freq"),
        (dict(top_db=-1.0), "top_db"),
        (dict(sequence_stride=0), "sequence_stride"),
    ],
)
def test_bad_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        MelSpectrogram(**arguments)


def test_in_tf_data_pipeline():
    tf = pytest.importorskip("tensorflow")
    layer = MelSpectrogram(**OPTIONS)
    expected = ops.convert_to_numpy(layer(AUDIO))
    dataset = tf.data.Dataset.from_tensor_slices(AUDIO).batch(2).map(layer)
    (batch,) = [b.numpy() for b in dataset]
    np.testing.assert_allclose(batch, expected, rtol=1e-4, atol=1e-3)
