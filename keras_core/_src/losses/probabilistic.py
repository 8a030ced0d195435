"""Probabilistic losses: crossentropies, focal losses, KL divergence, Poisson.

Probabilities are clipped to `[epsilon, 1 - epsilon]` before a log, as
Keras does, so a confident wrong prediction costs about `-log(epsilon)`
(16.1 in float32) rather than infinity. With `from_logits=True` the log
probabilities come from log-sigmoid / log-softmax instead, finite and with
finite gradients even for logits of +-1e4; the focal losses do the same
(Keras 3.15 applies the sigmoid / softmax and then clips, which caps their
value near 16 for logits beyond about +-16).
"""

import warnings

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.config import epsilon
from keras_core._src.layers import call_context as call_context_lib
from keras_core._src.losses.loss import LossFunctionWrapper
from keras_core._src.losses.loss import convert_inputs
from keras_core._src.losses.loss import convert_labels
from keras_core._src.losses.loss import convert_predictions
from keras_core._src.losses.loss import takes_integer_targets

__all__ = [
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalGeneralizedCrossEntropy",
    "KLDivergence",
    "Poisson",
    "SparseCategoricalCrossentropy",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_generalized_cross_entropy",
    "kl_divergence",
    "poisson",
    "sparse_categorical_crossentropy",
]


def _check_axis(axis, owner):
    # Booleans are ints to Python; `axis=True` is a misplaced argument.
    if isinstance(axis, bool):
        raise ValueError(
            f"`{owner}`: `axis` must be an integer (the class axis). "
            f"Received: axis={axis}. Did you mean `from_logits={axis}`?"
        )


def _smooth_binary(y_true, label_smoothing):
    if not label_smoothing:
        return y_true
    return y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing


def _smooth_categorical(y_true, label_smoothing, axis):
    if not label_smoothing:
        return y_true
    num_classes = ops.cast(ops.shape(y_true)[axis], y_true.dtype)
    return y_true * (1.0 - label_smoothing) + label_smoothing / num_classes


def _warn_single_class(y_pred, owner):
    if y_pred.shape and y_pred.shape[-1] == 1:
        warnings.warn(
            f"`{owner}` received y_pred with a single class (shape "
            f"{tuple(y_pred.shape)}): its loss is always 0. For two classes "
            "with one output use binary_crossentropy instead.",
            stacklevel=3,
        )


@keras_public("keras.losses", "keras.metrics")
def binary_crossentropy(
    y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1
):
    """Binary crossentropy, averaged over `axis`.

    Args:
        y_true: Targets in `[0, 1]`, shape `(batch, d0, .. dN)`.
        y_pred: Probabilities (or logits if `from_logits`), same shape.
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are moved towards 0.5, to
            `y_true * (1 - label_smoothing) + 0.5 * label_smoothing`.
        axis: The axis averaged over.

    Returns:
        The loss of each sample: the inputs' shape without `axis`.

    Example:

    >>> keras_core.losses.binary_crossentropy([[0.0, 1.0]], [[0.4, 0.6]])
    array([0.5108256], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "binary_crossentropy")
    y_true = _smooth_binary(y_true, label_smoothing)
    return ops.mean(
        ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits), axis=axis
    )


@keras_public("keras.losses", "keras.metrics")
def binary_focal_crossentropy(
    y_true,
    y_pred,
    apply_class_balancing=False,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    """Binary focal crossentropy: crossentropy down-weighting easy examples.

    Each entry's binary crossentropy is scaled by `(1 - p_t) ** gamma`,
    where `p_t` is the predicted probability of the true label, and with
    `apply_class_balancing` by `alpha` for positives and `1 - alpha` for
    negatives; the result is averaged over `axis`.

    Args:
        y_true: Targets in `[0, 1]`, shape `(batch, d0, .. dN)`.
        y_pred: Probabilities (or logits if `from_logits`), same shape.
        apply_class_balancing: Whether to weigh classes by `alpha`.
        alpha: The weight of the positive class, in `[0, 1]`.
        gamma: The focusing parameter, at least 0 (0 gives crossentropy).
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are moved towards 0.5.
        axis: The axis averaged over.

    Returns:
        The loss of each sample: the inputs' shape without `axis`.

    Example:

    >>> keras_core.losses.binary_focal_crossentropy([[0.0, 1.0]], [[0.4, 0.6]])
    array([0.0817...], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "binary_focal_crossentropy")
    y_true = _smooth_binary(y_true, label_smoothing)
    crossentropy = ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits)
    if from_logits:
        # 1 - p_t from sigmoids of +-x, exact where 1 - sigmoid(x) rounds to 0.
        one_minus_p_t = y_true * ops.sigmoid(-y_pred) + (1.0 - y_true) * ops.sigmoid(
            y_pred
        )
    else:
        one_minus_p_t = 1.0 - (y_true * y_pred + (1.0 - y_true) * (1.0 - y_pred))
    focal = ops.power(one_minus_p_t, gamma) * crossentropy
    if apply_class_balancing:
        focal = (y_true * alpha + (1.0 - y_true) * (1.0 - alpha)) * focal
    return ops.mean(focal, axis=axis)


@keras_public("keras.losses", "keras.metrics")
def categorical_crossentropy(
    y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1
):
    """Categorical crossentropy between one-hot (or soft) targets and outputs.

    Args:
        y_true: Class probabilities (one-hot or soft), `(batch, .., classes)`.
        y_pred: Probabilities (or logits if `from_logits`), same shape;
            probabilities are rescaled to sum to 1 along `axis`.
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are mixed with the uniform
            distribution, `y_true * (1 - ls) + ls / num_classes`.
        axis: The class axis.

    Returns:
        The loss of each sample: the inputs' shape without `axis`.

    Example:

    >>> keras_core.losses.categorical_crossentropy([[0.0, 1.0, 0.0]],
    ...                                            [[0.05, 0.95, 0.0]])
    array([0.05129...], dtype=float32)
    """
    _check_axis(axis, "categorical_crossentropy")
    y_true, y_pred = convert_inputs(y_true, y_pred, "categorical_crossentropy")
    _warn_single_class(y_pred, "categorical_crossentropy")
    y_true = _smooth_categorical(y_true, label_smoothing, axis)
    return ops.categorical_crossentropy(
        y_true, y_pred, from_logits=from_logits, axis=axis
    )


@keras_public("keras.losses", "keras.metrics")
def categorical_focal_crossentropy(
    y_true,
    y_pred,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    """Categorical focal crossentropy: crossentropy down-weighting easy cases.

    `sum(-alpha * (1 - p) ** gamma * y_true * log(p), axis)`, where `p`
    are the predicted probabilities (rescaled to sum to 1, and clipped to
    `[epsilon, 1 - epsilon]`).

    Args:
        y_true: Class probabilities (one-hot or soft), `(batch, .., classes)`.
        y_pred: Probabilities (or logits if `from_logits`), same shape.
        alpha: The weight of the loss, in `[0, 1]`.
        gamma: The focusing parameter, at least 0.
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are mixed with the uniform
            distribution.
        axis: The class axis.

    Returns:
        The loss of each sample: the inputs' shape without `axis`.

    Example:

    >>> keras_core.losses.categorical_focal_crossentropy([[0.0, 1.0, 0.0]],
    ...                                                  [[0.1, 0.8, 0.1]])
    array([0.00223...], dtype=float32)
    """
    _check_axis(axis, "categorical_focal_crossentropy")
    y_true, y_pred = convert_inputs(y_true, y_pred, "categorical_focal_crossentropy")
    _warn_single_class(y_pred, "categorical_focal_crossentropy")
    y_true = _smooth_categorical(y_true, label_smoothing, axis)
    if from_logits:
        log_probabilities = ops.log_softmax(y_pred, axis=axis)
        probabilities = ops.exp(log_probabilities)
    else:
        probabilities = y_pred / ops.sum(y_pred, axis=axis, keepdims=True)
        probabilities = ops.clip(probabilities, epsilon(), 1.0 - epsilon())
        log_probabilities = ops.log(probabilities)
    # Clipped so that a gamma below 1 keeps a finite gradient at p = 1.
    modulating = ops.power(
        1.0 - ops.clip(probabilities, epsilon(), 1.0 - epsilon()), gamma
    )
    return ops.sum(alpha * modulating * (-y_true * log_probabilities), axis=axis)


def _drop_trailing_unit_axis(y_true, y_pred):
    # Labels of shape (batch, .., 1) index classes of (batch, .., classes).
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        return ops.squeeze(y_true, axis=-1)
    return y_true


@keras_public("keras.losses", "keras.metrics")
@takes_integer_targets
def sparse_categorical_crossentropy(
    y_true, y_pred, from_logits=False, ignore_class=None, axis=-1
):
    """Categorical crossentropy with integer class indices as targets.

    Args:
        y_true: Class indices, shape `(batch, d0, .. dN)` (a trailing axis
            of length 1 is also accepted).
        y_pred: Probabilities (or logits if `from_logits`), shape
            `(batch, d0, .. dN, classes)` (classes on `axis`).
        from_logits: Whether `y_pred` holds logits.
        ignore_class: A class index whose entries get a loss of 0; through
            a `Loss` they are also left out of the mean (the values carry
            a mask saying so). Typically the index of padding, such as -1.
        axis: The class axis of `y_pred`.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN)`.

    Example:

    >>> keras_core.losses.sparse_categorical_crossentropy([1, 2],
    ...     [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]])
    array([0.05129..., 2.30258...], dtype=float32)
    """
    y_pred = convert_predictions(y_pred)
    y_true = convert_labels(y_true)
    if ignore_class is None:
        return ops.sparse_categorical_crossentropy(
            y_true, y_pred, from_logits=from_logits, axis=axis
        )
    y_true = _drop_trailing_unit_axis(y_true, y_pred)
    valid = ops.not_equal(y_true, ignore_class)
    # Ignored entries take class 0 (any valid index would do) and their
    # loss is zeroed after; the predictions are left untouched so that no
    # 0/0 reaches the gradient.
    losses = ops.sparse_categorical_crossentropy(
        ops.where(valid, y_true, 0), y_pred, from_logits=from_logits, axis=axis
    )
    losses = ops.where(valid, losses, ops.zeros_like(losses))
    call_context_lib.set_mask(
        losses, valid, getattr(call_context_lib.THREAD, "context", None)
    )
    return losses


@keras_public("keras.losses")
@takes_integer_targets
def categorical_generalized_cross_entropy(y_true, y_pred, q):
    """Generalized cross entropy, robust to noisy labels (Zhang & Sabuncu).

    `(1 - p_t ** q) / q`, where `p_t` is the predicted probability of the
    true class: crossentropy as `q` tends to 0, mean absolute error at 1.

    Args:
        y_true: Class indices, shape `(batch, ..)` (a trailing axis of
            length 1 is also accepted).
        y_pred: Probabilities, shape `(batch, .., classes)`.
        q: The exponent, in `(0, 1)`.

    Returns:
        The loss of each sample, shape `(batch, ..)`.

    Example:

    >>> keras_core.losses.categorical_generalized_cross_entropy(
    ...     [1], [[0.2, 0.64, 0.16]], q=0.5)
    array([0.39999...], dtype=float32)
    """
    y_pred = convert_predictions(y_pred)
    y_true = _drop_trailing_unit_axis(convert_labels(y_true), y_pred)
    if len(y_true.shape) != len(y_pred.shape) - 1:
        raise ValueError(
            "`categorical_generalized_cross_entropy`: `y_true` must hold class "
            "indices, with the shape of `y_pred` without its last (class) "
            f"axis. Received: y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}. For one-hot targets pass "
            "`argmax(y_true, axis=-1)`."
        )
    one_hot = ops.one_hot(y_true, y_pred.shape[-1], dtype=y_pred.dtype)
    p_true = ops.sum(y_pred * one_hot, axis=-1)
    return (1.0 - ops.power(p_true, q)) / q


@keras_public("keras.losses", "keras.metrics")
def kl_divergence(y_true, y_pred):
    """Kullback-Leibler divergence: `sum(y_true * log(y_true / y_pred))`.

    Both inputs are clipped to `[epsilon, 1]` first, summed over the last
    axis.

    Args:
        y_true: Target distributions, shape `(batch, d0, .. dN)`.
        y_pred: Predicted distributions, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.kl_divergence([[0.5, 0.5]], [[0.25, 0.75]])
    array([0.14384...], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "kl_divergence")
    y_true = ops.clip(y_true, epsilon(), 1.0)
    y_pred = ops.clip(y_pred, epsilon(), 1.0)
    return ops.sum(y_true * ops.log(y_true / y_pred), axis=-1)


@keras_public("keras.losses", "keras.metrics")
def poisson(y_true, y_pred):
    """Poisson loss: `mean(y_pred - y_true * log(y_pred + epsilon))`.

    Args:
        y_true: Observed counts, shape `(batch, d0, .. dN)`.
        y_pred: Predicted rates, same shape.

    Returns:
        The loss of each sample, shape `(batch, d0, .. dN-1)`.

    Example:

    >>> keras_core.losses.poisson([[1.0, 2.0]], [[1.0, 1.0]])
    array([0.99999...], dtype=float32)
    """
    y_true, y_pred = convert_inputs(y_true, y_pred, "poisson")
    return ops.mean(y_pred - y_true * ops.log(y_pred + epsilon()), axis=-1)


@keras_public("keras.losses")
class BinaryCrossentropy(LossFunctionWrapper):
    """Binary crossentropy between targets in `[0, 1]` and predictions.

    Args:
        from_logits: Whether `y_pred` holds logits rather than
            probabilities.
        label_smoothing: In `[0, 1]`: targets are moved towards 0.5.
        axis: The axis averaged over.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.BinaryCrossentropy()
    >>> round(float(loss([[0.0, 1.0]], [[0.4, 0.6]])), 4)
    0.5108
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


@keras_public("keras.losses")
class BinaryFocalCrossentropy(LossFunctionWrapper):
    """Binary focal crossentropy (see `binary_focal_crossentropy`).

    Args:
        apply_class_balancing: Whether to weigh classes by `alpha`.
        alpha: The weight of the positive class, in `[0, 1]`.
        gamma: The focusing parameter, at least 0.
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are moved towards 0.5.
        axis: The axis averaged over.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.BinaryFocalCrossentropy(gamma=2.0)
    >>> round(float(loss([[0.0, 1.0]], [[0.4, 0.6]])), 4)
    0.0817
    """

    def __init__(
        self,
        apply_class_balancing=False,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_focal_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
            apply_class_balancing=apply_class_balancing,
            alpha=alpha,
            gamma=gamma,
        )


@keras_public("keras.losses")
class CategoricalCrossentropy(LossFunctionWrapper):
    """Categorical crossentropy for one-hot (or soft) targets.

    Args:
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are mixed with the uniform
            distribution.
        axis: The class axis.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CategoricalCrossentropy()
    >>> round(float(loss([[0.0, 1.0, 0.0]], [[0.05, 0.95, 0.0]])), 4)
    0.0513
    """

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )


@keras_public("keras.losses")
class CategoricalFocalCrossentropy(LossFunctionWrapper):
    """Categorical focal crossentropy (see `categorical_focal_crossentropy`).

    Args:
        alpha: The weight of the loss, in `[0, 1]`.
        gamma: The focusing parameter, at least 0.
        from_logits: Whether `y_pred` holds logits.
        label_smoothing: In `[0, 1]`: targets are mixed with the uniform
            distribution.
        axis: The class axis.
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CategoricalFocalCrossentropy()
    >>> round(float(loss([[0.0, 1.0, 0.0]], [[0.1, 0.8, 0.1]])), 5)
    0.00223
    """

    def __init__(
        self,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_focal_crossentropy",
        dtype=None,
    ):
        super().__init__(
            categorical_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
            alpha=alpha,
            gamma=gamma,
        )


@keras_public("keras.losses")
class SparseCategoricalCrossentropy(LossFunctionWrapper):
    """Categorical crossentropy with integer class indices as targets.

    Entries whose label is `ignore_class` get a loss of 0 and are left out
    of the mean. The config also records `axis` (Keras 3.15 leaves it out,
    so its round trips fall back to `axis=-1`).

    Args:
        from_logits: Whether `y_pred` holds logits.
        ignore_class: A class index to ignore (such as padding), or None.
        reduction: The reduction (see `keras_core.losses.Loss`).
        axis: The class axis of `y_pred`.
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.SparseCategoricalCrossentropy(ignore_class=-1)
    >>> round(float(loss([1, -1], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]])), 4)
    0.0513
    """

    def __init__(
        self,
        from_logits=False,
        ignore_class=None,
        reduction="sum_over_batch_size",
        axis=-1,
        name="sparse_categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            sparse_categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )


@keras_public("keras.losses")
class CategoricalGeneralizedCrossEntropy(LossFunctionWrapper):
    """Generalized cross entropy for noisy labels (integer class targets).

    Args:
        q: The exponent, strictly between 0 and 1: near 0 the loss acts as
            crossentropy, near 1 as mean absolute error (more robust to
            wrong labels, slower to train).
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.CategoricalGeneralizedCrossEntropy(q=0.5)
    >>> round(float(loss([1], [[0.2, 0.64, 0.16]])), 4)
    0.4
    """

    def __init__(
        self,
        q=0.5,
        reduction="sum_over_batch_size",
        name="categorical_generalized_cross_entropy",
        dtype=None,
    ):
        if not 0.0 < q < 1.0:
            raise ValueError(
                "CategoricalGeneralizedCrossEntropy: `q` must be strictly "
                f"between 0 and 1. Received: q={q}"
            )
        super().__init__(
            categorical_generalized_cross_entropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            q=q,
        )


@keras_public("keras.losses")
class KLDivergence(LossFunctionWrapper):
    """Kullback-Leibler divergence: `sum(y_true * log(y_true / y_pred))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.KLDivergence()
    >>> round(float(loss([[0.5, 0.5]], [[0.25, 0.75]])), 4)
    0.1438
    """

    def __init__(
        self, reduction="sum_over_batch_size", name="kl_divergence", dtype=None
    ):
        super().__init__(kl_divergence, name=name, reduction=reduction, dtype=dtype)


@keras_public("keras.losses")
class Poisson(LossFunctionWrapper):
    """Poisson loss: `mean(y_pred - y_true * log(y_pred + epsilon))`.

    Args:
        reduction: The reduction (see `keras_core.losses.Loss`).
        name: The loss's name.
        dtype: The dtype of the computation.

    Example:

    >>> loss = keras_core.losses.Poisson()
    >>> round(float(loss([[1.0, 2.0]], [[1.0, 1.0]])), 4)
    1.0
    """

    def __init__(self, reduction="sum_over_batch_size", name="poisson", dtype=None):
        super().__init__(poisson, name=name, reduction=reduction, dtype=dtype)
