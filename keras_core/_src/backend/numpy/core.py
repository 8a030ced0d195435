"""Core functions of the NumPy backend: tensors are `numpy.ndarray`s."""

import contextlib

import numpy

from keras_core._src.backend.common import abstract_eval
from keras_core._src.backend.common import dtypes
from keras_core._src.backend.common import variables
from keras_core._src.backend.common.keras_tensor import raise_if_symbolic
from keras_core._src.backend.common.numpy_dtypes import to_numpy_dtype

SUPPORTS_SPARSE_TENSORS = False
SUPPORTS_RAGGED_TENSORS = False


def _check_dense(sparse, ragged):
    if sparse:
        raise ValueError(
            "The numpy backend has no sparse tensors. Received: sparse=True. "
            "Densify the input, or use the jax or tensorflow backend."
        )
    if ragged:
        raise ValueError(
            "The numpy backend has no ragged tensors. Received: ragged=True. "
            "Pad the input, or use the tensorflow backend."
        )


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Returns `x` as a `numpy.ndarray`, cast to `dtype` when given."""
    _check_dense(sparse, ragged)
    if isinstance(x, variables.Variable):
        x = x.value
    raise_if_symbolic(x)
    if dtype is not None:
        return numpy.asarray(x, dtype=to_numpy_dtype(dtype))
    if isinstance(x, numpy.ndarray):
        # Like JAX without x64, hold 64-bit arrays as 32-bit ones.
        return x.astype(to_numpy_dtype(dtypes.narrowed_dtype(x.dtype.name)), copy=False)
    if is_tensor(x) or hasattr(x, "__array__"):
        array = numpy.asarray(x)
        return array.astype(
            to_numpy_dtype(
                dtypes.narrowed_dtype(dtypes.standardize_dtype(array.dtype))
            ),
            copy=False,
        )
    return numpy.asarray(x, dtype=to_numpy_dtype(dtypes.python_data_dtype(x)))


# Strings are left out: a flexible `<U` dtype never matches an array's.
_NUMPY_DTYPES = {
    name: to_numpy_dtype(name) for name in dtypes.ALLOWED_DTYPES if name != "string"
}


def converts_to_itself(x, dtype):
    """Whether `convert_to_tensor(x, dtype)` returns `x` itself.

    A quick test the ops' dispatch uses to skip converting arguments that
    are already right; False where the answer is not quickly known.

    Args:
        x: Any value.
        dtype: A dtype name as `standardize_dtype` gives it, or None.

    Returns:
        True for a `numpy.ndarray` (not a subclass) already of `dtype` (of
        its own 64-bit-narrowed dtype when `dtype` is None).

    Example:

    >>> converts_to_itself(numpy.zeros(2, "float32"), "float32")
    True
    >>> converts_to_itself(numpy.zeros(2, "float32"), "int32")
    False
    """
    if type(x) is not numpy.ndarray:
        return False
    if dtype is None:
        dtype = dtypes.narrowed_dtype(x.dtype.name)
    # Compared only with a dtype found: `numpy.dtype("float64") == None`.
    expected = _NUMPY_DTYPES.get(dtype)
    return expected is not None and x.dtype == expected


def convert_to_numpy(x):
    """Returns `x` as a `numpy.ndarray`."""
    if isinstance(x, variables.Variable):
        x = x.value
    return numpy.asarray(x)


def is_tensor(x):
    """Returns whether `x` is a NumPy array or NumPy scalar."""
    return isinstance(x, (numpy.ndarray, numpy.generic))


def shape(x):
    """Returns the shape of `x` as a tuple of ints."""
    return tuple(x.shape)


def cast(x, dtype):
    """Returns `x` converted to `dtype`."""
    return convert_to_tensor(x, dtype=dtype)


@contextlib.contextmanager
def device_scope(device_name):
    """Places computations on `device_name`: only the CPU exists here."""
    name = device_name.lower() if isinstance(device_name, str) else device_name
    if name not in ("cpu", "cpu:0", "/cpu:0", "/device:cpu:0"):
        raise ValueError(
            "The numpy backend runs on the CPU only, so the only device is "
            f"'cpu' (or 'cpu:0'). Received: device_name={device_name!r}"
        )
    yield


def _run_abstract(fn, args, kwargs, fill):
    # np.zeros maps pages lazily: big placeholders cost no memory until
    # written, and most ops only write their (usually smaller) outputs.
    def placeholder(keras_tensor):
        return numpy.zeros(
            abstract_eval.filled_shape(keras_tensor, fill),
            dtype=to_numpy_dtype(keras_tensor.dtype),
        )

    args, kwargs = abstract_eval.map_keras_tensors(placeholder, (args, kwargs))
    # Placeholders are zeros: 0 / 0 and log(0) are expected, not news.
    with numpy.errstate(all="ignore"):
        return abstract_eval.to_keras_tensors(fn(*args, **kwargs))


def compute_output_spec(fn, *args, **kwargs):
    """Returns `fn`'s outputs for KerasTensor inputs, as KerasTensors."""
    return abstract_eval.evaluate_symbolically(fn, args, kwargs, _run_abstract)


class Variable(variables.Variable):
    _convert_to_tensor = staticmethod(convert_to_tensor)
    _convert_to_numpy = staticmethod(convert_to_numpy)

    def _initialize(self, value):
        # Copy, so that the variable never aliases the caller's array.
        self._value = numpy.array(value)

    def _direct_assign(self, value):
        self._value = numpy.array(value)
