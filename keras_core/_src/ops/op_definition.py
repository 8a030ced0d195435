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
  Ops whose output shape depends on input values (`nonzero`, `unique`)
  declare an `output_spec` rule instead, as abstract evaluation cannot know
  those shapes.

Tensor parameters hold one tensor (or None where the op makes them
optional) or, for `tensor_lists` and `*args` parameters, a sequence of
tensors (`concatenate(xs)`, `einsum(subscripts, *operands)`). The backend
entry is called with every argument in signature order: positionally, but
keyword-only parameters and the extra keywords of a `**kwargs` parameter by
keyword.

Eager calls with positional arguments only take `OpDefinition.fast_eager`:
the same steps without binding every argument by name, with dtype-rule
results cached and arguments the backend would return unchanged (native
tensors already of their compute dtype) passed as they are. It costs a few
microseconds a call; `benchmarks/op_overhead.py` measures it.

Adding an op means one decorated signature here, one function of the same
name in each backend's table, and one row in the op test table.
"""

import functools
import inspect

from keras_core._src import backend
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import narrowed_dtype
from keras_core._src.backend.common.dtypes import promotion_type
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.variables import Variable
from keras_core._src.ops.node import Node
from keras_core._src.ops.operation import Operation
from keras_core._src.tree import tree_api

# Every op declared with `backend_op`, by namespace then name.
REGISTRY = {}
_SPEC_CACHE = {}
_KEYWORD_ONLY = inspect.Parameter.KEYWORD_ONLY
_VAR_POSITIONAL = inspect.Parameter.VAR_POSITIONAL
_VAR_KEYWORD = inspect.Parameter.VAR_KEYWORD
# What `OpDefinition.fast_eager` returns for calls it leaves to the general
# path.
_GENERAL = object()
# Dtype-rule results kept per op; bounded, as statics such as `linspace`'s
# `num` take unboundedly many values.
_RULE_CACHE_SIZE = 512
# Static values a rule-cache key may hold: with their type in the key they
# compare only to themselves (`1`, `1.0` and `True` stay apart).
_PLAIN_STATIC_TYPES = frozenset((type(None), bool, int, float, str))
_WEAK_SCALAR_TYPES = frozenset((int, float, complex))
# Classes whose instances `fast_eager` has found to be tensors (their
# promotion type is their dtype object's name) or Variables (their `dtype`
# is already a name); filled as calls meet them.
_TENSOR_TYPES = set()
_VARIABLE_TYPES = set()
# Names of the dtype objects tensors carry, and their classes. Only looked
# up for those classes: strings and Python types may compare equal to a
# dtype object of another name (`numpy.dtype("int64") == int`, yet `int`
# promotes as int32).
_DTYPE_NAMES = {}
_DTYPE_CLASSES = set()


class OpCall(Operation):
    """The Operation recorded when an op is called on KerasTensors.

    Replaying it (a functional model on real tensors) calls the op again with
    the recorded arguments, tensors replaced.
    """

    def __init__(self, definition, static_arguments):
        super().__init__(name=global_state.unique_name(definition.name))
        self.definition = definition
        self.static_arguments = static_arguments

    def call(self, *args, **kwargs):
        definition = self.definition
        # Static arguments not in the replayed call come from the config (a
        # Keras file records them there, and only tensors in the node).
        given = set(definition.positional[: len(args)]) | set(kwargs)
        for name, value in self.static_arguments.items():
            if name not in given:
                kwargs[name] = value
        return definition.eager(definition.prepare(args, kwargs))

    def get_config(self):
        return {"name": self.name, **self.static_arguments}

    @classmethod
    def from_config(cls, config):
        raise TypeError(
            "OpCall configs name their op; rebuild them with `op_from_config`."
        )


# Keras records ops in functional configs under its own module names.
_KERAS_OP_MODULES = {
    "numpy_api": "keras.src.ops.numpy",
    "nn": "keras.src.ops.nn",
    "core_ops": "keras.src.ops.core",
    "math": "keras.src.ops.math",
    "linalg": "keras.src.ops.linalg",
    "image": "keras.src.ops.image",
}


def op_location(op_call):
    """`(module, class_name)` of a recorded op, as Keras configs write it."""
    definition = op_call.definition
    class_name = "".join(part.capitalize() for part in definition.name.split("_"))
    return _KERAS_OP_MODULES.get(definition.namespace), class_name


class OpFactory:
    """Rebuilds the OpCall of a declared op from a functional config."""

    def __init__(self, definition):
        self.definition = definition

    def from_config(self, config):
        config = dict(config)
        name = config.pop("name", None)
        unknown = set(config) - set(self.definition.statics)
        if unknown:
            raise ValueError(
                f"Op `{self.definition.name}` has no static arguments "
                f"{sorted(unknown)}; its config cannot be read."
            )
        op_call = OpCall(self.definition, config)
        if name:
            op_call.name = name
        return op_call


def op_factory(module, class_name):
    """The factory for a Keras op config (`module`, `class_name`), or None."""
    namespaces = [ns for ns, path in _KERAS_OP_MODULES.items() if path == module]
    snake = "".join(
        f"_{c.lower()}" if c.isupper() and i else c.lower()
        for i, c in enumerate(class_name)
    )
    for namespace in namespaces or list(REGISTRY):
        definition = REGISTRY.get(namespace, {}).get(snake)
        if definition is not None:
            return OpFactory(definition)
    return None


class OpDefinition:
    """One op: its signature, which arguments are tensors, and its rules."""

    def __init__(
        self,
        function,
        namespace,
        tensors,
        dtype_rule,
        tensor_lists,
        output_spec,
        check=None,
    ):
        self.name = function.__name__
        self.namespace = namespace
        self.signature = inspect.signature(function)
        self.parameters = list(self.signature.parameters)
        kinds = {n: p.kind for n, p in self.signature.parameters.items()}
        self.keyword_only = {n for n, kind in kinds.items() if kind == _KEYWORD_ONLY}
        self.var_positional = next(
            (n for n, kind in kinds.items() if kind == _VAR_POSITIONAL), None
        )
        self.var_keyword = next(
            (n for n, kind in kinds.items() if kind == _VAR_KEYWORD), None
        )
        self.positional = [
            n
            for n in self.parameters
            if n not in self.keyword_only and n != self.var_keyword
        ]
        if self.var_positional:
            # Only the parameters before `*args` can be given by position.
            self.positional = self.positional[
                : self.positional.index(self.var_positional)
            ]
        self.defaults = {
            name: p.default
            for name, p in self.signature.parameters.items()
            if p.default is not inspect.Parameter.empty
        }
        if self.var_positional:
            self.defaults[self.var_positional] = ()
        if self.var_keyword:
            self.defaults[self.var_keyword] = {}
        self.tensors = tuple(tensors if tensors is not None else self.parameters[:1])
        self.tensor_lists = set(tensor_lists) | (
            {self.var_positional} if self.var_positional in self.tensors else set()
        )
        self.statics = [p for p in self.parameters if p not in self.tensors]
        self.dtype_rule = dtype_rule
        # Static arguments the dtype rule reads (its keyword-only parameters).
        self.rule_statics = [
            n
            for n, p in inspect.signature(dtype_rule).parameters.items()
            if p.kind == _KEYWORD_ONLY
        ]
        self.output_spec_rule = output_spec
        self.check = check
        self._backend_function = None
        unknown = (
            set(self.tensors) | self.tensor_lists | set(self.rule_statics)
        ) - set(self.parameters)
        if unknown:
            raise ValueError(f"Op {self.name}: no parameters named {sorted(unknown)}")
        self._rule_cache = {}
        self._fast_tails = self._positional_tails() if self._has_fast_path() else None
        self._positional_index = {name: i for i, name in enumerate(self.positional)}
        self._tensor_positions = tuple(
            self.positional.index(name)
            for name in self.tensors
            if name in self.positional
        )
        # Tensors first in the signature (`add(x1, x2)`): the backend's
        # arguments are the converted tensors, then the rest as given.
        self._tensors_lead = self._tensor_positions == tuple(range(len(self.tensors)))
        self._keyword_defaults = {
            name: self.defaults[name]
            for name in self.keyword_only
            if name in self.defaults
        }
        # Where `fast_eager` finds each static the rule reads: a position
        # in the call, or None for a keyword-only parameter's default.
        self._rule_static_positions = [
            (self.positional.index(name) if name in self.positional else None, name)
            for name in self.rule_statics
        ]

    def positionalize(self, args, kwargs):
        """`args` and `kwargs` as positional arguments only, or None.

        Lets `ops.sum(x, axis=1)` take the fast path: keyword arguments
        naming positional parameters become positions (defaults fill the
        gaps). None when that cannot be done (an unknown or keyword-only
        name, a required parameter left out, no fast path at all).
        """
        if self._fast_tails is None:
            return None
        index = self._positional_index
        last = len(args) - 1
        for name in kwargs:
            position = index.get(name)
            if position is None or position < len(args):
                return None
            last = max(last, position)
        filled = list(args)
        defaults = self.defaults
        for name in self.positional[len(args) : last + 1]:
            if name in kwargs:
                filled.append(kwargs[name])
            elif name in defaults:
                filled.append(defaults[name])
            else:
                return None
        return tuple(filled)

    def _has_fast_path(self):
        """Whether positional-only calls can skip binding (see `fast_eager`)."""
        return (
            not self.var_positional
            and not self.var_keyword
            and self.check is None
            and not self.tensor_lists
            and all(name in self.positional for name in self.tensors)
            and all(name in self.defaults for name in self.keyword_only)
        )

    def _positional_tails(self):
        """For each count of positional arguments, the defaults completing
        the call, or None where a parameter without default would be left.
        """
        tails = []
        for count in range(len(self.positional) + 1):
            rest = self.positional[count:]
            complete = all(name in self.defaults for name in rest)
            tails.append(tuple(self.defaults[n] for n in rest) if complete else None)
        return tails

    def backend_function(self):
        # Looked up on first use (the backend tables may import after the
        # declarations) and kept: the backend never changes in a process
        # (`set_backend` reloads these modules).
        if self._backend_function is None:
            table = getattr(backend, self.namespace)
            self._backend_function = getattr(table, self.name)
        return self._backend_function

    def bind(self, args, kwargs):
        """Returns every argument of a call by parameter name."""
        values = dict(self.defaults)
        if len(args) > len(self.positional):
            if not self.var_positional:
                raise TypeError(
                    f"{self.name}() takes {len(self.positional)} positional "
                    f"arguments ({', '.join(self.positional)}) but {len(args)} "
                    "were given."
                )
            values[self.var_positional] = tuple(args[len(self.positional) :])
        values.update(zip(self.positional, args, strict=False))
        extra = {}
        for key, value in kwargs.items():
            if key in (self.var_positional, self.var_keyword) or (
                key not in self.parameters and not self.var_keyword
            ):
                raise TypeError(
                    f"{self.name}() got an unexpected keyword argument {key!r}. "
                    f"Its arguments are: {', '.join(self.parameters)}."
                )
            if key in self.parameters:
                values[key] = value
            else:
                extra[key] = value
        if extra:
            values[self.var_keyword] = extra
        missing = [p for p in self.parameters if p not in values]
        if missing:
            raise TypeError(f"{self.name}() is missing arguments: {missing}")
        return values

    def prepare(self, args, kwargs):
        """Binds a call's arguments and runs the op's `check`, if any."""
        values = self.bind(args, kwargs)
        if self.check is not None:
            values.update(self.check(**values) or {})
        return values

    def tensor_leaves(self, values):
        """The tensor arguments of a call, lists flattened, in order."""
        leaves = []
        for name in self.tensors:
            if name in self.tensor_lists:
                leaves.extend(values[name])
            else:
                leaves.append(values[name])
        return leaves

    def with_tensors(self, values, leaves):
        """`values` with its tensor arguments replaced by `leaves`."""
        values = dict(values)
        remaining = iter(leaves)
        for name in self.tensors:
            if name in self.tensor_lists:
                values[name] = [next(remaining) for _ in values[name]]
            else:
                values[name] = next(remaining)
        return values

    def call_backend(self, values):
        args = [values[name] for name in self.positional]
        if self.var_positional:
            args.extend(values[self.var_positional])
        kwargs = {name: values[name] for name in self.keyword_only}
        if self.var_keyword:
            kwargs.update(values[self.var_keyword])
        return self.backend_function()(*args, **kwargs)

    def dtypes(self, leaves, values):
        types = tuple(None if t is None else promotion_type(t) for t in leaves)
        statics = tuple(values[name] for name in self.rule_statics)
        return self.rule_dtypes(types, statics, leaves)

    def rule_dtypes(self, types, statics, leaves):
        """The dtype rule's `(compute, result)` for these promotion types.

        Rules are pure functions of the promotion types, the statics they
        read and floatx, so their results are cached on those (errors are
        not: each failing call raises afresh).
        """
        key = _rule_key(types, statics)
        if key is not None:
            cached = self._rule_cache.get(key)
            if cached is not None:
                return cached
        try:
            dtypes = self.dtype_rule(
                *types, **dict(zip(self.rule_statics, statics, strict=True))
            )
        except (TypeError, ValueError) as error:
            received = ", ".join(_describe(t) for t in leaves)
            raise type(error)(
                f"Op `{self.name}` cannot take inputs ({received}): {error}"
            ) from None
        if key is not None and len(self._rule_cache) < _RULE_CACHE_SIZE:
            self._rule_cache[key] = dtypes
        return dtypes

    def eager(self, values):
        leaves = self.tensor_leaves(values)
        compute_dtype, result_dtype = self.dtypes(leaves, values)
        converted = _convert_leaves(leaves, compute_dtype)
        result = self.call_backend(self.with_tensors(values, converted))
        return _with_result_dtype(result, result_dtype)

    def fast_eager(self, args):
        """`eager` for a call with positional arguments only, or `_GENERAL`.

        The common case (tensors given by position, statics left at their
        defaults or given by position) without building the dict of every
        argument. Calls it cannot take the same way as `eager` (more
        arguments than parameters, a missing one, a KerasTensor, an op with
        `*args`, `**kwargs`, tensor lists or a `check`) get `_GENERAL`
        before anything is read or computed.
        """
        tails = self._fast_tails
        if tails is None or len(args) >= len(tails):
            return _GENERAL
        tail = tails[len(args)]
        if tail is None:
            return _GENERAL
        full = args + tail if tail else args
        if self._tensors_lead:
            leaves = full[: len(self.tensors)]
        else:
            leaves = tuple(full[position] for position in self._tensor_positions)
        types = []
        for leaf in leaves:
            cls = type(leaf)
            if cls in _TENSOR_TYPES:
                dtype = leaf.dtype
                name = (
                    _DTYPE_NAMES.get(dtype) if type(dtype) in _DTYPE_CLASSES else None
                )
                types.append(name or _dtype_name(dtype))
            elif cls in _VARIABLE_TYPES:
                types.append(leaf.dtype)
            elif cls in _WEAK_SCALAR_TYPES:
                types.append(cls)
            elif leaf is None:
                types.append(None)
            elif isinstance(leaf, KerasTensor):
                return _GENERAL
            else:
                types.append(_promotion_type(leaf))
        statics = ()
        if self._rule_static_positions:
            statics = tuple(
                self.defaults[name] if position is None else full[position]
                for position, name in self._rule_static_positions
            )
        types = tuple(types)
        # The rule cache looked up here for the common key (no statics),
        # saving a call; `rule_dtypes` fills it.
        cached = None if statics else self._rule_cache.get((floatx(), types))
        if cached is None:
            cached = self.rule_dtypes(types, statics, leaves)
        compute_dtype, result_dtype = cached
        if type(compute_dtype) is str:
            # `_convert_leaves` for one compute dtype, inlined: this loop
            # is most of the cost of a call.
            core = backend.core
            converts_to_itself = core.converts_to_itself
            converted = []
            for leaf in leaves:
                if type(leaf) in _VARIABLE_TYPES:
                    leaf = leaf.value
                if leaf is None or converts_to_itself(leaf, compute_dtype):
                    converted.append(leaf)
                else:
                    converted.append(core.convert_to_tensor(leaf, dtype=compute_dtype))
        else:
            converted = _convert_leaves(leaves, compute_dtype)
        function = self._backend_function or self.backend_function()
        if not self._tensors_lead:
            call_args = list(full)
            for position, tensor in zip(self._tensor_positions, converted, strict=True):
                call_args[position] = tensor
            result = function(*call_args, **self._keyword_defaults)
        elif len(full) == len(converted) and not self._keyword_defaults:
            result = function(*converted)
        else:
            result = function(
                *converted, *full[len(converted) :], **self._keyword_defaults
            )
        if type(result) in _TENSOR_TYPES and type(result_dtype) is str:
            # `_with_result_dtype` inlined for a result already of its dtype.
            dtype = result.dtype
            if (
                type(dtype) in _DTYPE_CLASSES
                and _DTYPE_NAMES.get(dtype) == result_dtype
            ):
                return result
        return _with_result_dtype(result, result_dtype)

    def symbolic(self, args, kwargs, values):
        leaves = self.tensor_leaves(values)
        compute_dtype, result_dtype = self.dtypes(leaves, values)
        specs = [
            None if t is None else _input_spec(t, dtype)
            for t, dtype in zip(leaves, _per_leaf(compute_dtype, leaves), strict=True)
        ]
        spec = self.output_spec(values, specs)
        outputs = _map_tensors(spec, result_dtype, _symbolic_output)
        statics = {name: values[name] for name in self.statics}
        Node(OpCall(self, statics), call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def output_spec(self, values, specs):
        statics = {name: values[name] for name in self.statics}
        try:
            key = (
                self.namespace,
                self.name,
                tuple(
                    None if s is None else (s.shape, s.dtype, s.sparse) for s in specs
                ),
                _frozen(statics),
            )
            hash(key)
            if any(callable(value) for value in statics.values()):
                key = None  # a fresh lambda each call would fill the cache
        except TypeError:
            key = None
        cached = _SPEC_CACHE.get(key) if key is not None else None
        if cached is None:
            cached = self._evaluate_spec(values, specs)
            if key is not None:
                _SPEC_CACHE[key] = cached
        return cached

    def _evaluate_spec(self, values, specs):
        if self.output_spec_rule is not None:
            return self.output_spec_rule(**self.with_tensors(values, specs))
        present = [s for s in specs if s is not None]

        def evaluate(*tensors):
            remaining = iter(tensors)
            leaves = [None if s is None else next(remaining) for s in specs]
            return self.call_backend(self.with_tensors(values, leaves))

        return backend.core.compute_output_spec(evaluate, *present)


def _frozen(value):
    """`value` hashable where it can be: lists as tuples, dicts as items."""
    if isinstance(value, dict):
        return tuple((key, _frozen(item)) for key, item in sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    return value


def _rule_key(types, statics):
    """The rule-cache key of a call, or None where a static is not plain."""
    if not statics:
        return floatx(), types
    for value in statics:
        if type(value) not in _PLAIN_STATIC_TYPES and not isinstance(value, type):
            return None
    return floatx(), types, tuple((type(value), value) for value in statics)


def _promotion_type(value):
    """`promotion_type(value)`; learns the classes of tensors and Variables.

    Not for KerasTensors (`fast_eager` leaves those to the general path).
    """
    if isinstance(value, (list, tuple, bool, str)):
        return promotion_type(value)
    if isinstance(value, Variable):
        _VARIABLE_TYPES.add(type(value))
        return value.dtype
    try:
        dtype = value.dtype
    except AttributeError:
        return promotion_type(value)
    if not isinstance(dtype, (str, type)):
        _TENSOR_TYPES.add(type(value))
    return _dtype_name(dtype)


def _dtype_name(dtype):
    """`standardize_dtype(dtype)`, remembered for dtype objects."""
    if type(dtype) in _DTYPE_CLASSES:
        name = _DTYPE_NAMES.get(dtype)
        if name is not None:
            return name
    name = standardize_dtype(dtype)
    if not isinstance(dtype, (str, type)) and type(dtype).__hash__ is not None:
        _DTYPE_CLASSES.add(type(dtype))
        _DTYPE_NAMES[dtype] = name
    return name


def _convert_leaves(leaves, compute_dtype):
    """The tensor leaves as backend tensors of their compute dtypes.

    Leaves the backend would return unchanged (a native tensor already of
    its dtype, a Variable's value) are kept without calling the conversion.
    """
    core = backend.core
    converts_to_itself = core.converts_to_itself
    converted = []
    for leaf, dtype in zip(leaves, _per_leaf(compute_dtype, leaves), strict=True):
        if leaf is None:
            converted.append(None)
            continue
        if isinstance(leaf, Variable):
            leaf = leaf.value
        # Only names and None: other dtype forms are left to the conversion
        # (and its errors).
        if (dtype is None or type(dtype) is str) and converts_to_itself(leaf, dtype):
            converted.append(leaf)
        else:
            converted.append(core.convert_to_tensor(leaf, dtype=dtype))
    return converted


def _with_result_dtype(result, result_dtype):
    """The backend's result cast to the rule's result dtype(s)."""
    if type(result_dtype) is str and type(result) in _TENSOR_TYPES:
        return _cast(result, result_dtype)
    if result_dtype is None:
        return result
    if hasattr(result, "dtype"):
        (result_dtype,) = _per_leaf(result_dtype, [result])
        return _cast(result, result_dtype)
    return _map_tensors(result, result_dtype, _cast)


def _per_leaf(dtype, leaves):
    """One compute dtype per tensor leaf: a rule gives one for all or a list."""
    if isinstance(dtype, (tuple, list)):
        return dtype
    return [dtype] * len(leaves)


def _cast(tensor, dtype):
    if dtype is None or _dtype_name(tensor.dtype) == dtype:
        return tensor
    return backend.core.cast(tensor, dtype)


def _symbolic_output(spec, dtype):
    return KerasTensor(spec.shape, dtype=dtype or spec.dtype, sparse=spec.sparse)


def _map_tensors(structure, dtype, function):
    """Applies `function(leaf, dtype)` to each tensor leaf of an op's output.

    `dtype` is one dtype (or None) for all leaves, or a list, one per leaf,
    for ops whose outputs differ (`unique` values and int32 counts).
    """
    leaves = tree_api.flatten(structure)
    tensors = [i for i, leaf in enumerate(leaves) if hasattr(leaf, "dtype")]
    dtypes = _per_leaf(dtype, tensors)
    for index, leaf_dtype in zip(tensors, dtypes, strict=True):
        leaves[index] = function(leaves[index], leaf_dtype)
    return tree_api.pack_sequence_as(structure, leaves)


def _describe(value):
    if hasattr(value, "dtype") and hasattr(value, "shape"):
        return f"{standardize_dtype(value.dtype)} of shape {tuple(value.shape)}"
    return repr(value)


def _input_spec(value, compute_dtype):
    if isinstance(value, KerasTensor):
        # As eager conversion would hold it (float64 is float32 on jax).
        dtype = compute_dtype or narrowed_dtype(value.dtype)
        return KerasTensor(value.shape, dtype=dtype, sparse=value.sparse)
    shape = tuple(getattr(value, "shape", ()))
    if not shape and isinstance(value, (list, tuple)):
        shape = _nested_list_shape(value)
    dtype = compute_dtype or narrowed_dtype(standardize_dtype(promotion_type(value)))
    return KerasTensor(shape, dtype=dtype)


def _nested_list_shape(value):
    shape = []
    while isinstance(value, (list, tuple)):
        shape.append(len(value))
        value = value[0] if value else None
    return tuple(shape)


def backend_op(
    namespace, dtype_rule, tensors=None, tensor_lists=(), output_spec=None, check=None
):
    """Declares an op computed by the backend table entry of the same name.

    Args:
        namespace: The backend table (`"numpy"`, `"nn"`, ...).
        dtype_rule: A rule from `dtype_rules`: takes the promotion type of
            each tensor leaf (None for an absent optional tensor) and, as
            keyword-only parameters, any static arguments it needs (such
            as `dtype`); returns `(compute_dtype, result_dtype)`, each one
            dtype or None, or a list with one per tensor leaf / output.
        tensors: Names of the tensor parameters; the first one by default.
            `()` for ops that make tensors from static arguments (`zeros`).
        tensor_lists: Those of `tensors` that hold a sequence of tensors
            (`*args` tensor parameters always do).
        output_spec: For ops whose output shape depends on input values:
            called with every argument by name (tensors as KerasTensors),
            returns the output KerasTensors.
        check: Validates a call before dispatch, eager or symbolic:
            called with every argument by name (as given: arrays, tensors
            or KerasTensors), it raises a clear error for shapes the op
            cannot take, so every backend reports it the same way. It may
            return a dict of replaced arguments (a target's extra length-1
            axis dropped), or None.
    """

    def declare(function):
        definition = OpDefinition(
            function, namespace, tensors, dtype_rule, tensor_lists, output_spec, check
        )

        fast_eager = definition.fast_eager

        positionalize = definition.positionalize

        @functools.wraps(function)
        def op(*args, **kwargs):
            if kwargs:
                positional = positionalize(args, kwargs)
                if positional is not None:
                    result = fast_eager(positional)
                    if result is not _GENERAL:
                        return result
            else:
                result = fast_eager(args)
                if result is not _GENERAL:
                    return result
            values = definition.prepare(args, kwargs)
            leaves = definition.tensor_leaves(values)
            if any(isinstance(t, KerasTensor) for t in leaves):
                return definition.symbolic(args, kwargs, values)
            return definition.eager(values)

        op.definition = definition
        REGISTRY.setdefault(namespace, {})[definition.name] = definition
        return op

    return declare
