"""STFTSpectrogram against scipy.signal.stft, on every backend."""

import numpy as np
import pytest
import scipy.signal

import keras_core
from keras_core import ops
from keras_core._src.layers.preprocessing.stft_spectrogram import signal_window
from keras_core.layers import STFTSpectrogram
from tests.layer_testing import assert_gradients_reach_all_weights
from tests.layer_testing import needs_gradients

RNG = np.random.default_rng(5)
SIGNAL = RNG.normal(size=(2, 40, 2)).astype("float32")


def _reference(
    signal,
    frame_length,
    frame_step,
    fft_length,
    window="hann",
    periodic=False,
    scaling="density",
    padding="valid",
):
    """Complex STFT `(batch, channels, frames, bins)` from SciPy."""
    if window is None:
        values = np.ones(frame_length)
    elif isinstance(window, str):
        values = scipy.signal.get_window(window, frame_length, fftbins=periodic)
    else:
        values = np.asarray(window, dtype="float64")
    signal = np.transpose(signal, (0, 2, 1)).astype("float64")
    if padding == "same":
        length = signal.shape[-1]
        frames = -(-length // frame_step)
        total = max((frames - 1) * frame_step + frame_length - length, 0)
        signal = np.pad(signal, [(0, 0), (0, 0), (total // 2, total - total // 2)])
    _, _, spectrum = scipy.signal.stft(
        signal,
        window=values,
        nperseg=frame_length,
        noverlap=frame_length - frame_step,
        nfft=fft_length,
        boundary=None,
        padded=False,
        detrend=False,
        return_onesided=True,
        scaling="spectrum",
    )
    # SciPy's "spectrum" divides by sum(window); undo it, then apply ours.
    spectrum = spectrum * values.sum()
    if scaling == "density":
        spectrum = spectrum / np.sqrt(np.sum(values**2))
    elif scaling == "spectrum":
        spectrum = spectrum / values.sum()
    return np.swapaxes(spectrum, -1, -2)


def _channels_last_flat(per_channel):
    """`(batch, channels, frames, bins)` -> `(batch, frames, channels * bins)`."""
    batch, channels, frames, bins = per_channel.shape
    return np.transpose(per_channel, (0, 2, 1, 3)).reshape(
        batch, frames, channels * bins
    )


def _numpy(x):
    return ops.convert_to_numpy(x)


def test_modes_against_scipy():
    complex_stft = _reference(SIGNAL, 8, 3, 8)
    power = np.abs(complex_stft) ** 2
    psd = power.copy()
    psd[..., 1:-1] *= 2
    expected = {
        "real": complex_stft.real,
        "imag": complex_stft.imag,
        "magnitude": np.abs(complex_stft),
        "log": np.log(np.abs(complex_stft)),
        "psd": psd,
    }
    for mode, values in expected.items():
        layer = STFTSpectrogram(mode=mode, frame_length=8, frame_step=3)
        outputs = _numpy(layer(SIGNAL))
        assert outputs.shape == (2, 11, 10)
        np.testing.assert_allclose(
            outputs, _channels_last_flat(values), rtol=1e-4, atol=1e-4, err_msg=mode
        )
    stft = _numpy(STFTSpectrogram(mode="stft", frame_length=8, frame_step=3)(SIGNAL))
    both = np.concatenate([complex_stft.real, complex_stft.imag], axis=-1)
    np.testing.assert_allclose(stft, _channels_last_flat(both), atol=1e-4)
    # The phase is defined where the magnitude is not ~0.
    angle = _numpy(STFTSpectrogram(mode="angle", frame_length=8, frame_step=3)(SIGNAL))
    magnitude = _channels_last_flat(np.abs(complex_stft))
    rebuilt = magnitude * np.exp(1j * angle)
    target = _channels_last_flat(complex_stft)
    np.testing.assert_allclose(rebuilt, target, atol=1e-4)


@pytest.mark.parametrize(
    "options",
    [
        dict(window="hamming", periodic=True, scaling="spectrum", padding="same"),
        dict(window=None, scaling=None, fft_length=8, frame_length=5, frame_step=2),
        dict(window=np.linspace(0.5, 1.0, 6), scaling="density", frame_length=6),
        dict(window="blackman", padding="same", frame_length=7, frame_step=4),
    ],
)
def test_windows_scaling_padding_against_scipy(options):
    options = {"frame_length": 8, "frame_step": 3, **options}
    fft_length = options.get("fft_length") or 2 ** int(
        np.ceil(np.log2(options["frame_length"]))
    )
    layer = STFTSpectrogram(mode="stft", **options)
    expected = _reference(
        SIGNAL,
        fft_length=fft_length,
        **{k: v for k, v in options.items() if k != "fft_length"},
    )
    both = np.concatenate([expected.real, expected.imag], axis=-1)
    np.testing.assert_allclose(
        _numpy(layer(SIGNAL)), _channels_last_flat(both), atol=1e-4
    )


def test_named_windows_match_scipy():
    for name in (
        "hann",
        "hamming",
        "bartlett",
        "triang",
        "parzen",
        "bohman",
        "blackmanharris",
        "nuttall",
        "barthann",
        "flattop",
        "cosine",
        "lanczos",
        "tukey",
        "exponential",
        "taylor",
        "boxcar",
        "rect",
    ):
        for periodic in (False, True):
            for length in (1, 6, 7):
                np.testing.assert_allclose(
                    signal_window(name, length, periodic),
                    scipy.signal.get_window(name, length, fftbins=periodic),
                    atol=1e-12,
                    err_msg=f"{name} periodic={periodic} length={length}",
                )


def test_layouts_and_output_shapes():
    base = _numpy(STFTSpectrogram(mode="stft", frame_length=8, frame_step=4)(SIGNAL))
    frames, bins = 9, 10
    per_channel = base.reshape(2, frames, 2, bins)
    channels_first = np.transpose(SIGNAL, (0, 2, 1))
    cases = [
        (dict(expand_dims=True), SIGNAL, np.transpose(per_channel, (0, 1, 3, 2))),
        (
            dict(data_format="channels_first"),
            channels_first,
            np.transpose(base, (0, 2, 1)),
        ),
        (
            dict(data_format="channels_first", expand_dims=True),
            channels_first,
            np.transpose(per_channel, (0, 2, 1, 3)),
        ),
    ]
    for options, inputs, expected in cases:
        layer = STFTSpectrogram(mode="stft", frame_length=8, frame_step=4, **options)
        outputs = _numpy(layer(inputs))
        np.testing.assert_allclose(outputs, expected, atol=1e-5, err_msg=str(options))
        assert layer.compute_output_shape(inputs.shape) == outputs.shape
        symbolic = layer(keras_core.Input(inputs.shape[1:]))
        assert symbolic.shape == (None, *outputs.shape[1:])
        assert symbolic.dtype == "float32"
    layer = STFTSpectrogram(frame_length=8, padding="same")
    assert layer(keras_core.Input((None, 3))).shape == (None, None, 15)
    assert layer.compute_output_shape((None, 40, 3)) == (None, 10, 15)


def test_weights_layout():
    layer = STFTSpectrogram(frame_length=6, fft_length=8, scaling=None, window=None)
    layer.build((None, 20, 3))
    assert [w.path for w in layer.weights] == [
        "stft_spectrogram/real_kernel",
        "stft_spectrogram/imag_kernel",
    ]
    assert all(w.trainable for w in layer.weights)
    assert [w.shape for w in layer.weights] == [(6, 1, 5), (6, 1, 5)]
    phase = 2 * np.pi * np.outer(np.arange(6), np.arange(5)) / 8
    np.testing.assert_allclose(
        _numpy(layer.real_kernel)[:, 0], np.cos(phase), atol=1e-6
    )
    np.testing.assert_allclose(
        _numpy(layer.imag_kernel)[:, 0], -np.sin(phase), atol=1e-6
    )
    frozen = STFTSpectrogram(frame_length=6, trainable=False)
    frozen.build((None, 20, 1))
    assert not any(w.trainable for w in frozen.weights)


def test_model_predict_config_and_saving(tmp_path):
    layer = STFTSpectrogram(mode="magnitude", frame_length=8, frame_step=4)
    inputs = keras_core.Input((40, 2))
    model = keras_core.Model(inputs, layer(inputs))
    layer.real_kernel.assign(_numpy(layer.real_kernel) * 2.0)
    expected = _numpy(layer(SIGNAL))
    np.testing.assert_allclose(model.predict(SIGNAL, verbose=0), expected, rtol=1e-5)
    path = str(tmp_path / "stft.keras")
    model.save(path)
    restored = keras_core.saving.load_model(path)
    np.testing.assert_allclose(restored.predict(SIGNAL, verbose=0), expected, rtol=1e-5)

    config = STFTSpectrogram(frame_length=8, window=[1.0] * 8).get_config()
    assert list(config)[-10:] == [
        "mode",
        "frame_length",
        "frame_step",
        "fft_length",
        "window",
        "periodic",
        "scaling",
        "padding",
        "data_format",
        "expand_dims",
    ]
    clone = STFTSpectrogram.from_config(config)
    assert clone.get_config() == config
    defaults = STFTSpectrogram().get_config()
    assert (defaults["mode"], defaults["frame_step"], defaults["fft_length"]) == (
        "log",
        None,
        None,
    )
    assert defaults["data_format"] == "channels_last"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (dict(mode="complex"), "mode"),
        (dict(frame_length=0), "frame_length"),
        (dict(frame_length=4, frame_step=5), "frame_step"),
        (dict(frame_length=8, fft_length=4), "fft_length"),
        (dict(scaling="power"), "scaling"),
        (dict(padding="causal"), "padding"),
        (dict(window="kaiser"), "window"),
        (dict(frame_length=4, window=[1.0, 1.0]), "window"),
        (dict(data_format="channels_middle"), "data_format"),
    ],
)
def test_bad_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        STFTSpectrogram(**arguments)


def test_bad_input_rank():
    with pytest.raises(ValueError, match="ndim"):
        STFTSpectrogram(frame_length=4)(np.zeros((2, 16), "float32"))


@needs_gradients
def test_gradients_reach_kernels():
    layer = STFTSpectrogram(mode="magnitude", frame_length=8, frame_step=4)
    assert_gradients_reach_all_weights(layer, SIGNAL)


def test_in_tf_data_pipeline():
    tf = pytest.importorskip("tensorflow")
    layer = STFTSpectrogram(mode="log", frame_length=8, frame_step=4)
    expected = _numpy(layer(SIGNAL))
    dataset = tf.data.Dataset.from_tensor_slices(SIGNAL).batch(2).map(layer)
    (batch,) = [b.numpy() for b in dataset]
    np.testing.assert_allclose(batch, expected, rtol=1e-4, atol=1e-4)
