"""Core functions of the JAX backend: tensors are `jax.Array`s."""

import contextlib
import sys

import jax
import jax.numpy as jnp
import numpy

from keras_core._src.backend.common import abstract_eval
from keras_core._src.backend.common import dtypes
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common import variables
from keras_core._src.backend.common.keras_tensor import raise_if_symbolic

SUPPORTS_SPARSE_TENSORS = True
SUPPORTS_RAGGED_TENSORS = False


def _jax_sparse_module():
    # jax.experimental.sparse is slow to import; a sparse array can only
    # exist if the user imported it already.
    return sys.modules.get("jax.experimental.sparse")


def _is_jax_sparse(x):
    sparse_module = _jax_sparse_module()
    return sparse_module is not None and isinstance(x, sparse_module.JAXSparse)


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Returns `x` as a `jax.Array` (or a JAX sparse array), cast to `dtype`."""
    if ragged:
        raise ValueError(
            "The jax backend has no ragged tensors. Received: ragged=True. Pad "
            "the input, or use the tensorflow backend."
        )
    if isinstance(x, variables.Variable):
        x = x.value
    raise_if_symbolic(x)
    if dtype is not None:
        dtype = dtypes.standardize_dtype(dtype)
    if _is_jax_sparse(x):
        if sparse is False:
            x = x.todense()
        elif dtype is not None and dtypes.standardize_dtype(x.dtype) != dtype:
            return x.astype(dtype)
        else:
            return x
    if isinstance(x, jax.Array):
        if dtype is None or dtypes.standardize_dtype(x.dtype) == dtype:
            return x
        return x.astype(dtype)
    if dtype is None and not (is_tensor(x) or hasattr(x, "__array__")):
        dtype = dtypes.python_data_dtype(x)
    if dtype == "string":
        raise ValueError(
            "The jax backend has no string tensors. Received string data: "
            f"{x!r}. Encode strings as integer ids, or use the tensorflow backend."
        )
    # Arrays keep their dtype; JAX narrows 64-bit ones itself.
    return jnp.asarray(x, dtype=dtype)


def converts_to_itself(x, dtype):
    """Whether `convert_to_tensor(x, dtype)` returns `x` itself.

    A quick test the ops' dispatch uses to skip converting arguments that
    are already right; False where the answer is not quickly known.

    Args:
        x: Any value.
        dtype: A dtype name as `standardize_dtype` gives it, or None.

    Returns:
        True for a dense `jax.Array` (tracers included) of `dtype` (any
        when None).

    Example:

    >>> converts_to_itself(jnp.zeros(2, "float32"), "float32")
    True
    >>> converts_to_itself(jnp.zeros(2, "float32"), "int32")
    False
    """
    return isinstance(x, jax.Array) and (
        dtype is None or dtypes.standardize_dtype(x.dtype) == dtype
    )


def convert_to_numpy(x):
    """Returns `x` as a `numpy.ndarray` (sparse arrays are densified)."""
    if isinstance(x, variables.Variable):
        x = x.value
    if _is_jax_sparse(x):
        x = x.todense()
    return numpy.asarray(x)


def is_tensor(x):
    """Returns whether `x` is a JAX array, tracer or sparse array."""
    return isinstance(x, jax.Array) or _is_jax_sparse(x)


def shape(x):
    """Returns the shape of `x` as a tuple of ints (static under `jit`)."""
    return tuple(x.shape)


def cast(x, dtype):
    """Returns `x` converted to `dtype`."""
    return convert_to_tensor(x, dtype=dtype)


def _parse_device(device_name):
    if not isinstance(device_name, str):
        return device_name
    kind, _, index = device_name.lower().lstrip("/").partition(":")
    kind = kind.replace("device:", "")
    try:
        return jax.devices(kind)[int(index or 0)]
    except (RuntimeError, IndexError, ValueError) as error:
        available = ", ".join(
            f"{d.platform}:{d.id}" for d in jax.devices(jax.default_backend())
        )
        raise ValueError(
            f"Unknown JAX device {device_name!r} ({error}). Available devices: "
            f"{available}, and 'cpu:0'."
        ) from error


@contextlib.contextmanager
def device_scope(device_name):
    """Places new arrays and computations on `device_name` (e.g. `"gpu:0"`)."""
    with jax.default_device(_parse_device(device_name)):
        yield


def _clear_jax_caches(free_memory):
    if free_memory:
        jax.clear_caches()


global_state.register_clear_session_hook(_clear_jax_caches)


def _run_abstract(fn, args, kwargs, fill):
    keras_tensors, rebuild = abstract_eval.symbolic_inputs(args, kwargs)
    structs = [
        jax.ShapeDtypeStruct(abstract_eval.filled_shape(t, fill), t.dtype)
        for t in keras_tensors
    ]

    outputs = abstract_eval.TensorOutputs(lambda x: isinstance(x, jax.Array))

    def run_on(*abstract_values):
        call_args, call_kwargs = rebuild(*abstract_values)
        return outputs.split(fn(*call_args, **call_kwargs))

    abstract_results = jax.eval_shape(run_on, *structs)
    return abstract_eval.to_keras_tensors(outputs.join(abstract_results))


def compute_output_spec(fn, *args, **kwargs):
    """Returns `fn`'s outputs for KerasTensor inputs, as KerasTensors.

    Evaluation is abstract (`jax.eval_shape`): nothing is computed.
    """
    return abstract_eval.evaluate_symbolically(fn, args, kwargs, _run_abstract)


class Variable(variables.Variable):
    _convert_to_tensor = staticmethod(convert_to_tensor)
    _convert_to_numpy = staticmethod(convert_to_numpy)

    def _initialize(self, value):
        self._value = value

    def _direct_assign(self, value):
        self._value = value

    def __jax_array__(self):
        # Lets `jnp` functions take a Variable directly.
        return self.value
