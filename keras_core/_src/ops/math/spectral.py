"""Spectral ops of `keras_core.ops`: FFTs, short-time Fourier transforms,
framing (extract_sequences) and complex views.

Complex values travel as `(real, imag)` pairs of float tensors, as in
Keras 3: the FFTs take and return such pairs. Transforms run in float32 or
float64 (half precision and integers are refused, except by `rfft`, which
reads integers as floatx). STFT windows are periodic ("hann",
"hamming"), an array of length `sequence_length`, or None (no window).
"""

from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import result_type
from keras_core._src.ops.op_definition import backend_op

__all__ = [
    "extract_sequences",
    "fft",
    "fft2",
    "ifft2",
    "irfft",
    "istft",
    "rfft",
    "stft",
    "view_as_complex",
    "view_as_real",
]

_WINDOWS = ("hann", "hamming")


def _transform_dtype(*types):
    dtype = result_type(*types)
    if dtype not in ("float32", "float64"):
        raise TypeError(
            f"expected float32 or float64 values, got {dtype}. Cast the input "
            "to float32 first."
        )
    return dtype


def _pair_rule(real, imag):
    """(real, imag) parts promoted together, float32 or float64 only."""
    dtype = _transform_dtype(real, imag)
    return dtype, dtype


def _check_positive_int(name, value, allow_none=False):
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be an int >= 1. Received: {name}={value!r}")


def _rfft_rule(x, *, fft_length):
    """Floats keep float32/float64, integers become floatx, half refused."""
    _check_positive_int("fft_length", fft_length, allow_none=True)
    dtype = _transform_dtype(result_type(x, float))
    return dtype, dtype


def _irfft_rule(real, imag, *, fft_length):
    """(real, imag) parts promoted together, float32 or float64 only."""
    _check_positive_int("fft_length", fft_length, allow_none=True)
    return _pair_rule(real, imag)


def _check_stft_arguments(sequence_length, sequence_stride, fft_length, window):
    _check_positive_int("sequence_length", sequence_length)
    _check_positive_int("sequence_stride", sequence_stride)
    _check_positive_int("fft_length", fft_length)
    if isinstance(window, str) and window not in _WINDOWS:
        raise ValueError(
            f"window must be one of {_WINDOWS}, an array or None. "
            f"Received: window={window!r}"
        )


def _stft_rule(x, *, sequence_length, sequence_stride, fft_length, window):
    """Signals in float32 or float64; the spectrum's parts in that dtype."""
    _check_stft_arguments(sequence_length, sequence_stride, fft_length, window)
    dtype = _transform_dtype(x)
    return dtype, dtype


def _istft_rule(
    real, imag, *, sequence_length, sequence_stride, fft_length, length, window
):
    """Spectra in float32 or float64; the signal in that dtype."""
    _check_stft_arguments(sequence_length, sequence_stride, fft_length, window)
    _check_positive_int("length", length, allow_none=True)
    return _pair_rule(real, imag)


def _frames_rule(x, *, sequence_length, sequence_stride):
    """Frames keep x's dtype."""
    _check_positive_int("sequence_length", sequence_length)
    _check_positive_int("sequence_stride", sequence_stride)
    dtype = result_type(x)
    return dtype, dtype


def _to_complex_rule(x):
    """Any real input is read as float32, giving complex64 (as Keras)."""
    if result_type(x).startswith("complex"):
        raise TypeError("the input is already complex.")
    return "float32", "complex64"


def _to_real_rule(x):
    """complex64 gives float32, complex128 float64 (narrowed as held)."""
    dtype = result_type(x)
    if not dtype.startswith("complex"):
        raise TypeError(f"expected a complex input, got {dtype}.")
    real = "float64" if dtype == "complex128" else "float32"
    return None, narrowed_dtype(real)


@backend_op("math", _pair_rule, tensor_lists=("x",))
def fft(x):
    """The discrete Fourier transform along the last axis.

    Args:
        x: A pair `(real, imag)` of float tensors of the same shape.

    Returns:
        A pair `(real, imag)` of the transform's parts, of the same shape.

    >>> real, imag = keras_core.ops.fft(([1.0, 0.0], [0.0, 0.0]))
    >>> real
    array([1., 1.], dtype=float32)
    """


@backend_op("math", _pair_rule, tensor_lists=("x",))
def fft2(x):
    """The 2-D discrete Fourier transform over the last two axes.

    Args:
        x: A pair `(real, imag)` of float tensors, at least 2-D.

    Returns:
        A pair `(real, imag)` of the transform's parts, of the same shape.

    >>> real, imag = keras_core.ops.fft2(([[1.0, 0.0]], [[0.0, 0.0]]))
    >>> real
    array([[1., 1.]], dtype=float32)
    """


@backend_op("math", _pair_rule, tensor_lists=("x",))
def ifft2(x):
    """The inverse 2-D discrete Fourier transform over the last two axes.

    Args:
        x: A pair `(real, imag)` of float tensors, at least 2-D.

    Returns:
        A pair `(real, imag)` of the inverse transform's parts.

    >>> real, imag = keras_core.ops.ifft2(([[2.0, 2.0]], [[0.0, 0.0]]))
    >>> real
    array([[2., 0.]], dtype=float32)
    """


@backend_op("math", _rfft_rule)
def rfft(x, fft_length=None):
    """The discrete Fourier transform of a real signal, along the last axis.

    Args:
        x: Real tensor of shape `(..., n)`.
        fft_length: Points of the transform: the signal is cropped or padded
            with zeros to this length. `n` by default.

    Returns:
        A pair `(real, imag)` of shape `(..., fft_length // 2 + 1)`.

    >>> real, imag = keras_core.ops.rfft([1.0, 1.0, 1.0, 1.0])
    >>> real
    array([4., 0., 0.], dtype=float32)
    """


@backend_op("math", _irfft_rule, tensor_lists=("x",))
def irfft(x, fft_length=None):
    """The inverse of `rfft`: a real signal from half of its spectrum.

    Args:
        x: A pair `(real, imag)` of shape `(..., m)`.
        fft_length: Length of the signal: the spectrum is cropped or padded
            with zeros to `fft_length // 2 + 1` bins. `2 * (m - 1)` by
            default.

    Returns:
        A real tensor of shape `(..., fft_length)`.

    >>> keras_core.ops.irfft(([4.0, 0.0, 0.0], [0.0, 0.0, 0.0]))
    array([1., 1., 1., 1.], dtype=float32)
    """


@backend_op("math", _stft_rule)
def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    """The short-time Fourier transform along the last axis.

    Frames of `fft_length` samples every `sequence_stride` samples are
    multiplied by the window (of `sequence_length` samples, centred in the
    frame with zeros around it) and transformed with `rfft`.

    Args:
        x: Float tensor of shape `(..., samples)`.
        sequence_length: Length of the window, at most `fft_length`.
        sequence_stride: Hop between frames.
        fft_length: Length of each frame and of its transform.
        window: "hann", "hamming" (periodic), an array of shape
            `(sequence_length,)`, or None for no window.
        center: Whether to pad `x` by reflection with `fft_length // 2`
            samples on both sides, so that frame `t` is centred at sample
            `t * sequence_stride`.

    Returns:
        A pair `(real, imag)` of shape `(..., frames, fft_length // 2 + 1)`.

    >>> real, imag = keras_core.ops.stft(np.ones(8), 4, 2, 4, center=False)
    >>> real.shape
    (3, 3)
    """


@backend_op("math", _istft_rule, tensor_lists=("x",))
def istft(
    x,
    sequence_length,
    sequence_stride,
    fft_length,
    length=None,
    window="hann",
    center=True,
):
    """The inverse of `stft`: a signal from its short-time spectrum.

    Frames from `irfft` are windowed, overlapped and added, and divided by
    the overlapped squared window (samples where that is 0 give 0).

    Args:
        x: A pair `(real, imag)` of shape `(..., frames, fft_length // 2 + 1)`.
        sequence_length: Length of the window, at most `fft_length`.
        sequence_stride: Hop between frames.
        fft_length: Length of each frame.
        length: Length of the output (cropped, never padded); by
            default all the samples the frames cover (less the centring).
        window: "hann", "hamming", an array of shape `(sequence_length,)`,
            or None, as given to `stft`.
        center: Whether `stft` centred its frames (the padding is dropped).

    Returns:
        A float tensor of shape `(..., samples)`.

    >>> x = np.random.rand(16).astype("float32")
    >>> y = keras_core.ops.istft(keras_core.ops.stft(x, 8, 4, 8), 8, 4, 8)
    >>> y.shape
    (16,)
    """


@backend_op("math", _frames_rule)
def extract_sequences(x, sequence_length, sequence_stride):
    """Frames of `sequence_length` samples every `sequence_stride` samples.

    Args:
        x: Tensor of shape `(..., samples)`.
        sequence_length: Length of each frame, at most `samples`.
        sequence_stride: Hop between frames.

    Returns:
        A tensor of shape `(..., 1 + (samples - sequence_length) //
        sequence_stride, sequence_length)` with `x`'s dtype.

    >>> keras_core.ops.extract_sequences([1, 2, 3, 4, 5], 3, 2)
    array([[1, 2, 3],
           [3, 4, 5]], dtype=int32)
    """


@backend_op("math", _to_complex_rule)
def view_as_complex(x):
    """Complex numbers from pairs of reals along the last axis.

    Args:
        x: Real tensor of shape `(..., 2)`: real and imaginary parts.

    Returns:
        A complex64 tensor of shape `(...)`.

    >>> keras_core.ops.view_as_complex([[1.0, 2.0]])
    array([1.+2.j], dtype=complex64)
    """


@backend_op("math", _to_real_rule)
def view_as_real(x):
    """The real and imaginary parts of complex numbers, on a new last axis.

    Args:
        x: Complex tensor.

    Returns:
        A float tensor of shape `(..., 2)`.

    >>> keras_core.ops.view_as_real(np.array([1 + 2j], "complex64"))
    array([[1., 2.]], dtype=float32)
    """
