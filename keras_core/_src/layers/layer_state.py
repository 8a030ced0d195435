"""The state side of `Layer`: weights, losses, configs and `stateless_call`.

Split from `layer.py` by concern: this mixin reads and writes the state
`Layer` tracks (`_trainable_variables`, `_non_trainable_variables`,
`_layers`, `_metrics`, `_seed_generators`, `_losses`) and never runs `call`
except through `stateless_call`.
"""

import math

import numpy as np

from keras_core._src import backend
from keras_core._src.backend.common import scopes
from keras_core._src.backend.common.dtypes import standardize_dtype


def _unique(variables):
    seen = set()
    result = []
    for variable in variables:
        if id(variable) not in seen:
            seen.add(id(variable))
            result.append(variable)
    return result


class LayerStateMixin:
    """Weights, losses, dtype policy and serialization of a Layer."""

    # Traversal.

    def _all_own_variables(self):
        return self._trainable_variables + self._non_trainable_variables

    def _flatten_layers(self, include_self=True, recursive=True):
        """This layer and its sub-layers, depth first, each once."""
        result = [self] if include_self else []
        seen = {id(self)}
        stack = list(reversed(self._layers))
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            result.append(layer)
            if recursive:
                stack.extend(reversed(layer._layers))
        return result

    # Weights and variables.

    @property
    def weights(self):
        """Every weight: own ones first (as created), then sub-layers'.

        Unlike `variables`, this leaves out metric state and seeds.
        """
        weights = list(self._all_own_variables())
        for layer in self._layers:
            weights.extend(layer.weights)
        return _unique(weights)

    @property
    def trainable_weights(self):
        """The weights gradients update (empty when `trainable` is False)."""
        if not self.trainable:
            return []
        return [v for v in self.weights if v.trainable]

    @property
    def non_trainable_weights(self):
        """The weights gradients do not update."""
        if not self.trainable:
            return self.weights
        return [v for v in self.weights if not v.trainable]

    @property
    def variables(self):
        """All state: weights, metric variables and seed generator states."""
        variables = list(self._all_own_variables())
        for metric in self._metrics:
            variables.extend(metric.variables)
        for generator in self._seed_generators:
            variables.append(generator.state)
        for layer in self._layers:
            variables.extend(layer.variables)
        return _unique(variables)

    @property
    def trainable_variables(self):
        """The same as `trainable_weights`."""
        return self.trainable_weights

    @property
    def non_trainable_variables(self):
        """All state gradients do not update, metrics and seeds included."""
        if not self.trainable:
            return self.variables
        return [v for v in self.variables if not v.trainable]

    @property
    def metrics(self):
        """The metrics tracked by this layer and its sub-layers."""
        metrics = list(self._metrics)
        for layer in self._layers:
            metrics.extend(layer.metrics)
        return metrics

    @property
    def metrics_variables(self):
        """The variables of `metrics`."""
        return _unique(v for metric in self.metrics for v in metric.variables)

    @property
    def trainable(self):
        """Whether the layer's weights are trained; setting it recurses."""
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        if not isinstance(value, bool):
            raise TypeError(
                f"Layer '{self.name}': `trainable` must be a boolean. "
                f"Received: {value!r}"
            )
        self.__dict__["_trainable"] = value
        self.__dict__["_fast_dtype"] = None
        for variable in self._trainable_variables:
            variable.trainable = value
        for layer in self._layers:
            layer.trainable = value

    def add_weight(
        self,
        *args,
        shape=None,
        initializer=None,
        dtype=None,
        trainable=True,
        autocast=True,
        regularizer=None,
        constraint=None,
        aggregation="none",
        overwrite_with_gradient=False,
        name=None,
    ):
        """Creates a weight of this layer (call it in `__init__` or `build`).

        Args:
            *args: Kept for older code: `shape` and `initializer`
                positionally.
            shape: The shape; `()` by default.
            initializer: An initializer object, name or callable. The
                default is `"glorot_uniform"` for floats, `"zeros"` otherwise.
            dtype: The dtype; the layer's variable dtype by default.
            trainable: Whether gradients update it.
            autocast: Whether it reads in the compute dtype under mixed
                precision.
            regularizer: A regularizer (object or name) whose value joins
                `losses`.
            constraint: A constraint applied after optimizer updates.
            aggregation: How distributed replicas combine it: `"none"`,
                `"mean"`, `"sum"` or `"only_first_replica"`.
            overwrite_with_gradient: Whether optimizers overwrite it with
                its gradient instead of applying an update (FP8 scales).
            name: The weight's name.

        Returns:
            The new `keras_core.Variable`.

        Example:

        >>> layer = keras_core.layers.Layer()
        >>> w = layer.add_weight(shape=(3,), initializer="ones", name="w")
        >>> w.path
        'layer/w'
        """
        if args:
            if len(args) > 2:
                raise TypeError(
                    "add_weight() takes at most 2 positional arguments (shape, "
                    f"initializer). Received {len(args)}: pass the others by name."
                )
            shape = args[0] if shape is None else shape
            if len(args) == 2 and initializer is None:
                initializer = args[1]
        self._check_state_unlocked()
        from keras_core._src import constraints as constraints_lib
        from keras_core._src import initializers
        from keras_core._src import regularizers

        shape = () if shape is None else shape
        dtype = standardize_dtype(dtype or self.variable_dtype)
        if initializer is None:
            is_float = dtype.startswith(("float", "bfloat", "complex"))
            initializer = "glorot_uniform" if is_float else "zeros"
        initializer = initializers.get(initializer)
        with scopes.name_scope(self.name, caller=self):
            variable = backend.Variable(
                initializer=initializer,
                shape=shape,
                dtype=dtype,
                trainable=trainable,
                autocast=autocast,
                aggregation=aggregation,
                name=name,
            )
        variable.regularizer = regularizers.get(regularizer)
        variable.constraint = constraints_lib.get(constraint)
        variable.overwrite_with_gradient = overwrite_with_gradient
        self._track_variable(variable)
        if trainable and not self.trainable:
            # Listed as trainable, so `layer.trainable = True` turns it on.
            variable.trainable = False
        return variable

    def add_variable(
        self,
        shape,
        initializer,
        dtype=None,
        trainable=True,
        autocast=True,
        regularizer=None,
        constraint=None,
        name=None,
    ):
        """The same as `add_weight` (shape and initializer first).

        Example:

        >>> layer = keras_core.layers.Layer()
        >>> layer.add_variable((2,), "zeros").shape
        (2,)
        """
        return self.add_weight(
            shape=shape,
            initializer=initializer,
            dtype=dtype,
            trainable=trainable,
            autocast=autocast,
            regularizer=regularizer,
            constraint=constraint,
            name=name,
        )

    def get_weights(self):
        """Returns the values of `weights` as NumPy arrays, in order."""
        return [np.asarray(variable.numpy()) for variable in self.weights]

    def set_weights(self, weights):
        """Sets `weights` from a list of arrays (as `get_weights` returns).

        Args:
            weights: One array per weight, in the order of `weights`.
        """
        layer_weights = self.weights
        if len(layer_weights) != len(weights):
            raise ValueError(
                f"You called `set_weights(weights)` on layer '{self.name}' with "
                f"a weight list of length {len(weights)}, but the layer was "
                f"expecting {len(layer_weights)} weights "
                f"({[w.path for w in layer_weights]})."
            )
        for variable, value in zip(layer_weights, weights, strict=True):
            value_shape = tuple(np.shape(value))
            if value_shape != variable.shape:
                raise ValueError(
                    f"Layer '{self.name}' weight shape {variable.shape} (of "
                    f"'{variable.path}') is not compatible with provided weight "
                    f"shape {value_shape}."
                )
        for variable, value in zip(layer_weights, weights, strict=True):
            variable.assign(value)

    def count_params(self):
        """Returns the number of scalars in `weights`.

        Raises:
            ValueError: If the layer is not built yet.
        """
        if not self.built:
            raise ValueError(
                f"You tried to call `count_params` on layer '{self.name}', but "
                "the layer isn't built. You can build it manually via: "
                "`layer.build(input_shape)`."
            )
        return int(sum(math.prod(v.shape) for v in self.weights))

    def save_own_variables(self, store):
        """Writes this layer's own variables to `store` under "0", "1", ..."""
        for index, variable in enumerate(self._all_own_variables()):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store):
        """Reads this layer's own variables from `store` (see the saver)."""
        variables = self._all_own_variables()
        if len(store.keys()) != len(variables):
            raise ValueError(
                f"Layer '{self.name}' expected {len(variables)} variables, but "
                f"received {len(store.keys())} variables during loading. "
                f"Expected: {[v.name for v in variables]}"
            )
        for index, variable in enumerate(variables):
            variable.assign(store[str(index)])

    # Losses.

    def add_loss(self, loss):
        """Adds a loss tensor (or several) to `losses`.

        Inside `stateless_call(..., return_losses=True)` the loss is
        returned by that call instead of being kept on the layer.

        Example:

        >>> class Penalized(keras_core.layers.Layer):
        ...     def call(self, x):
        ...         self.add_loss(keras_core.ops.sum(x) * 0.01)
        ...         return x
        """
        from keras_core._src.layers import call_context

        scope = scopes.get_stateless_scope()
        for value in loss if isinstance(loss, (list, tuple)) else [loss]:
            if scope is not None and scope.collect_losses:
                scope.add_loss(value)
                self._loss_ids.add(id(value))
            else:
                self._losses.append(value)
                call_context.losses_added[0] = True

    def _own_losses(self):
        scope = scopes.get_stateless_scope()
        if scope is not None and scope.collect_losses:
            return [loss for loss in scope.losses if id(loss) in self._loss_ids]
        return list(self._losses)

    @property
    def losses(self):
        """Losses added in the last call, plus weight regularization losses."""
        losses = []
        for layer in self._flatten_layers():
            losses.extend(layer._own_losses())
        # `trainable_weights` would build the list of every weight to find
        # the few with a regularizer; this runs on every training step.
        for variable in self._regularized_weights():
            losses.append(variable.regularizer(variable))
        return losses

    def _regularized_weights(self):
        """Trainable weights with a regularizer, in `trainable_weights` order."""
        if not self.trainable:
            return []
        found = [
            v
            for v in self._all_own_variables()
            if v.regularizer is not None and v.trainable
        ]
        for layer in self._layers:
            found.extend(layer._regularized_weights())
        return _unique(found)

    def _clear_losses_recursively(self):
        for layer in self._flatten_layers():
            layer._losses.clear()
            layer._loss_ids.clear()

    def add_metric(self, *args, **kwargs):
        """Not available: track metrics as attributes or in `compile()`."""
        raise NotImplementedError(
            "Layer `add_metric()` method is deprecated. Add your metric in "
            "`Model.compile(metrics=[...])`, or create metric trackers in "
            "`__init__()` or `build()` when subclassing the layer or model, "
            "then call `metric.update_state()` whenever necessary."
        )

    # The functional core.

    def stateless_call(
        self,
        trainable_variables,
        non_trainable_variables,
        *args,
        return_losses=False,
        **kwargs,
    ):
        """Calls the layer with the given variable values, changing nothing.

        Args:
            trainable_variables: Values for `self.trainable_variables`, in
                order.
            non_trainable_variables: Values for
                `self.non_trainable_variables`, in order.
            *args: The call's arguments.
            return_losses: Whether to also return the losses added during
                the call.
            **kwargs: The call's keyword arguments.

        Returns:
            `(outputs, non_trainable_values)`, the second holding the
            updated values of the non-trainable variables (such as
            batch-norm statistics); with `return_losses=True`,
            `(outputs, non_trainable_values, losses)`.

        Example:

        >>> layer = keras_core.layers.Dense(2)
        >>> layer.build((None, 3))
        >>> outputs, _ = layer.stateless_call(
        ...     [numpy.ones((3, 2)), numpy.zeros(2)], [], numpy.ones((1, 3)))
        >>> numpy.asarray(outputs)
        array([[3., 3.]], dtype=float32)
        """
        self._check_stateless_arguments(trainable_variables, non_trainable_variables)
        mapping = list(zip(self.trainable_variables, trainable_variables, strict=True))
        mapping += list(
            zip(self.non_trainable_variables, non_trainable_variables, strict=True)
        )
        with scopes.StatelessScope(
            state_mapping=mapping, collect_losses=return_losses
        ) as scope:
            outputs = self(*args, **kwargs)
            losses = self.losses if return_losses else None
        new_values = scope.current_values(
            self.non_trainable_variables, non_trainable_variables
        )
        if return_losses:
            return outputs, new_values, losses
        return outputs, new_values

    def _check_stateless_arguments(self, trainable_values, non_trainable_values):
        if not self.built:
            raise ValueError(
                f"To call stateless_call, layer '{self.name}' must be built "
                "(i.e. its variables must have been created). You can build it "
                "by calling it on some data."
            )
        for label, given, expected in (
            ("trainable_variables", trainable_values, self.trainable_variables),
            (
                "non_trainable_variables",
                non_trainable_values,
                self.non_trainable_variables,
            ),
        ):
            if len(given) != len(expected):
                raise ValueError(
                    f"Argument `{label}` of stateless_call on layer '{self.name}' "
                    f"must have {len(expected)} values (one per variable in "
                    f"`layer.{label}`, in order), but received {len(given)}."
                )

    # Dtype policy.

    @property
    def dtype_policy(self):
        """The layer's `DTypePolicy` (compute and variable dtypes)."""
        return self._dtype_policy

    @dtype_policy.setter
    def dtype_policy(self, value):
        from keras_core._src.dtype_policies import serialization as dtype_policies

        self.__dict__["_dtype_policy"] = dtype_policies.get(value)
        self.__dict__["_fast_dtype"] = None

    @property
    def dtype(self):
        """The dtype of the layer's weights (the policy's variable dtype)."""
        return self._dtype_policy.variable_dtype

    @property
    def compute_dtype(self):
        """The dtype of the layer's computations."""
        return self._dtype_policy.compute_dtype

    @property
    def variable_dtype(self):
        """The dtype of the layer's weights."""
        return self._dtype_policy.variable_dtype

    @property
    def input_dtype(self):
        """The dtype float inputs are cast to (the compute dtype)."""
        return self._dtype_policy.compute_dtype

    @property
    def quantization_mode(self):
        """The quantization mode (`"int8"`, ...) of the policy, or None."""
        return self._dtype_policy.quantization_mode

    def quantize(self, mode=None, type_check=True, config=None):
        """Quantizes the layer's weights (layers that support it override).

        Raises:
            ValueError: If the layer is not built.
            NotImplementedError: If the layer has no quantized form.
        """
        if not self.built:
            raise ValueError(
                "Cannot quantize a layer that isn't yet built. Layer "
                f"'{self.name}' (of type '{type(self).__name__}') is not built yet."
            )
        raise NotImplementedError(
            f"Layer '{self.name}' of type {type(self).__name__} does not support "
            f"quantization (mode={mode!r}). Quantize Dense, EinsumDense or "
            "Embedding layers instead."
        )

    def quantized_build(self, input_shape, mode):
        """Builds the quantized form of the layer's weights."""
        raise NotImplementedError(
            f"Layer {type(self).__name__} has no quantized form (mode={mode!r})."
        )

    def quantized_call(self, *args, **kwargs):
        """Runs the layer with quantized weights."""
        raise NotImplementedError(
            f"Layer {type(self).__name__} has no quantized form, so "
            "`quantized_call()` cannot run. Call the layer normally."
        )

    # Serialization.

    def get_config(self):
        """Returns the layer's constructor arguments as a JSON-ready dict.

        Layers whose constructor takes only plain values (numbers, strings,
        lists, dicts) get this for free; others must override it.
        """
        from keras_core._src.dtype_policies import serialization as dtype_policies
        from keras_core._src.layers.layer import Layer

        overridden = type(self).get_config is not Layer.get_config
        auto_config = self.__dict__.get("_auto_config")
        if not overridden and auto_config is None:
            raise NotImplementedError(
                f"Object {type(self).__name__} was created by passing "
                "non-serializable argument values in `__init__()`, and therefore "
                "the object must override `get_config()` in order to be "
                "serializable. Implement `get_config()` returning a dict of the "
                "arguments of `__init__()`, starting from `super().get_config()`."
            )
        if overridden or auto_config is None:
            config = {"name": self.name}
        else:
            config = dict(auto_config)
            if "name" in config:
                config["name"] = self.name
        config["trainable"] = self.trainable
        config["dtype"] = dtype_policies.serialize(self._dtype_policy)
        return config

    @classmethod
    def from_config(cls, config):
        """Creates a layer from the dict `get_config()` returned."""
        from keras_core._src.dtype_policies import serialization as dtype_policies

        config = dict(config)
        if isinstance(config.get("dtype"), dict):
            config["dtype"] = dtype_policies.deserialize(config["dtype"])
        try:
            return cls(**config)
        except Exception as error:
            raise TypeError(
                f"Error when deserializing class '{cls.__name__}' using "
                f"config={config}.\n\nException encountered: {error}"
            ) from error
