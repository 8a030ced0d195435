"""Core functions of the PyTorch backend: tensors are `torch.Tensor`s.

New tensors go to the default device: the one set with `keras_core.device`,
else CUDA when available, else Apple MPS when available, else the CPU.
"""

import contextlib
import threading

import ml_dtypes
import numpy
import torch

from keras_core._src.backend.common import abstract_eval
from keras_core._src.backend.common import dtypes
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common import variables
from keras_core._src.backend.common.keras_tensor import raise_if_symbolic

SUPPORTS_SPARSE_TENSORS = False
SUPPORTS_RAGGED_TENSORS = False

_TORCH_DTYPES = {
    name: getattr(torch, name)
    for name in dtypes.ALLOWED_DTYPES
    if name != "string" and hasattr(torch, name)
}
# NumPy cannot hold these; they cross to and from NumPy through float32.
_VIA_FLOAT32 = ("bfloat16", "float8_e4m3fn", "float8_e5m2")


def to_torch_dtype(dtype):
    """Returns the `torch.dtype` for any dtype `standardize_dtype` accepts."""
    name = dtypes.standardize_dtype(dtype)
    if name not in _TORCH_DTYPES:
        raise ValueError(
            f"The torch backend does not support dtype {name!r}. Supported: "
            f"{sorted(_TORCH_DTYPES)}."
        )
    return _TORCH_DTYPES[name]


def _default_device_name():
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


_DEFAULT_DEVICE = torch.device(_default_device_name())
_DEFAULT_IS_CPU = _DEFAULT_DEVICE.type == "cpu"


# Device scopes open in all threads together: while none is, the device of
# new tensors is the default one, without a per-thread look-up.
_open_device_scopes = 0
_device_scopes_lock = threading.Lock()


def get_device():
    """The device new tensors are placed on."""
    scoped = global_state.get_global_attribute("torch_device")
    return _DEFAULT_DEVICE if scoped is None else scoped


def _from_numpy(array, dtype):
    array = numpy.asarray(array)
    source_dtype = dtypes.standardize_dtype(array.dtype)
    if source_dtype in _VIA_FLOAT32:
        tensor = torch.as_tensor(array.astype("float32"), device=get_device())
        return tensor.to(to_torch_dtype(dtype or source_dtype))
    if not array.flags.writeable:
        array = array.copy()
    tensor = torch.as_tensor(array, device=get_device())
    return tensor if dtype is None else tensor.to(to_torch_dtype(dtype))


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Returns `x` as a `torch.Tensor` on the default device, cast to `dtype`."""
    if sparse:
        raise ValueError(
            "The torch backend does not support sparse tensors. Received: "
            "sparse=True. Densify the input, or use the jax or tensorflow backend."
        )
    if ragged:
        raise ValueError(
            "The torch backend has no ragged tensors. Received: ragged=True. Pad "
            "the input, or use the tensorflow backend."
        )
    if isinstance(x, variables.Variable):
        x = x.value
    raise_if_symbolic(x)
    if dtype is not None:
        dtype = dtypes.standardize_dtype(dtype)
    if isinstance(x, torch.Tensor):
        device = get_device()
        if x.device != device:
            x = x.to(device)
        if dtype is not None and x.dtype != to_torch_dtype(dtype):
            x = x.to(to_torch_dtype(dtype))
        return x
    if isinstance(x, numpy.ndarray) or (
        hasattr(x, "__array__") and not isinstance(x, numpy.generic)
    ):
        return _from_numpy(x, dtype)
    if dtype is None:
        dtype = dtypes.python_data_dtype(x)
    if isinstance(x, numpy.generic):
        return _from_numpy(numpy.asarray(x), dtype)
    return torch.as_tensor(x, dtype=to_torch_dtype(dtype), device=get_device())


def converts_to_itself(x, dtype):
    """Whether `convert_to_tensor(x, dtype)` returns `x` itself.

    A quick test the ops' dispatch uses to skip converting arguments that
    are already right; False where the answer is not quickly known.

    Args:
        x: Any value.
        dtype: A dtype name as `standardize_dtype` gives it, or None.

    Returns:
        True for a `torch.Tensor` of `dtype` (any when None) on the device
        new tensors go to.

    Example:

    >>> converts_to_itself(torch.zeros(2, device=get_device()), "float32")
    True
    >>> converts_to_itself(torch.zeros(2, device=get_device()), "int32")
    False
    """
    if not isinstance(x, torch.Tensor):
        return False
    if dtype is not None and x.dtype is not _TORCH_DTYPES.get(dtype):
        return False
    if _open_device_scopes:
        return x.device == get_device()
    # `is_cpu` is quicker than making a `torch.device` to compare.
    return x.is_cpu if _DEFAULT_IS_CPU else x.device == _DEFAULT_DEVICE


def convert_to_numpy(x):
    """Returns `x` as a `numpy.ndarray`, detached and copied to the CPU."""
    if isinstance(x, variables.Variable):
        x = x.value
    if not isinstance(x, torch.Tensor):
        return numpy.asarray(x)
    x = x.detach()
    if x.device.type != "cpu":
        x = x.cpu()
    name = dtypes.standardize_dtype(x.dtype)
    if name in _VIA_FLOAT32:
        return x.float().numpy().astype(getattr(ml_dtypes, name))
    return x.numpy()


def is_tensor(x):
    """Returns whether `x` is a `torch.Tensor`."""
    return torch.is_tensor(x)


def shape(x):
    """Returns the shape of `x` as a tuple of ints."""
    return tuple(x.shape)


def cast(x, dtype):
    """Returns `x` converted to `dtype`."""
    return convert_to_tensor(x, dtype=dtype)


def _parse_device(device_name):
    if isinstance(device_name, torch.device):
        return device_name
    if not isinstance(device_name, str):
        raise ValueError(
            "`device_name` must be a string such as 'cpu', 'gpu:0' or 'cuda:1'. "
            f"Received: device_name={device_name!r}"
        )
    name = device_name.lower().lstrip("/").replace("device:", "")
    kind, _, index = name.partition(":")
    kind = "cuda" if kind == "gpu" else kind
    try:
        return torch.device(f"{kind}:{index}" if index else kind)
    except RuntimeError as error:
        raise ValueError(
            f"Unknown torch device {device_name!r} ({error}). Use 'cpu', "
            "'gpu:N' or 'cuda:N', or 'mps'."
        ) from error


@contextlib.contextmanager
def device_scope(device_name):
    """Places new tensors on `device_name` (`"cpu"`, `"gpu:0"`, `"cuda:1"`)."""
    global _open_device_scopes
    previous = global_state.get_global_attribute("torch_device")
    global_state.set_global_attribute("torch_device", _parse_device(device_name))
    with _device_scopes_lock:
        _open_device_scopes += 1
    try:
        yield
    finally:
        global_state.set_global_attribute("torch_device", previous)
        with _device_scopes_lock:
            _open_device_scopes -= 1


def _release_cuda_memory(free_memory):
    if free_memory and torch.cuda.is_available():
        torch.cuda.empty_cache()


global_state.register_clear_session_hook(_release_cuda_memory)


def _run_abstract(fn, args, kwargs, fill):
    def on_device(device):
        def placeholder(keras_tensor):
            return torch.zeros(
                abstract_eval.filled_shape(keras_tensor, fill),
                dtype=to_torch_dtype(keras_tensor.dtype),
                device=device,
            )

        return abstract_eval.map_keras_tensors(placeholder, (args, kwargs))

    with torch.no_grad():
        call_args, call_kwargs = on_device("meta")
        try:
            outputs = fn(*call_args, **call_kwargs)
        except (NotImplementedError, RuntimeError):
            # Some kernels have no meta implementation: run them for real
            # on the CPU (zeros are cheap to allocate lazily).
            call_args, call_kwargs = on_device("cpu")
            outputs = fn(*call_args, **call_kwargs)
    return abstract_eval.to_keras_tensors(outputs)


def compute_output_spec(fn, *args, **kwargs):
    """Returns `fn`'s outputs for KerasTensor inputs, as KerasTensors.

    Evaluation runs on PyTorch's `meta` device: shapes only, no data.
    """
    return abstract_eval.evaluate_symbolically(fn, args, kwargs, _run_abstract)


class Variable(variables.Variable):
    _convert_to_tensor = staticmethod(convert_to_tensor)
    _convert_to_numpy = staticmethod(convert_to_numpy)

    def _initialize(self, value):
        # Clone: the tensor may share memory with the caller's NumPy array.
        requires_grad = self._trainable and (
            value.is_floating_point() or value.is_complex()
        )
        self._value = torch.nn.Parameter(
            value.detach().clone(), requires_grad=requires_grad
        )

    def _direct_assign(self, value):
        if self._value.requires_grad:
            with torch.no_grad():
                self._value.copy_(value)
        else:
            self._value.copy_(value)

    def _direct_assign_add(self, value):
        if self._value.requires_grad:
            with torch.no_grad():
                self._value.add_(value)
        else:
            self._value.add_(value)
        return self._value

    def _on_trainable_change(self, trainable):
        if self._value is not None and (
            self._value.is_floating_point() or self._value.is_complex()
        ):
            self._value.requires_grad_(trainable)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        # Lets torch functions take a Variable: use its current value.
        def unwrap(x):
            if isinstance(x, Variable):
                return x.value
            if isinstance(x, (list, tuple)):
                return type(x)(unwrap(item) for item in x)
            return x

        kwargs = {k: unwrap(v) for k, v in (kwargs or {}).items()}
        return func(*unwrap(args), **kwargs)
