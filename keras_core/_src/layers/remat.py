"""Rematerialization: recompute activations in backprop instead of storing them.

`remat(f)` wraps one function. `RematScope` turns it on for the layers
called inside it, all of them or those a mode selects, trading compute
for memory in large models.
"""

import math

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.tree import tree_api

_MODES = (None, "full", "activations", "larger_than", "list_of_layers")


@keras_public("keras")
def remat(f):
    """Returns `f` made to recompute its intermediate values in backprop.

    The forward pass keeps only `f`'s inputs; the backward pass runs `f`
    again to get what it needs (jax.checkpoint, torch checkpointing,
    tf.recompute_grad; on numpy, `f` itself).

    Args:
        f: The function to wrap.

    Returns:
        A function with the same inputs and outputs.

    Example:

    >>> block = keras_core.remat(lambda x: keras_core.ops.exp(x) * 2.0)
    >>> block(numpy.zeros(2))
    """
    if not callable(f):
        raise TypeError(f"remat(f) expects a callable. Received: {f!r}")
    return backend.core_ops.remat(f)


@keras_public("keras")
class RematScope:
    """Rematerializes the calls of layers inside the scope.

    Args:
        mode: `"full"` (every layer), `"activations"` (the activation of
            layers that have one), `"larger_than"` (layers whose output has
            more than `output_size_threshold` elements), `"list_of_layers"`
            (layers named in `layer_names`), or None (off, e.g. to exclude
            a part of an enclosing scope).
        output_size_threshold: The element count for `"larger_than"`.
        layer_names: The layer names for `"list_of_layers"`.

    Example:

    >>> with keras_core.RematScope(mode="full"):
    ...     outputs = model(inputs)
    """

    def __init__(self, mode="full", output_size_threshold=1024, layer_names=None):
        if mode not in _MODES:
            raise ValueError(
                f"Invalid mode for RematScope: {mode!r}. Expected one of "
                f"{list(_MODES)}."
            )
        if mode == "list_of_layers" and not layer_names:
            raise ValueError(
                "RematScope(mode='list_of_layers') needs `layer_names`, the "
                "names of the layers to rematerialize."
            )
        self.mode = mode
        self.output_size_threshold = output_size_threshold
        self.layer_names = list(layer_names or [])
        self._parent = None

    def __enter__(self):
        self._parent = global_state.get_global_attribute("remat_scope")
        global_state.set_global_attribute("remat_scope", self)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("remat_scope", self._parent)


def get_remat_scope():
    """The innermost active RematScope with a mode, or None."""
    scope = global_state.get_global_attribute("remat_scope")
    return scope if scope is not None and scope.mode is not None else None


def layer_call_for(layer, scope, layer_call, args, kwargs):
    """The function to run `layer_call` with under `scope`."""
    mode = scope.mode
    if mode == "full":
        return remat(layer_call)
    if mode == "list_of_layers":
        return remat(layer_call) if layer.name in scope.layer_names else layer_call
    if mode == "larger_than":

        def as_spec(value):
            if hasattr(value, "shape") and hasattr(value, "dtype"):
                return KerasTensor(tuple(value.shape), dtype=value.dtype)
            return value

        outputs = layer.compute_output_spec(
            *tree_api.map_structure(as_spec, args),
            **{key: tree_api.map_structure(as_spec, v) for key, v in kwargs.items()},
        )
        sizes = [
            math.prod(d for d in tensor.shape if d is not None)
            for tensor in tree_api.flatten(outputs)
        ]
        if any(size > scope.output_size_threshold for size in sizes):
            return remat(layer_call)
        return layer_call
    # "activations": only the layer's activation function recomputes.
    activation = getattr(layer, "activation", None)
    if callable(activation) and not getattr(activation, "_keras_rematerialized", False):
        wrapped = remat(activation)
        wrapped._keras_rematerialized = True

        def with_remat_activation(*call_args, **call_kwargs):
            original = layer.__dict__.get("activation")
            layer.__dict__["activation"] = wrapped
            try:
                return layer_call(*call_args, **call_kwargs)
            finally:
                layer.__dict__["activation"] = original

        return with_remat_activation
    return layer_call
