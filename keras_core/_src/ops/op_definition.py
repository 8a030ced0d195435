"""Declaring an op once: `@backend_op` turns a documented signature into an op.

The decorated function gives the public name, signature and docstring; its
body is not run. The decorator builds the function users call:

- eager inputs: the dtype rule (see `dtype_rules`) gives the compute and
  result dtypes from the one promotion table, tensor arguments are converted
  to the compute dtype, and the active backend's table entry of the same name
  computes the result;
- symbolic inputs (any KerasTensor): the output shape comes from abstract
  evaluation of that same backend entry (cached per op, input specs and
  static arguments), the dtype from the rule, and a Node records the call.

Adding an op means one decorated signature here, one function of the same
name in each backend's table, and one row in the op test table.
"""

import functools
import inspect

from keras_core._src import backend
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import promotion_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.node import Node
from keras_core._src.ops.operation import Operation

# Every op declared with `backend_op`, by namespace then name.
REGISTRY = {}
_SPEC_CACHE = {}


class OpCall(Operation):
    """The Operation recorded when an op is called on KerasTensors."""

    def __init__(self, definition, static_arguments):
        super().__init__(name=global_state.unique_name(definition.name))
        self.definition = definition
        self.static_arguments = static_arguments

    def call(self, *tensors):
        return self.definition.eager(tensors, self.static_arguments)

    def get_config(self):
        return {"name": self.name, **self.static_arguments}


class OpDefinition:
    """One op: its signature, which arguments are tensors, and its dtype rule."""

    def __init__(self, function, namespace, tensors, dtype_rule):
        self.name = function.__name__
        self.namespace = namespace
        self.signature = inspect.signature(function)
        self.parameters = list(self.signature.parameters)
        self.defaults = {
            name: p.default
            for name, p in self.signature.parameters.items()
            if p.default is not inspect.Parameter.empty
        }
        self.tensors = tensors or (self.parameters[0],)
        self.statics = [p for p in self.parameters if p not in self.tensors]
        self.dtype_rule = dtype_rule
        self._backend_function = None
        unknown = set(self.tensors) - set(self.parameters)
        if unknown:
            raise ValueError(f"Op {self.name}: no parameters named {sorted(unknown)}")

    def backend_function(self):
        # Looked up on first use (the backend tables may import after the
        # declarations) and kept: the backend never changes in a process
        # (`set_backend` reloads these modules).
        if self._backend_function is None:
            table = getattr(backend, self.namespace)
            self._backend_function = getattr(table, self.name)
        return self._backend_function

    def bind(self, args, kwargs):
        """Returns (tensor arguments, static arguments) of a call."""
        if len(args) > len(self.parameters):
            raise TypeError(
                f"{self.name}() takes {len(self.parameters)} arguments "
                f"({', '.join(self.parameters)}) but {len(args)} were given."
            )
        values = dict(self.defaults)
        values.update(zip(self.parameters, args, strict=False))
        for key, value in kwargs.items():
            if key not in values and key not in self.parameters:
                raise TypeError(
                    f"{self.name}() got an unexpected keyword argument {key!r}. "
                    f"Its arguments are: {', '.join(self.parameters)}."
                )
            values[key] = value
        missing = [p for p in self.parameters if p not in values]
        if missing:
            raise TypeError(f"{self.name}() is missing arguments: {missing}")
        tensors = tuple(values[name] for name in self.tensors)
        return tensors, {name: values[name] for name in self.statics}

    def dtypes(self, tensors):
        try:
            return self.dtype_rule(*(promotion_type(t) for t in tensors))
        except (TypeError, ValueError) as error:
            received = ", ".join(_describe(t) for t in tensors)
            raise type(error)(
                f"Op `{self.name}` cannot take inputs ({received}): {error}"
            ) from None

    def eager(self, tensors, statics):
        compute_dtype, result_dtype = self.dtypes(tensors)
        converted = [
            backend.core.convert_to_tensor(t, dtype=compute_dtype) for t in tensors
        ]
        result = self.backend_function()(*converted, **statics)
        if result_dtype is not None and standardize_dtype(result.dtype) != result_dtype:
            result = backend.core.cast(result, result_dtype)
        return result

    def symbolic(self, args, kwargs, tensors, statics):
        compute_dtype, result_dtype = self.dtypes(tensors)
        specs = tuple(_input_spec(t, compute_dtype) for t in tensors)
        spec = self.output_spec(specs, statics)
        output = KerasTensor(spec.shape, dtype=result_dtype or spec.dtype)
        Node(OpCall(self, statics), call_args=args, call_kwargs=kwargs, outputs=output)
        return output

    def output_spec(self, specs, statics):
        try:
            key = (
                self.namespace,
                self.name,
                tuple((s.shape, s.dtype, s.sparse) for s in specs),
                tuple(sorted(statics.items())),
            )
            hash(key)
        except TypeError:
            key = None
        cached = _SPEC_CACHE.get(key) if key is not None else None
        if cached is None:
            function = self.backend_function()
            cached = backend.core.compute_output_spec(
                lambda *tensors: function(*tensors, **statics), *specs
            )
            if key is not None:
                _SPEC_CACHE[key] = cached
        return cached


def _describe(value):
    if hasattr(value, "dtype") and hasattr(value, "shape"):
        return f"{standardize_dtype(value.dtype)} of shape {tuple(value.shape)}"
    return repr(value)


def _input_spec(value, compute_dtype):
    if isinstance(value, KerasTensor):
        dtype = compute_dtype or value.dtype
        return KerasTensor(value.shape, dtype=dtype, sparse=value.sparse)
    shape = tuple(getattr(value, "shape", ()))
    dtype = compute_dtype or standardize_dtype(promotion_type(value))
    return KerasTensor(shape, dtype=dtype)


def backend_op(namespace, dtype_rule, tensors=None):
    """Declares an op computed by the backend table entry of the same name.

    Args:
        namespace: The backend table (`"numpy"`, `"nn"`, ...).
        dtype_rule: A rule from `dtype_rules`.
        tensors: Names of the tensor parameters; the first one by default.
    """

    def declare(function):
        definition = OpDefinition(function, namespace, tensors, dtype_rule)

        @functools.wraps(function)
        def op(*args, **kwargs):
            tensor_args, statics = definition.bind(args, kwargs)
            if any(isinstance(t, KerasTensor) for t in tensor_args):
                return definition.symbolic(args, kwargs, tensor_args, statics)
            return definition.eager(tensor_args, statics)

        op.definition = definition
        REGISTRY.setdefault(namespace, {})[definition.name] = definition
        return op

    return declare
