"""`Layer`: the building block of models, on every backend.

A layer holds state (variables, sub-layers, metrics, seed generators)
found automatically in its attributes, builds that state lazily from the
shape of its first input, and computes in `call`. `__call__` wraps `call`
with what every layer needs: input conversion and mixed-precision casts,
the lazy build, `input_spec` checks, the `training` flag passed down from
the outermost call, masks, name scopes and the activity regularizer.

The eager path of `__call__` is the hot path of PyTorch code (a layer is
called once per step per layer, outside any compiler): it does no tree
traversal or signature binding for the common single-tensor call, and
every per-class fact it needs is computed once per class
(`layer_arguments.CallInfo`).
"""

import functools
import inspect

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.scopes import AutocastScope
from keras_core._src.backend.common.scopes import current_path
from keras_core._src.backend.common.scopes import get_autocast_scope
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.backend.common.variables import Variable
from keras_core._src.layers import auto_config
from keras_core._src.layers import call_context
from keras_core._src.layers import input_spec as input_spec_lib
from keras_core._src.layers import layer_arguments
from keras_core._src.layers import remat
from keras_core._src.layers.layer_state import LayerStateMixin
from keras_core._src.ops.node import Node
from keras_core._src.ops.operation import Operation
from keras_core._src.ops.operation import any_symbolic_tensors
from keras_core._src.random.seed_generator import SeedGenerator
from keras_core._src.tree import tree_api
from keras_core._src.utils.tracking import TrackedDict
from keras_core._src.utils.tracking import TrackedList

_LEGACY_KWARGS = {
    "input_shape",
    "input_dim",
    "batch_input_shape",
    "batch_size",
    "weights",
}
_STATE_ERROR = (
    "You cannot add new elements of state (variables or sub-layers) to a layer "
    "that is already built. All state must be created in the `__init__()` "
    "method or in the `build()` method."
)

# Native dtype object -> standardized name, so the hot path never parses.
_DTYPE_NAMES = {}
# Types `backend.core.is_tensor` accepted: a set lookup on the hot path.
_NATIVE_TENSOR_TYPES = set()


def _dtype_name(dtype):
    name = _DTYPE_NAMES.get(dtype)
    if name is None:
        name = _DTYPE_NAMES[dtype] = standardize_dtype(dtype)
    return name


def _only_flags(kwargs):
    # `training=False` and the like: nothing `convert_input` would change.
    return all(value is None or type(value) is bool for value in kwargs.values())


def _is_native_tensor(value):
    kind = type(value)
    if kind in _NATIVE_TENSOR_TYPES:
        return True
    if backend.core.is_tensor(value):
        _NATIVE_TENSOR_TYPES.add(kind)
        return True
    return False


def _has_keras_tensor(args, kwargs):
    for value in args:
        if isinstance(value, KerasTensor) or (
            isinstance(value, (list, tuple, dict)) and any_symbolic_tensors((value,))
        ):
            return True
    for value in kwargs.values():
        if isinstance(value, KerasTensor) or (
            isinstance(value, (list, tuple, dict)) and any_symbolic_tensors((value,))
        ):
            return True
    return False


def _is_default(method, base_method):
    return getattr(method, "__func__", method) is base_method


def _wrap_build(build_method):
    """Makes a subclass's `build` set `built`, record shapes and lock state."""

    @functools.wraps(build_method)
    def build(self, *args, **kwargs):
        if self.__dict__.get("_building"):
            # `super().build(...)` from inside another build: just run it.
            return build_method(self, *args, **kwargs)
        object.__setattr__(self, "_building", True)
        try:
            with name_scope(self.name, caller=self):
                result = build_method(self, *args, **kwargs)
        finally:
            object.__setattr__(self, "_building", False)
        self._record_build_shapes(build_method, args, kwargs)
        self._mark_built()
        return result

    build._keras_wrapped_build = True
    return build


@keras_public("keras", "keras.layers")
class Layer(backend.BackendLayer, LayerStateMixin, Operation):
    """The base class of all layers: state, lazy build and `call`.

    Subclass it and implement `call(inputs, ...)`; create weights in
    `build(input_shape)` with `add_weight` (or in `__init__` when their
    shape does not depend on the input). Sub-layers, variables, metrics and
    seed generators assigned to attributes (also inside lists and dicts)
    are tracked: their weights appear in `weights`, their losses in
    `losses`. On the torch backend a layer is also a `torch.nn.Module`.

    Args:
        activity_regularizer: A regularizer applied to the layer's outputs;
            its value (divided by the batch size) is added to `losses`.
        trainable: Whether the layer's weights are updated in training.
        dtype: A dtype policy or its name (`"float32"`, `"mixed_float16"`,
            ...): the dtype of computations and of weights. The global
            policy by default.
        autocast: Whether float inputs are cast to the compute dtype and,
            under mixed precision, float weights are read in it.
        name: The layer's name, unique by default.
        **kwargs: Legacy arguments `input_shape`, `input_dim`,
            `batch_input_shape`, `batch_size` (read by `Sequential`) and
            `weights` (set when the layer is built).

    Example:

    >>> class Scale(keras_core.layers.Layer):
    ...     def build(self, input_shape):
    ...         self.scale = self.add_weight(shape=(input_shape[-1],),
    ...                                      initializer="ones")
    ...     def call(self, inputs):
    ...         return inputs * self.scale
    >>> layer = Scale()
    >>> layer(numpy.ones((2, 3))).shape
    (2, 3)
    >>> [w.path for w in layer.weights]
    ['scale/variable']
    """

    def __new__(cls, *args, **kwargs):
        instance = super().__new__(cls)
        object.__setattr__(
            instance,
            "_auto_config",
            auto_config.capture_init_arguments(cls, args, kwargs),
        )
        return instance

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        build_method = cls.__dict__.get("build")
        if build_method is not None and not getattr(
            build_method, "_keras_wrapped_build", False
        ):
            cls.build = _wrap_build(build_method)
        # Computed on first call (the class body may still be changing).
        cls._call_info = None

    def __init__(
        self,
        *,
        activity_regularizer=None,
        trainable=True,
        dtype=None,
        autocast=True,
        name=None,
        **kwargs,
    ):
        self._backend_init()
        unknown = set(kwargs) - _LEGACY_KWARGS
        if unknown:
            raise ValueError(
                f"Unrecognized keyword arguments passed to {type(self).__name__}: "
                f"{ {key: kwargs[key] for key in sorted(unknown)} }. Check the "
                "spelling; the layer accepts its documented arguments only."
            )
        Operation.__init__(self, name=name)
        if not isinstance(trainable, bool):
            raise TypeError(
                f"Argument `trainable` of {type(self).__name__} must be a "
                f"boolean. Received: trainable={trainable!r}"
            )
        state = self.__dict__
        state["_layers"] = []
        state["_trainable_variables"] = []
        state["_non_trainable_variables"] = []
        state["_metrics"] = []
        state["_seed_generators"] = []
        state["_losses"] = []
        state["_loss_ids"] = set()
        state["_building"] = False
        state["_called_once"] = False
        state["_build_shapes_dict"] = None
        state["_trainable"] = trainable
        state["_input_spec"] = None
        state["_path"] = layer_arguments.join_path(current_path(), self.name)
        state["_tracking_ready"] = True
        self.built = False
        self.autocast = bool(autocast)
        self._dtype_policy = _resolve_policy(dtype)
        from keras_core._src import regularizers

        self.activity_regularizer = regularizers.get(activity_regularizer)
        self._supports_masking = not _is_default(
            type(self).compute_mask, Layer.compute_mask
        )
        self._input_shape_arg = layer_arguments.legacy_input_shape(kwargs)
        self._initial_weights = kwargs.get("weights")
        self._convert_input_args = True
        self._allow_non_tensor_positional_args = False

    # Attribute tracking.

    def __setattr__(self, name, value):
        if "_tracking_ready" in self.__dict__ and not name.startswith("__"):
            # Any change may affect what the fast call path skips.
            self.__dict__["_fast_dtype"] = None
            previous = self.__dict__.get(name)
            if previous is not None and previous is not value:
                self._release_if_unreferenced(name, previous)
            value = self._track_value(value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        value = self.__dict__.get(name)
        object.__delattr__(self, name)
        if value is not None:
            self._untrack_value(value)

    def _release_if_unreferenced(self, name, previous):
        if not isinstance(previous, (Layer, Variable, SeedGenerator)):
            return
        for key, other in self.__dict__.items():
            if key != name and other is previous:
                return
        self._untrack_value(previous)

    def _check_state_unlocked(self):
        if self.built and not self._building:
            raise ValueError(f"Layer '{self.name}': {_STATE_ERROR}")

    def _track_value(self, value):
        if isinstance(value, Variable):
            if not any(value is v for v in self._all_own_variables()):
                self._check_state_unlocked()
                self._track_variable(value)
        elif isinstance(value, Layer):
            if value is not self and not any(value is v for v in self._layers):
                self._check_state_unlocked()
                self._layers.append(value)
                self._backend_track_layer(value)
        elif getattr(type(value), "_keras_tracking_kind", None) == "metric":
            if not any(value is m for m in self._metrics):
                self._metrics.append(value)
        elif isinstance(value, SeedGenerator):
            if not any(value is s for s in self._seed_generators):
                self._seed_generators.append(value)
        elif type(value) is list:
            return TrackedList(value, owner=self)
        elif type(value) is dict:
            return TrackedDict(value, owner=self)
        elif type(value) is tuple:
            return tuple(self._track_value(item) for item in value)
        return value

    def _untrack_value(self, value):
        if isinstance(value, Variable):
            for collection in (
                self._trainable_variables,
                self._non_trainable_variables,
            ):
                for index, variable in enumerate(collection):
                    if variable is value:
                        del collection[index]
                        self._backend_untrack_variable(value)
                        break
        elif isinstance(value, (list, tuple)):
            for item in value:
                self._untrack_value(item)
        elif isinstance(value, dict):
            for item in value.values():
                self._untrack_value(item)
        else:
            for collection in (self._layers, self._metrics, self._seed_generators):
                for index, item in enumerate(collection):
                    if item is value:
                        del collection[index]
                        if collection is self._layers:
                            self._backend_untrack_layer(value)
                        break

    def _track_variable(self, variable):
        if variable.trainable:
            self._trainable_variables.append(variable)
        else:
            self._non_trainable_variables.append(variable)
        self._backend_track_variable(variable)

    # Building.

    def build(self, input_shape):
        """Creates the layer's state from the shape of its first input.

        Override it to create weights whose shapes depend on the input.
        The default builds the sub-layers of layers that have some (by
        running `call` on symbolic inputs of that shape) and marks the
        layer built.

        Args:
            input_shape: The shape of the first call argument (a tuple, or
                a structure of tuples for structured inputs).
        """
        if self.__dict__.get("_building"):
            return
        if (
            input_shape is not None
            and self._layers
            and not _is_default(type(self).call, Layer.call)
        ):
            self._build_by_symbolic_call(input_shape)
        self._record_shapes({"input_shape": input_shape})
        self._mark_built()

    def _build_by_symbolic_call(self, input_shape):
        inputs = tree_api.map_shape_structure(
            lambda shape: KerasTensor(shape, dtype=self.input_dtype), input_shape
        )
        object.__setattr__(self, "_building", True)
        try:
            with name_scope(self.name, caller=self):
                backend.core.compute_output_spec(self.call, inputs)
        finally:
            object.__setattr__(self, "_building", False)

    def _record_build_shapes(self, build_method, args, kwargs):
        try:
            bound = inspect.signature(build_method).bind(self, *args, **kwargs)
        except TypeError:
            return
        arguments = dict(bound.arguments)
        arguments.pop(next(iter(arguments)))
        self._record_shapes(arguments)

    def _record_shapes(self, shapes):
        self.__dict__["_build_shapes_dict"] = shapes

    def _mark_built(self):
        self.__dict__["built"] = True
        if self._initial_weights is not None:
            weights, self.__dict__["_initial_weights"] = self._initial_weights, None
            self.set_weights(weights)
        for variable in self._all_own_variables():
            self._backend_track_variable(variable)

    def _maybe_build(self, args, kwargs):
        shapes = self._shapes_for_build(args, kwargs)
        if _is_default(type(self).build, Layer.build):
            # Sub-layers build themselves during the call that follows.
            self._record_shapes(shapes)
            self._mark_built()
            return
        try:
            self.build(**shapes)
        except TypeError as error:
            raise type(error)(
                f"Layer '{self.name}' could not build from input shapes "
                f"{shapes}: {error}. Its `build()` must accept the shape of "
                "its first call argument (named `input_shape`), or one "
                "`<argument>_shape` per call argument."
            ) from error

    def _shapes_for_build(self, args, kwargs):
        build_parameters = [
            name
            for name in inspect.signature(self.build).parameters
            if name not in ("args", "kwargs")
        ]
        if len(build_parameters) <= 1:
            first = (
                args[0] if args else kwargs.get(self._get_call_info().first_argument)
            )
            name = build_parameters[0] if build_parameters else "input_shape"
            return {name: layer_arguments.shape_structure(first)}
        bound = layer_arguments.bind_call(self, args, kwargs)
        shapes = {}
        for name in build_parameters:
            argument = name[: -len("_shape")] if name.endswith("_shape") else name
            if argument in bound:
                shapes[name] = layer_arguments.shape_structure(bound[argument])
        return shapes

    def get_build_config(self):
        """Returns the input shapes the layer was built with, or None.

        Example:

        >>> layer = keras_core.layers.Dense(4)
        >>> layer.build((None, 3))
        >>> layer.get_build_config()
        {'input_shape': (None, 3)}
        """
        if self._build_shapes_dict is not None and self.built:
            return dict(self._build_shapes_dict)
        return None

    def build_from_config(self, config):
        """Builds the layer from what `get_build_config()` returned."""
        if config:
            if "input_shape" in config and len(config) == 1:
                self.build(config["input_shape"])
            else:
                self.build(**config)

    # Calling.

    @classmethod
    def _get_call_info(cls):
        info = cls.__dict__.get("_call_info")
        if info is None:
            info = layer_arguments.CallInfo(cls)
            cls._call_info = info
        return info

    def __call__(self, *args, **kwargs):
        fast_dtype = self.__dict__.get("_fast_dtype")
        if fast_dtype is not None and len(args) == 1 and not kwargs:
            # The hot path (see the module docstring): a built layer with no
            # training/mask arguments, called again on a tensor of the same
            # dtype and shape, outside any mask or mixed-precision context.
            inputs = args[0]
            if (
                type(inputs) in _NATIVE_TENSOR_TYPES
                and _DTYPE_NAMES.get(inputs.dtype) == fast_dtype
                and inputs.shape == self._fast_shape
                and not call_context.losses_added[0]
                and getattr(inputs, "_keras_mask", None) is None
                and call_context.no_masks_or_autocast()
            ):
                return self.call(inputs)
        if _has_keras_tensor(args, kwargs):
            return self._symbolic_layer_call(args, kwargs)
        context = getattr(call_context.THREAD, "context", None)
        outermost = context is None
        if outermost:
            context = call_context.THREAD.context = call_context.CallContext()
            if call_context.losses_added[0]:
                self._clear_losses_recursively()
        try:
            return self._eager_layer_call(args, kwargs, context)
        except Exception as error:
            if outermost and hasattr(error, "add_note"):
                error.add_note(
                    f"Raised while calling layer '{self.name}' "
                    f"({type(self).__name__}) on "
                    f"{layer_arguments.describe_arguments(args, kwargs)}."
                )
            raise
        finally:
            if outermost:
                call_context.THREAD.context = None

    def _convert_arguments(self, args, kwargs):
        if not self._convert_input_args:
            return args, kwargs
        dtype = self.input_dtype
        if (
            len(args) == 1
            and _is_native_tensor(args[0])
            and (_dtype_name(args[0].dtype) == dtype or not self.autocast)
            and (not kwargs or _only_flags(kwargs))
        ):
            return args, kwargs
        policy = self._dtype_policy

        def convert(value):
            return policy.convert_input(value, self.autocast, dtype)

        args = tree_api.map_structure(convert, args)
        kwargs = {key: tree_api.map_structure(convert, v) for key, v in kwargs.items()}
        if not self._allow_non_tensor_positional_args and args:
            for leaf in tree_api.flatten(args[0]):
                if isinstance(leaf, (str, bytes)) or not (
                    leaf is None
                    or hasattr(leaf, "shape")
                    or isinstance(leaf, (bool, int, float, complex))
                ):
                    raise TypeError(
                        f"Layer '{self.name}' ({type(self).__name__}) expects "
                        "tensors (or arrays, numbers) as its first input, but "
                        f"received {leaf!r} of type {type(leaf).__name__}. "
                        "Convert the data with keras_core.ops.convert_to_tensor()."
                    )
        return args, kwargs

    def _resolve_training(self, args, kwargs, context):
        info = self._get_call_info()
        if not info.accepts_training:
            # Keras drops a `training` its call does not take, but the
            # layers inside still see it.
            return kwargs.pop("training", None), False
        training = kwargs.get("training")
        explicit_positional = (
            info.training_index is not None and len(args) > info.training_index
        )
        if explicit_positional:
            training = args[info.training_index]
        if training is None:
            training = context.training
        if training is None:
            training = self._backend_default_training()
        if training is None:
            training = info.training_default
        return training, explicit_positional

    def _eager_layer_call(self, args, kwargs, context):
        info = self._get_call_info()
        info.check_arguments(self, args, kwargs)
        args, kwargs = self._convert_arguments(args, kwargs)
        training, positional = self._resolve_training(args, kwargs, context)
        if info.accepts_training and not positional:
            kwargs["training"] = training
        inputs = args[0] if args else kwargs.get(info.first_argument)
        previous_mask = None
        if self._supports_masking or info.accepts_mask:
            previous_mask = call_context.collect_masks(inputs, context)
            if (
                info.accepts_mask
                and kwargs.get("mask") is None
                and previous_mask is not None
            ):
                kwargs["mask"] = previous_mask
        if not self.built:
            with name_scope(self.name, caller=self):
                self._maybe_build(args, kwargs)
        if self._input_spec is not None:
            input_spec_lib.assert_input_compatibility(
                self._input_spec, inputs, self.name
            )

        saved_training = context.training
        if info.accepts_training or training is not None:
            context.training = training
        try:
            outputs = self._call_in_scopes(args, kwargs)
        finally:
            context.training = saved_training
        self._after_call(inputs, outputs, previous_mask, kwargs.get("mask"), context)
        self._enable_fast_path(info, args, kwargs)
        return outputs

    def _enable_fast_path(self, info, args, kwargs):
        policy = self._dtype_policy
        eligible = (
            len(args) == 1
            and set(kwargs) <= {"training"}
            and not info.accepts_training
            and not info.accepts_mask
            and _is_default(type(self).compute_mask, Layer.compute_mask)
            and self.activity_regularizer is None
            and policy.compute_dtype == policy.variable_dtype
            and self._convert_input_args
            and self._called_once
            and self.built
            and _is_native_tensor(args[0])
        )
        if eligible:
            self.__dict__["_fast_shape"] = tuple(args[0].shape)
            self.__dict__["_fast_dtype"] = _dtype_name(args[0].dtype)

    def _call_in_scopes(self, args, kwargs):
        autocast = self._autocast_scope()
        call = self.call
        if remat.get_remat_scope() is not None:
            call = self.rematerialized_call(self.call, *args, **kwargs)
        if self._called_once and autocast is None:
            return call(*args, **kwargs)
        with name_scope(self.name, caller=self):
            if autocast is None:
                outputs = call(*args, **kwargs)
            else:
                with autocast:
                    outputs = call(*args, **kwargs)
        self.__dict__["_called_once"] = True
        return outputs

    def _autocast_scope(self):
        policy = self._dtype_policy
        if self.autocast and policy.compute_dtype != policy.variable_dtype:
            return AutocastScope(policy.compute_dtype)
        active = get_autocast_scope()
        if active is not None and active.dtype != policy.compute_dtype:
            # A float32 layer inside a mixed-precision one reads its own dtype.
            return AutocastScope(None)
        return None

    def _after_call(self, inputs, outputs, previous_mask, explicit_mask, context):
        if self.activity_regularizer is not None:
            for output in tree_api.flatten(outputs):
                if _is_native_tensor(output) or isinstance(output, KerasTensor):
                    self._add_activity_loss(output)
        if not self._supports_masking:
            return
        mask = previous_mask if explicit_mask is None else explicit_mask
        if mask is None and _is_default(type(self).compute_mask, Layer.compute_mask):
            return
        output_mask = self.compute_mask(inputs, mask)
        if output_mask is not None:
            call_context.attach_masks(outputs, output_mask, context)

    def _add_activity_loss(self, output):
        from keras_core import ops

        penalty = self.activity_regularizer(output)
        if output.shape and output.shape[0] is not None:
            penalty = penalty / ops.cast(output.shape[0], penalty.dtype)
        elif output.shape:
            penalty = penalty / ops.cast(ops.shape(output)[0], penalty.dtype)
        self.add_loss(penalty)

    def _symbolic_layer_call(self, args, kwargs):
        info = self._get_call_info()
        info.check_arguments(self, args, kwargs)
        # The node records the tensors as given: a cast made here would be
        # a new tensor outside the graph. Replays cast again, eagerly.
        node_args, node_kwargs = args, kwargs
        args, kwargs = self._convert_arguments(args, kwargs)
        inputs = args[0] if args else kwargs.get(info.first_argument)
        call_kwargs = dict(kwargs)
        if not info.accepts_training:
            call_kwargs.pop("training", None)
        if info.accepts_mask and call_kwargs.get("mask") is None:
            previous_mask = call_context.collect_masks(inputs, None)
            if previous_mask is not None:
                call_kwargs["mask"] = previous_mask
        if not self.built:
            with name_scope(self.name, caller=self):
                self._maybe_build(args, kwargs)
        if self._input_spec is not None:
            input_spec_lib.assert_input_compatibility(
                self._input_spec, inputs, self.name
            )
        with name_scope(self.name, caller=self):
            autocast = self._autocast_scope()
            if autocast is None:
                outputs = self.compute_output_spec(*args, **call_kwargs)
            else:
                with autocast:
                    outputs = self.compute_output_spec(*args, **call_kwargs)
        if self._supports_masking:
            mask = call_kwargs.get("mask")
            if mask is None:
                mask = call_context.collect_masks(inputs, None)
            if mask is not None or not _is_default(
                type(self).compute_mask, Layer.compute_mask
            ):
                output_mask = self.compute_mask(inputs, mask)
                if output_mask is not None:
                    call_context.attach_masks(outputs, output_mask, None)
        Node(self, call_args=node_args, call_kwargs=node_kwargs, outputs=outputs)
        return outputs

    def call(self, *args, **kwargs):
        raise NotImplementedError(
            f"Layer {type(self).__name__} does not have a `call()` method "
            "implemented. Define `call(self, inputs)`, which computes the "
            "layer's outputs."
        )

    def compute_output_spec(self, *args, **kwargs):
        """Returns the output KerasTensors for KerasTensor inputs.

        Uses `compute_output_shape` when the layer overrides it, else runs
        `call` abstractly (shapes and dtypes only, no values).
        """
        if not _is_default(type(self).compute_output_shape, Layer.compute_output_shape):
            inputs = (
                args[0] if args else kwargs.get(self._get_call_info().first_argument)
            )
            shapes = self.compute_output_shape(layer_arguments.shape_structure(inputs))
            return tree_api.map_shape_structure(
                lambda shape: KerasTensor(shape, dtype=self.compute_dtype), shapes
            )
        return backend.core.compute_output_spec(self.call, *args, **kwargs)

    def compute_output_shape(self, *args, **kwargs):
        """Returns the output shape(s) for the given input shape(s).

        The default runs `call` abstractly on inputs of those shapes.
        """
        tensors = [
            tree_api.map_shape_structure(
                lambda shape: KerasTensor(shape, dtype=self.input_dtype), shape
            )
            for shape in args
        ]
        outputs = backend.core.compute_output_spec(self.call, *tensors, **kwargs)
        return tree_api.map_structure(lambda tensor: tensor.shape, outputs)

    def compute_mask(self, inputs, previous_mask):
        """Returns the mask of the outputs (by default, the input mask).

        Args:
            inputs: The layer's first call argument.
            previous_mask: The mask of `inputs`, or None.
        """
        return previous_mask

    @property
    def supports_masking(self):
        """Whether the layer passes input masks on to its outputs."""
        return self._supports_masking

    @supports_masking.setter
    def supports_masking(self, value):
        self._supports_masking = bool(value)

    @property
    def input_spec(self):
        """An `InputSpec` (or a list of them) checked on every call."""
        return self._input_spec

    @input_spec.setter
    def input_spec(self, value):
        for spec in tree_api.flatten(value) if value is not None else ():
            if spec is not None and not isinstance(spec, input_spec_lib.InputSpec):
                raise TypeError(
                    f"Layer '{self.name}': `input_spec` must be an InputSpec or a "
                    f"list of InputSpecs. Received: {value!r}"
                )
        self.__dict__["_input_spec"] = value
        self.__dict__["_fast_dtype"] = None

    @property
    def path(self):
        """The layer's name prefixed by the name scopes it was created in."""
        return self._path

    def rematerialized_call(self, layer_call, *args, **kwargs):
        """Returns `layer_call` made to recompute activations in backprop.

        Gradients then recompute the layer's forward pass instead of keeping
        its intermediate values, saving memory for compute.

        Inside a `RematScope` its mode decides (all layers, activations
        only, large outputs only, named layers); outside one the whole call
        is rematerialized.

        Args:
            layer_call: The function to wrap (usually `self.call`).
            *args: The call's arguments (sizes decide `"larger_than"`).
            **kwargs: The call's keyword arguments.

        Returns:
            The function to call with `*args, **kwargs`.
        """
        scope = remat.get_remat_scope()
        if scope is None:
            return remat.remat(layer_call)
        return remat.layer_call_for(self, scope, layer_call, args, kwargs)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other


def _resolve_policy(dtype):
    from keras_core._src.dtype_policies import serialization as dtype_policies

    return dtype_policies.get(dtype)
