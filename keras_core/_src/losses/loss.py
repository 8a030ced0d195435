"""The `Loss` base class, its reductions, and `LossFunctionWrapper`.

A loss's `call` gives one value per sample (or per entry); `__call__`
weighs them by the sample weights and by the mask a masking layer attached
to `y_pred`, then reduces them to a scalar. The rules follow Keras 3:

- Weights of rank one above or below the values, differing by a trailing
  axis of length 1, are squeezed or expanded to the values' rank. Weights
  of lower rank still are aligned with the values' leading (batch) axes,
  so a `(batch,)` weight scales every entry of its sample (Keras raises
  there, or broadcasts along the last axis when it happens to fit).
- A mask zeroes the masked entries. For the `"sum_over_batch_size"` and
  `"mean"` reductions it also scales the kept ones by `total / valid`, so
  the result is the mean over the unmasked entries only.
- `"mean_with_sample_weight"` divides the weighted sum by the sum of the
  weights as given (before broadcasting), the other means by the number of
  values.
"""

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.backend.common.config import floatx
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.dtype_policies import serialization as dtype_policies
from keras_core._src.layers import call_context as call_context_lib
from keras_core._src.ops.operation import _snake_case
from keras_core._src.saving import serialization_lib

__all__ = [
    "Loss",
    "LossFunctionWrapper",
    "convert_inputs",
    "convert_labels",
    "convert_predictions",
    "reduce_values",
    "reduce_weighted_values",
    "squeeze_or_expand_to_same_rank",
    "standardize_reduction",
    "takes_integer_targets",
]

_REDUCTIONS = (
    "sum_over_batch_size",
    "sum",
    "mean",
    "mean_with_sample_weight",
    "none",
    None,
)


def standardize_reduction(reduction, owner="Loss"):
    """Checks a reduction name.

    Args:
        reduction: One of `"sum_over_batch_size"`, `"sum"`, `"mean"`,
            `"mean_with_sample_weight"`, `"none"` or None.
        owner: The class or function named in the error.

    Returns:
        `reduction`, unchanged.
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(
            f"{owner}: invalid value for argument `reduction`. Expected one of "
            f"{list(_REDUCTIONS)}. Received: reduction={reduction!r}"
        )
    return reduction


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Matches ranks differing by a trailing axis of length 1.

    When one tensor has one axis more than the other and that last axis
    has length 1, it is squeezed, except that a rank-1 partner is expanded
    instead when `expand_rank_1` (so `(batch,)` meets `(batch, 1)` as
    `(batch, 1)`).

    Args:
        x1: A tensor.
        x2: A tensor.
        expand_rank_1: Whether a rank-1 tensor is expanded rather than its
            partner squeezed.

    Returns:
        `(x1, x2)`, possibly reshaped.
    """
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1 and expand_rank_1:
            x2 = ops.expand_dims(x2, axis=-1)
        else:
            x1 = ops.squeeze(x1, axis=-1)
    elif rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1 and expand_rank_1:
            x1 = ops.expand_dims(x1, axis=-1)
        else:
            x2 = ops.squeeze(x2, axis=-1)
    return x1, x2


def _static_shape(x):
    return tuple(x.shape)


def convert_inputs(y_true, y_pred, owner):
    """`y_true` and `y_pred` as tensors of one float dtype and matched rank.

    `y_pred` keeps its float dtype (integers become floatx) and `y_true`
    is cast to it; ranks differing by a trailing axis of length 1 are
    matched (see `squeeze_or_expand_to_same_rank`).

    Args:
        y_true: The targets.
        y_pred: The predictions.
        owner: The loss function named in errors.

    Returns:
        `(y_true, y_pred)`.
    """
    y_pred = convert_predictions(y_pred)
    y_true = ops.cast(ops.convert_to_tensor(y_true), y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    true_shape, pred_shape = _static_shape(y_true), _static_shape(y_pred)
    for true_dim, pred_dim in zip(true_shape[::-1], pred_shape[::-1], strict=False):
        if (
            true_dim != pred_dim
            and None not in (true_dim, pred_dim)
            and (1 not in (true_dim, pred_dim))
        ):
            raise ValueError(
                f"`{owner}`: `y_true` and `y_pred` must have the same shape "
                f"(or broadcastable shapes). Received: y_true.shape="
                f"{true_shape}, y_pred.shape={pred_shape}"
            )
    return y_true, y_pred


def convert_predictions(y_pred):
    """`y_pred` as a float tensor (integers become floatx)."""
    y_pred = ops.convert_to_tensor(y_pred)
    if not is_float_dtype(y_pred.dtype):
        y_pred = ops.cast(y_pred, floatx())
    return y_pred


def convert_labels(y_true):
    """`y_true` as an integer tensor (floats and booleans become int32)."""
    y_true = ops.convert_to_tensor(y_true)
    if is_float_dtype(y_true.dtype) or standardize_dtype(y_true.dtype) == "bool":
        y_true = ops.cast(y_true, "int32")
    return y_true


def takes_integer_targets(function):
    """Marks a loss function whose `y_true` holds integers (class indices).

    A `LossFunctionWrapper` of it passes `y_true` on without casting it to
    the loss's float dtype, which could round large indices.
    """
    function._integer_targets = True
    return function


def _align_weights(values, sample_weight, owner):
    values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
    values_rank, weight_rank = len(values.shape), len(sample_weight.shape)
    # A scalar loss (Dice over all axes) is scaled by each weight in turn.
    if 0 < values_rank < weight_rank:
        raise ValueError(
            f"{owner}: `sample_weight` must not have more axes than the loss "
            f"values it weighs. Received: sample_weight.shape="
            f"{tuple(sample_weight.shape)} for values of shape "
            f"{tuple(values.shape)}. Pass one weight per sample or per value."
        )
    if 0 < weight_rank < values_rank:
        # A weight per sample scales every value of that sample.
        sample_weight = ops.reshape(
            sample_weight,
            tuple(sample_weight.shape) + (1,) * (values_rank - weight_rank),
        )
    return values, sample_weight


def _apply_mask(sample_weight, mask, dtype, reduction, owner):
    mask = ops.cast(mask, dtype)
    if reduction in ("mean", "sum_over_batch_size"):
        # Kept entries weigh total/valid, so that the sum over the batch
        # divided by the total becomes the mean over the valid entries.
        total = ops.cast(ops.size(mask), dtype)
        valid = ops.sum(mask)
        mask = mask * (total / (valid + epsilon()))
    if sample_weight is None:
        return mask
    mask, sample_weight = _align_weights(mask, sample_weight, owner)
    return sample_weight * mask


def reduce_values(values, sample_weight=None, reduction="sum_over_batch_size"):
    """Reduces (already weighted) loss values to a scalar.

    Args:
        values: The weighted loss values.
        sample_weight: The weights, for `"mean_with_sample_weight"`.
        reduction: The reduction (see `Loss`).

    Returns:
        A scalar, or `values` unchanged for `"none"`/None, scalars and
        empty batches.
    """
    if reduction in (None, "none") or tuple(values.shape) in ((), (0,)):
        return values
    if reduction == "sum":
        return ops.sum(values)
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        loss = ops.sum(values)
        return ops.divide_no_nan(loss, ops.cast(ops.sum(sample_weight), loss.dtype))
    # The sum over the number of values (never zero here), in one op: this
    # runs on every training step.
    return ops.mean(values)


def reduce_weighted_values(
    values,
    sample_weight=None,
    mask=None,
    reduction="sum_over_batch_size",
    dtype=None,
    owner="Loss",
):
    """Weighs loss values by `sample_weight` and `mask`, then reduces them.

    Args:
        values: Loss values, one per sample or per entry.
        sample_weight: None, or weights (see the module docstring).
        mask: None, or a boolean mask of the values' shape.
        reduction: The reduction (see `Loss`).
        dtype: The dtype of the result.
        owner: The loss named in errors.

    Returns:
        The reduced loss.
    """
    reduction = standardize_reduction(reduction, owner)
    values = ops.convert_to_tensor(values, dtype=dtype)
    if sample_weight is not None:
        sample_weight = ops.convert_to_tensor(sample_weight, dtype=values.dtype)
    if mask is not None:
        sample_weight = _apply_mask(sample_weight, mask, values.dtype, reduction, owner)
    if sample_weight is not None:
        values, sample_weight = _align_weights(values, sample_weight, owner)
        values = values * sample_weight
    return reduce_values(values, sample_weight, reduction)


def _is_nested_numbers(x):
    if isinstance(x, (list, tuple)):
        return all(_is_nested_numbers(item) for item in x)
    return isinstance(x, (bool, int, float))


def _convert_structure(structure, convert):
    # Nested lists of numbers are one array (`[[0.0, 1.0]]`); dicts and
    # lists of arrays hold one tensor per entry.
    if _is_nested_numbers(structure):
        return convert(structure)
    if isinstance(structure, dict):
        return {key: _convert_structure(v, convert) for key, v in structure.items()}
    if isinstance(structure, (list, tuple)):
        return type(structure)(_convert_structure(v, convert) for v in structure)
    return convert(structure)


def _combine_masks(first, second):
    if first is None:
        return second
    if second is None:
        return first
    return ops.logical_and(first, second)


@keras_public("keras", "keras.losses")
class Loss:
    """Base class of losses: per-sample values, weighted and reduced.

    Subclasses implement `call(y_true, y_pred)`, returning the loss of each
    sample (or each entry). Calling the loss converts the inputs to its
    dtype, weighs the values by `sample_weight` and by the mask of
    `y_pred`, and applies the reduction.

    Args:
        name: The loss's name (default: the class name in snake case).
        reduction: `"sum_over_batch_size"` (the sum divided by the number
            of values), `"sum"`, `"mean"` (as `"sum_over_batch_size"`),
            `"mean_with_sample_weight"` (the sum divided by the sum of the
            weights), or `"none"`/None (the weighted values).
        dtype: The dtype of the computation: a dtype name or a
            `DTypePolicy` (its compute dtype is used). Default: floatx.

    Example:

    >>> class MeanError(keras_core.losses.Loss):
    ...     def call(self, y_true, y_pred):
    ...         return keras_core.ops.mean(y_pred - y_true, axis=-1)
    >>> float(MeanError()([[0.0, 1.0]], [[1.0, 2.0]]))
    1.0
    """

    # Whether `y_true` holds integers (class indices, labels) that must
    # not be converted to the loss's float dtype.
    _integer_targets = False

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        self.name = name or _snake_case(type(self).__name__)
        self.reduction = standardize_reduction(reduction, type(self).__name__)
        self._dtype_policy = dtype_policies.get(dtype or floatx())
        self._dtype = self._dtype_policy.compute_dtype

    @property
    def dtype(self):
        """The compute dtype of the loss, as a string."""
        return self._dtype

    def __call__(self, y_true, y_pred, sample_weight=None):
        """The reduced, weighted loss of a batch.

        Args:
            y_true: The targets.
            y_pred: The predictions; a mask attached to them by a masking
                layer excludes the masked entries.
            sample_weight: None, or weights per sample or per entry.

        Returns:
            The loss, a scalar unless `reduction` is `"none"`/None.
        """
        in_mask = call_context_lib.mask_of(y_pred)
        y_pred = _convert_structure(y_pred, self._to_dtype)
        if self._integer_targets:
            y_true = _convert_structure(y_true, ops.convert_to_tensor)
        else:
            y_true = _convert_structure(y_true, self._to_dtype)
        # A loss may attach a mask to its values (ignored classes); an
        # open context carries it where arrays take no attributes.
        with call_context_lib.call_context():
            losses = self.call(y_true, y_pred)
            out_mask = call_context_lib.mask_of(losses)
        return reduce_weighted_values(
            losses,
            sample_weight=sample_weight,
            mask=_combine_masks(in_mask, out_mask),
            reduction=self.reduction,
            dtype=self.dtype,
            owner=type(self).__name__,
        )

    def _to_dtype(self, x):
        if backend.core.is_tensor(x) and standardize_dtype(x.dtype) == self.dtype:
            return x  # the common case, every step: no op to dispatch
        return ops.cast(ops.convert_to_tensor(x), self.dtype)

    def call(self, y_true, y_pred):
        """The loss of each sample. Subclasses implement it."""
        raise NotImplementedError(
            f"Loss {type(self).__name__} must implement "
            "`call(self, y_true, y_pred)`, returning the loss of each sample."
        )

    def get_config(self):
        """The constructor arguments: `name` and `reduction` here."""
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        """Creates a loss from the output of `get_config`."""
        return cls(**config)


# Not public in keras.losses; configs name it by the Keras module it lives
# in, so files move between keras_core and Keras.
@keras_public("keras.src.losses.losses")
class LossFunctionWrapper(Loss):
    """A `Loss` computing `fn(y_true, y_pred, **kwargs)` per sample.

    The classes of `keras_core.losses` (`MeanSquaredError`, ...) are
    wrappers of their functions.

    Args:
        fn: The loss function, `fn(y_true, y_pred, **kwargs)`.
        reduction: The reduction (see `Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.
        **kwargs: Passed to `fn` on each call.

    Example:

    >>> loss = LossFunctionWrapper(keras_core.losses.huber, delta=0.5)
    >>> float(loss([[0.0]], [[2.0]]))
    0.875
    """

    def __init__(
        self,
        fn,
        reduction="sum_over_batch_size",
        name=None,
        dtype=None,
        **kwargs,
    ):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs
        # Functions of class indices or labels say so (see
        # `takes_integer_targets`), wrapped by their class or not.
        self._integer_targets = getattr(fn, "_integer_targets", False)

    def call(self, y_true, y_pred):
        """`fn(y_true, y_pred, **kwargs)`."""
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self):
        """`name`, `reduction`, the function's kwargs (and `fn`, here)."""
        config = super().get_config()
        # Subclasses fix their function; only a bare wrapper records it.
        if type(self) is LossFunctionWrapper:
            config["fn"] = serialization_lib.serialize_keras_object(self.fn)
        config.update(serialization_lib.serialize_keras_object(self._fn_kwargs))
        return config

    @classmethod
    def from_config(cls, config):
        """Creates the loss from `get_config`'s output."""
        if "fn" in config:
            # Imported here: the serialization module imports every loss.
            from keras_core._src.losses import serialization

            config = dict(config)
            config["fn"] = serialization.deserialize(config["fn"])
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__}({self.fn}, kwargs={self._fn_kwargs})>"
