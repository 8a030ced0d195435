"""The math ops of keras_core.ops (special functions, segment reductions,
top-k selection, FFTs and STFTs), driven by one declarative table.

Every row is checked for eager values against NumPy/SciPy (or a NumPy
reference written here), for symbolic shapes and dtypes against eager
results, inside the backend's compiler and (rows with `grad=True`) for
gradients against finite differences. Result dtypes are checked against
Keras 3.15 (recorded in `dtype_oracle_math.json`).
"""

import os

import numpy as np
import pytest
import scipy.signal
import scipy.special
from op_testing import BACKEND
from op_testing import Case
from op_testing import TableTests
from op_testing import dtype_mismatches
from op_testing import load_oracle
from op_testing import positive
from op_testing import signed
from op_testing import to_numpy

from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor

RNG = np.random.default_rng(2)


def normal(*shape):
    return RNG.standard_normal(shape).astype("float32")


def distinct(*shape):
    # Distinct values: no ties in maxima and orders, so gradients exist.
    size = int(np.prod(shape))
    return (RNG.permutation(size).reshape(shape) / size + 0.1).astype("float32")


# NumPy references.


def _window(window, sequence_length, fft_length):
    if window is None:
        values = np.ones(sequence_length)
    elif isinstance(window, str):
        values = scipy.signal.get_window(window, sequence_length, fftbins=True)
    else:
        values = np.asarray(window, "float64")
    left = (fft_length - sequence_length) // 2
    padded = np.pad(values, (left, fft_length - sequence_length - left))
    return padded if window is not None else np.ones(fft_length)


def _frames(x, length, stride):
    count = 1 + (x.shape[-1] - length) // stride
    return np.stack(
        [x[..., i * stride : i * stride + length] for i in range(count)], -2
    )


def stft_reference(
    x, sequence_length, sequence_stride, fft_length, window="hann", center=True
):
    if center:
        pad = [(0, 0)] * (x.ndim - 1) + [(fft_length // 2, fft_length // 2)]
        x = np.pad(x, pad, mode="reflect")
    frames = _frames(x, fft_length, sequence_stride)
    spectrum = np.fft.rfft(frames * _window(window, sequence_length, fft_length))
    return spectrum.real, spectrum.imag


def istft_reference(
    x,
    sequence_length,
    sequence_stride,
    fft_length,
    length=None,
    window="hann",
    center=True,
):
    frames = np.fft.irfft(x[0] + 1j * x[1], n=fft_length)
    weights = _window(window, sequence_length, fft_length)
    count = frames.shape[-2]
    total = (count - 1) * sequence_stride + fft_length
    signal = np.zeros((*frames.shape[:-2], total))
    norm = np.zeros(total)
    for i in range(count):
        part = slice(i * sequence_stride, i * sequence_stride + fft_length)
        signal[..., part] += frames[..., i, :] * weights
        norm[part] += weights**2
    signal = signal / np.where(norm > 1e-10, norm, 1.0)
    start = fft_length // 2 if center else 0
    end = total - start if length is None else min(start + length, total)
    return signal[..., start:end]


def segment_reference(reduction, identity):
    def reference(data, segment_ids, num_segments=None, sorted=False):
        if num_segments is None:
            num_segments = int(segment_ids.max()) + 1
        result = np.full((num_segments, *data.shape[1:]), identity, data.dtype)
        for row, segment in zip(data, segment_ids, strict=True):
            if 0 <= segment < num_segments:
                result[segment] = reduction(result[segment], row)
        return result

    return reference


def top_k_reference(x, k, sorted=True):
    order = np.argsort(-x, axis=-1, kind="stable")[..., :k]
    return np.take_along_axis(x, order, axis=-1), order.astype("int32")


def in_top_k_reference(targets, predictions, k):
    own = predictions[np.arange(len(targets)), targets]
    return np.array([np.sum(p > o) < k for p, o in zip(predictions, own, strict=True)])


def pair(function):
    def reference(x, *args, **kwargs):
        z = function(x[0] + 1j * x[1], *args, **kwargs)
        return z.real, z.imag

    return reference


def rfft_reference(x, fft_length=None):
    spectrum = np.fft.rfft(x, n=fft_length)
    return spectrum.real, spectrum.imag


def cdist_reference(x, y):
    return np.sqrt(np.sum((x[..., :, None, :] - y[..., None, :, :]) ** 2, -1))


def logsumexp_reference(x, axis=None, keepdims=False):
    return scipy.special.logsumexp(x, axis=axis, keepdims=keepdims)


def logdet_reference(x):
    return np.linalg.slogdet(x)[1]


def spd(n, batch=()):
    a = RNG.standard_normal((*batch, n, n))
    return (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype("float32")


IDS = np.array([0, 0, 2, 2, 2, 3], "int32")
# Every segment of 4 filled: empty ones hold +-inf, where finite
# differences are NaN.
FULL = np.array([0, 0, 1, 2, 2, 3], "int32")
UNSORTED = np.array([3, 0, 2, 1, 2, 3], "int32")
SEGMENTS = {
    "segment_sum": (np.add, 0.0),
    "segment_prod": (np.multiply, 1.0),
    "segment_max": (np.maximum, -np.inf),
    "segment_min": (np.minimum, np.inf),
}
SIGNAL = normal(2, 37)


class TestMath(TableTests):
    def test_inside_the_backend_compiler(self, case):
        super().test_inside_the_backend_compiler(case)

    test_inside_the_backend_compiler.case_filter = lambda case: _compiles(case)

    def test_symbolic_shape_and_dtype_match_eager(self, case):
        super().test_symbolic_shape_and_dtype_match_eager(case)

    # Without num_segments the symbolic row count is unknown (None) where
    # eager has a number: checked in a focused test below.
    test_symbolic_shape_and_dtype_match_eager.case_filter = lambda case: _compiles(case)

    CASES = [
        Case("erf", (signed(3, 4),), reference=scipy.special.erf, grad=True),
        Case(
            "erf",
            (np.array([0, 1, -2], "int32"),),
            reference=scipy.special.erf,
            label="int",
        ),
        Case("erfc", (signed(3, 4),), reference=scipy.special.erfc, grad=True),
        Case(
            "erfinv",
            (signed(3, 4) / 2.5,),
            reference=scipy.special.erfinv,
            grad=True,
            rtol=1e-5,
        ),
        Case(
            "rsqrt",
            (positive(3, 4),),
            reference=lambda x: 1 / np.sqrt(x),
            grad=True,
            rtol=1e-5,
        ),
        Case(
            "logsumexp",
            (normal(3, 4),),
            reference=logsumexp_reference,
            grad=True,
            rtol=1e-5,
        ),
        Case(
            "logsumexp",
            (normal(3, 4, 2),),
            {"axis": (0, 2), "keepdims": True},
            reference=logsumexp_reference,
            grad=True,
            rtol=1e-5,
            label="axes",
        ),
        Case(
            "logsumexp",
            (np.array([[-np.inf, -np.inf], [0.0, 1.0]], "float32"),),
            {"axis": 1},
            reference=logsumexp_reference,
            label="-inf",
        ),
        Case(
            "logdet",
            (spd(3, (2,)),),
            reference=logdet_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "logdet",
            (np.array([[-2.0, 0.0], [0.0, 1.0]], "float32"),),
            reference=logdet_reference,
            grow=(),
            label="negative det",
        ),
        Case(
            "cdist",
            (normal(3, 4), normal(5, 4)),
            reference=cdist_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "cdist",
            (normal(2, 3, 4), normal(2, 5, 4)),
            reference=cdist_reference,
            grow=(0, 1),
            rtol=1e-5,
            atol=1e-5,
            label="batched",
        ),
        *[
            Case(
                name,
                (distinct(6, 2), ids),
                {"num_segments": count, "sorted": ids is FULL},
                reference=segment_reference(*SEGMENTS[name]),
                grad=count == 4,
                grow=(),
                label=label,
            )
            for name in SEGMENTS
            for ids, count, label in [
                (FULL, 4, "sorted ids"),
                (UNSORTED, 4, "unsorted ids"),
                (IDS, 5, "empty segments"),
            ]
        ],
        Case(
            "segment_prod",
            (np.array([2.0, 0.0, 3.0, 0.0, 0.0, 5.0], "float32"), FULL),
            {"num_segments": 4},
            reference=segment_reference(np.multiply, 1.0),
            grad=True,
            grow=(),
            label="zeros",
        ),
        *[
            Case(
                name,
                (distinct(6), IDS),
                {"sorted": True},
                reference=segment_reference(*SEGMENTS[name]),
                grow=(),
                label="num_segments=None",
            )
            for name in SEGMENTS
        ],
        Case(
            "segment_max",
            (np.array([4, 1, 7], "int32"), np.array([2, 2, 0])),
            {"num_segments": 4},
            reference=segment_reference(np.maximum, np.iinfo("int32").min),
            grow=(),
            label="int empty",
        ),
        Case(
            "segment_sum",
            (distinct(4), np.array([0, 5, -1, 1])),
            {"num_segments": 3},
            reference=segment_reference(np.add, 0.0),
            grow=(),
            label="ids out of range dropped",
        ),
        Case("top_k", (distinct(3, 5), 2), reference=top_k_reference, grad=True),
        Case(
            "top_k",
            (np.array([1.0, 3.0, 3.0, 2.0], "float32"), 3),
            {"sorted": False},
            reference=top_k_reference,
            grow=(),
            label="ties",
        ),
        Case(
            "top_k",
            (np.array([[1, 5, 5], [2, 0, 9]], "int32"), 2),
            reference=top_k_reference,
            label="int",
        ),
        Case(
            "in_top_k",
            (
                np.array([0, 1, 2, 2]),
                np.array([[1, 1, 0], [1, 1, 0], [1, 1, 1], [0, 0, 0.5]], "float32"),
                1,
            ),
            reference=in_top_k_reference,
            grow=(0, 1),
            label="ties",
        ),
        Case(
            "in_top_k",
            (np.array([2, 0, 1]), distinct(3, 4), 2),
            reference=in_top_k_reference,
            grow=(0, 1),
        ),
        Case(
            "extract_sequences",
            (np.arange(20, dtype="int32").reshape(2, 10), 4, 3),
            reference=_frames,
        ),
        Case(
            "extract_sequences",
            (normal(9), 3, 3),
            reference=_frames,
            grad=True,
            grow=(),
            label="1-D",
        ),
        Case(
            "fft",
            ([normal(3, 8), normal(3, 8)],),
            grow=(0, 1),
            reference=pair(np.fft.fft),
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "fft2",
            ([normal(2, 4, 6), normal(2, 4, 6)],),
            grow=(0, 1),
            reference=pair(np.fft.fft2),
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "ifft2",
            ([normal(4, 6), normal(4, 6)],),
            grow=(0, 1),
            reference=pair(np.fft.ifft2),
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "rfft",
            (normal(3, 8),),
            reference=rfft_reference,
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        *[
            Case(
                "rfft",
                (normal(3, 8),),
                {"fft_length": n},
                reference=rfft_reference,
                rtol=1e-5,
                atol=1e-5,
                label=f"fft_length={n}",
            )
            for n in (5, 12)
        ],
        Case(
            "irfft",
            ([normal(3, 5), normal(3, 5)],),
            grow=(0, 1),
            reference=lambda x, fft_length=None: np.fft.irfft(x[0] + 1j * x[1]),
            grad=True,
            rtol=1e-5,
            atol=1e-5,
        ),
        Case(
            "irfft",
            ([normal(3, 5), normal(3, 5)],),
            {"fft_length": 9},
            grow=(0, 1),
            reference=lambda x, fft_length: np.fft.irfft(x[0] + 1j * x[1], n=9),
            rtol=1e-5,
            atol=1e-5,
            label="fft_length=9",
        ),
        *[
            Case(
                "stft",
                (SIGNAL, *lengths),
                kwargs,
                reference=stft_reference,
                grow=(0,),
                rtol=1e-4,
                atol=1e-4,
                label=f"{lengths},{kwargs}",
            )
            # Each option once, over window shorter than, equal to and
            # of other parity than the frame (kept few: jax runs eagerly
            # op by op and compiles each shape).
            for lengths, kwargs in [
                ((8, 4, 8), {}),
                ((8, 3, 16), {"center": False}),
                ((6, 2, 9), {"window": "hamming"}),
                ((8, 3, 16), {"window": None}),
            ]
        ],
        Case(
            "stft",
            (SIGNAL, 8, 4, 8),
            {"window": [float(i) for i in range(8)]},
            reference=stft_reference,
            rtol=1e-4,
            atol=1e-4,
            label="array window",
        ),
        Case(
            "stft",
            (normal(12), 4, 4, 4),
            reference=stft_reference,
            grad=True,
            grow=(),
            rtol=1e-4,
            atol=1e-4,
            label="grad",
        ),
        *[
            Case(
                "istft",
                ([normal(2, 7, f // 2 + 1), normal(2, 7, f // 2 + 1)], s, t, f),
                kwargs,
                grow=(0, 1),
                reference=istft_reference,
                rtol=1e-4,
                atol=1e-4,
                label=f"{(s, t, f)},{kwargs}",
            )
            for (s, t, f), kwargs in [
                ((8, 4, 8), {}),
                ((8, 3, 16), {"center": False}),
                ((6, 2, 9), {"window": "hamming"}),
                ((8, 4, 8), {"window": None}),
                ((6, 2, 9), {"length": 14}),
            ]
        ],
        Case(
            "istft",
            ([normal(4, 5), normal(4, 5)], 8, 4, 8),
            grow=(0, 1),
            reference=istft_reference,
            grad=True,
            rtol=1e-4,
            atol=1e-4,
            label="grad",
        ),
        Case(
            "view_as_complex",
            (normal(3, 2),),
            reference=lambda x: (x[..., 0] + 1j * x[..., 1]).astype("complex64"),
        ),
        Case(
            "view_as_real",
            ((normal(3) + 1j * normal(3)).astype("complex64"),),
            reference=lambda x: np.stack([x.real, x.imag], -1),
        ),
    ]


def _compiles(case):
    # num_segments=None gives a value-dependent shape: no compiler takes it.
    return case.op not in SEGMENTS or case.kwargs.get("num_segments") is not None


def test_every_op_has_a_row():
    from keras_core._src.ops import math

    assert sorted({c.op for c in TestMath.CASES}) == sorted(math.__all__)


def test_segments_without_num_segments_are_unknown_symbolically():
    data = KerasTensor((6, 2), dtype="float32")
    ids = KerasTensor((6,), dtype="int32")
    assert ops.segment_sum(data, ids).shape == (None, 2)
    assert ops.segment_max(data, ids, num_segments=3).shape == (3, 2)


def test_stft_istft_round_trip():
    x = normal(2, 40)
    spectrum = ops.stft(x, 16, 4, 16)
    y = to_numpy(ops.istft(spectrum, 16, 4, 16, length=40))
    np.testing.assert_allclose(y, x, rtol=1e-4, atol=1e-4)


ORACLE, _TABLE = load_oracle(
    os.path.join(os.path.dirname(__file__), "dtype_oracle_math.json")
)


def _expected_table():
    """This backend's expected dtypes.

    Keras's TensorFlow `rfft` casts every input to float32, unlike its own
    `fft` and its other backends: we keep float64 there and refuse half
    precision, as the other transforms. This project holds complex128 as
    complex64 on every backend, so `view_as_real` gives float32 there.
    """
    table = {op_name: dict(row) for op_name, row in _TABLE.items()}
    if BACKEND == "tensorflow":
        table["rfft"].update(float16="error", bfloat16="error", float64="float64")
        table["view_as_real"]["complex128"] = "float32"
    return table


def _pairs(x):
    return (np.stack([x, x]), np.stack([x, x]))


FUNCTIONS = {
    "erf": ops.erf,
    "erfc": ops.erfc,
    "erfinv": ops.erfinv,
    "rsqrt": ops.rsqrt,
    "logsumexp": ops.logsumexp,
    "logdet": lambda x: ops.logdet(ops.stack([x, x])),
    "cdist": lambda x: ops.cdist(ops.stack([x, x]), ops.stack([x, x])),
    **{
        name: (lambda f: lambda x: f(x, np.array([0, 1]), num_segments=2))(
            getattr(ops, name)
        )
        for name in SEGMENTS
    },
    "top_k": lambda x: ops.top_k(x, 1)[0],
    "top_k_indices": lambda x: ops.top_k(x, 1)[1],
    "in_top_k": lambda x: ops.in_top_k(np.array([0]), ops.reshape(x, (1, 2)), 1),
    "extract_sequences": lambda x: ops.extract_sequences(x, 1, 1),
    "fft": lambda x: ops.fft((x, x))[0],
    "fft2": lambda x: ops.fft2((ops.stack([x, x]), ops.stack([x, x])))[0],
    "ifft2": lambda x: ops.ifft2((ops.stack([x, x]), ops.stack([x, x])))[0],
    "rfft": lambda x: ops.rfft(x)[0],
    "irfft": lambda x: ops.irfft((x, x)),
    "stft": lambda x: ops.stft(ops.concatenate([x] * 8), 4, 2, 4)[0],
    "istft": lambda x: ops.istft(
        (
            ops.stack([ops.concatenate([x, x[:1]])] * 3),
            ops.stack([ops.concatenate([x, x[:1]])] * 3),
        ),
        4,
        2,
        4,
    ),
    "view_as_complex": lambda x: ops.view_as_complex(ops.stack([x, x], -1)),
    "view_as_real": ops.view_as_real,
}


@pytest.mark.parametrize("op_name", sorted(FUNCTIONS))
def test_result_dtypes_match_keras(op_name):
    mismatches = dtype_mismatches(
        FUNCTIONS[op_name], ORACLE, _expected_table(), op_name
    )
    assert not mismatches, mismatches


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: ops.top_k(np.ones(3), 4), ValueError, "top_k: k must be at most"),
        (lambda: ops.top_k(np.ones(3), -1), ValueError, "k must be an int >= 0"),
        (
            lambda: ops.in_top_k(np.array([0]), np.ones(3), 1),
            ValueError,
            "in_top_k: expected targets of shape",
        ),
        (
            lambda: ops.segment_sum(np.ones(3), np.array([0, 1])),
            ValueError,
            "segment_sum: segment_ids must be 1-D",
        ),
        (
            lambda: ops.segment_sum(np.array([True]), np.array([0])),
            TypeError,
            "segment_sum.*boolean",
        ),
        (
            lambda: ops.cdist(np.ones((2, 3)), np.ones((2, 4))),
            ValueError,
            "cdist: x and y must be",
        ),
        (lambda: ops.logdet(np.ones((2, 3))), ValueError, "logdet: x must be"),
        (
            lambda: ops.fft((np.ones(3, "float32"), np.ones(4, "float32"))),
            ValueError,
            "fft: x must be a pair",
        ),
        (
            lambda: ops.fft((np.ones(3, "int32"), np.ones(3, "int32"))),
            TypeError,
            "fft.*float32 or float64",
        ),
        (
            lambda: ops.view_as_complex(np.ones((3, 3))),
            ValueError,
            "view_as_complex: the last dimension",
        ),
        (lambda: ops.view_as_real(np.ones(3)), TypeError, "view_as_real.*complex"),
        (
            lambda: ops.stft(np.ones(16), 8, 4, 4),
            ValueError,
            "stft: sequence_length must be at most fft_length",
        ),
        (
            lambda: ops.stft(np.ones(16), 4, 4, 4, window="kaiser"),
            ValueError,
            "window must be one of",
        ),
        (
            lambda: ops.stft(np.ones(16), 4, 4, 8, window=np.ones(3)),
            ValueError,
            "stft: a window array must have shape",
        ),
        (
            lambda: ops.extract_sequences(np.ones(16), 0, 4),
            ValueError,
            "sequence_length must be an int >= 1",
        ),
    ],
)
def test_bad_arguments_are_refused(call, error, message):
    with pytest.raises(error, match=message):
        call()
