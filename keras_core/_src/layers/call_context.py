"""The state shared by the layer calls under way in a thread.

The outermost `Layer.__call__` opens a `_CallContext`; nested calls read
the `training` value from it when they are not given one, and masks of
eager tensors (which cannot always carry a `_keras_mask` attribute, such
as JAX arrays) travel in it by tensor identity.
"""

import contextlib
import threading

from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.scopes import get_autocast_scope
from keras_core._src.tree import tree_api

# Per-thread state of the layer calls in progress (see `CallContext`).
THREAD = threading.local()


class CallContext:
    """What the layer calls under way share: training flag and masks.

    The outermost `Layer.__call__` makes one; nested calls read the
    `training` value from it when they are not given one, and masks of
    eager tensors (which cannot always carry a `_keras_mask` attribute,
    such as JAX arrays) are kept here by tensor identity.
    """

    __slots__ = ("masks", "training")

    def __init__(self):
        self.training = None
        self.masks = None


def no_masks_or_autocast():
    """Whether no masks, autocast or remat scope can affect a layer call."""
    context = getattr(THREAD, "context", None)
    if context is not None and context.masks:
        return False
    return (
        get_autocast_scope() is None
        and global_state.get_global_attribute("remat_scope") is None
    )


class call_context:
    """Opens a call context for code that runs layers outside `__call__`.

    `Functional.call` uses it so the masks of one layer's outputs reach the
    next layer even when `call` is invoked directly.
    """

    def __enter__(self):
        self._opened = getattr(THREAD, "context", None) is None
        if self._opened:
            THREAD.context = CallContext()
        return THREAD.context

    def __exit__(self, *exc_info):
        if self._opened:
            THREAD.context = None


@contextlib.contextmanager
def step_context(model):
    """Keeps one call context open across a model call and its loss.

    A training step calls the model and then computes losses and metrics
    from its outputs; masks of those outputs (kept by tensor identity on
    JAX and NumPy) must still be readable then. The model's losses of the
    previous call are cleared here, as an outermost call would do.
    """
    if getattr(THREAD, "context", None) is not None:
        yield THREAD.context
        return
    THREAD.context = CallContext()
    if losses_added[0]:
        model._clear_losses_recursively()
    try:
        yield THREAD.context
    finally:
        THREAD.context = None


def set_mask(tensor, mask, context):
    """Attaches `mask` to `tensor` (as `_keras_mask` and in `context`)."""
    attach_masks(tensor, mask, context)


def get_mask(tensor, context):
    """The mask attached to `tensor`, or None."""
    return _mask_of(tensor, context)


def mask_of(tensor):
    """The mask attached to `tensor` in the open call context, or None.

    Losses and metrics read the mask of `y_pred` with it: on JAX and NumPy
    the mask lives only in the context the model call ran in.
    """
    return _mask_of(tensor, getattr(THREAD, "context", None))


def _mask_of(tensor, context):
    if tensor is None:
        return None
    if context is not None and context.masks:
        entry = context.masks.get(id(tensor))
        if entry is not None and entry[0] is tensor:
            return entry[1]
    return getattr(tensor, "_keras_mask", None)


def collect_masks(inputs, context):
    if isinstance(inputs, (list, tuple)):
        masks = [_mask_of(item, context) for item in inputs]
        return None if all(m is None for m in masks) else masks
    if isinstance(inputs, dict):
        return None
    return _mask_of(inputs, context)


def attach_masks(outputs, masks, context):
    flat_outputs = tree_api.flatten(outputs)
    flat_masks = (
        tree_api.flatten(masks)
        if isinstance(masks, (list, tuple))
        else [masks] * len(flat_outputs)
    )
    for tensor, mask in zip(flat_outputs, flat_masks, strict=False):
        if mask is None:
            continue
        if context is not None:
            if context.masks is None:
                context.masks = {}
            # The tensor is kept alive with its entry, so its id stays unique.
            context.masks[id(tensor)] = (tensor, mask)
        # JAX and NumPy arrays take no attributes: the context carries it.
        with contextlib.suppress(AttributeError):
            tensor._keras_mask = mask


# Set once any layer adds a loss: before that, outermost calls need not
# walk their sub-layers to clear old losses.
losses_added = [False]
