"""Batch packing, the validation split, class weights and array helpers.

Arrays here are NumPy arrays, backend tensors of any framework (a torch
tensor works on the jax backend too) and pandas objects. Frameworks are
recognized by the module of an object's type, so nothing here imports one.
"""

import math

import numpy as np

from keras_core._src import backend
from keras_core._src.tree import tree_api as tree

__all__ = ["pack_x_y_sample_weight", "unpack_x_y_sample_weight"]

_DATA_FORMATS = "`x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`"


def pack_x_y_sample_weight(x, y=None, sample_weight=None):
    """Packs inputs, targets and sample weights into one batch, as fit() does.

    `x` alone is returned as is, unless it is a list or tuple: then it is
    wrapped in a 1-tuple, so that `unpack_x_y_sample_weight` cannot mistake
    its items for `(x, y)`. Sample weights without targets give
    `(x, None, sample_weight)`, which unpacks to the same three values.

    Args:
        x: The inputs (an array or a nested structure of arrays).
        y: The targets, or None.
        sample_weight: The sample weights, or None.

    Returns:
        `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`.

    Example:

    >>> x, y = np.ones((2, 3)), np.zeros((2,))
    >>> data = keras_core.utils.pack_x_y_sample_weight(x, y)
    >>> len(data)
    2
    >>> keras_core.utils.unpack_x_y_sample_weight(data)[1] is y
    True
    """
    if y is None and sample_weight is None:
        if isinstance(x, (list, tuple)):
            return (x,)
        return x
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)


def unpack_x_y_sample_weight(data):
    """Splits a batch into inputs, targets and sample weights.

    The inverse of `pack_x_y_sample_weight`, for custom `train_step`s:
    a list or tuple of one to three items is `(x,)`, `(x, y)` or
    `(x, y, sample_weight)`; anything else is `x` alone.

    Args:
        data: A batch: `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`.

    Returns:
        The tuple `(x, y, sample_weight)`, with None for what is absent.

    Raises:
        ValueError: If `data` is a list or tuple of 0 or more than 3 items.

    Example:

    >>> keras_core.utils.unpack_x_y_sample_weight((1, 2))
    (1, 2, None)
    >>> keras_core.utils.unpack_x_y_sample_weight({"a": 1})
    ({'a': 1}, None, None)
    """
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return (data, None, None)
    if len(data) == 1:
        return (data[0], None, None)
    if len(data) == 2:
        return (data[0], data[1], None)
    if len(data) == 3:
        return data
    raise ValueError(
        f"unpack_x_y_sample_weight: data is expected to be in format "
        f"{_DATA_FORMATS}. Received a {type(data).__name__} of {len(data)} "
        "items. Pack batches with `keras_core.utils.pack_x_y_sample_weight`."
    )


def framework_of(value):
    """The root module of `value`'s type (`"torch"`, `"tensorflow"`, ...)."""
    return type(value).__module__.split(".", 1)[0]


def is_pandas(value):
    return framework_of(value) == "pandas" and hasattr(value, "to_numpy")


def is_array_like(value):
    """Whether `value` is an array with a shape: NumPy, any framework, pandas."""
    if isinstance(value, np.ndarray) or is_pandas(value):
        return True
    if isinstance(value, (str, bytes)) or not hasattr(value, "shape"):
        return False
    return hasattr(value, "__array__") or backend.core.is_tensor(value)


def to_numpy(value):
    """`value` as a NumPy array, wherever it lives (GPU tensors included)."""
    if isinstance(value, np.ndarray):
        return value
    if is_pandas(value):
        return value.to_numpy()
    if framework_of(value) == "torch":
        # A tensor on an accelerator, or one that requires grad, refuses
        # np.asarray.
        return value.detach().cpu().numpy()
    if backend.core.is_tensor(value):
        return np.asarray(backend.core.convert_to_numpy(value))
    return np.asarray(value)


def num_samples(value):
    """The length of the first axis of an array-like."""
    shape = value.shape
    return int(shape[0])


def check_num_samples(named_structures, caller):
    """Raises unless every array in the structures has the same length.

    Args:
        named_structures: `(name, structure)` pairs, such as `("x", x)`.
        caller: What to name in the error (`"fit()"`, ...).

    Returns:
        The common number of samples (None when there are no arrays).
    """
    sizes = {}
    for name, structure in named_structures:
        lengths = [
            num_samples(leaf) for leaf in tree.flatten(structure) if leaf is not None
        ]
        if lengths:
            sizes[name] = lengths
    distinct = {length for lengths in sizes.values() for length in lengths}
    if len(distinct) > 1:
        listed = "; ".join(
            f"{name} sizes: {', '.join(map(str, lengths))}"
            for name, lengths in sizes.items()
        )
        raise ValueError(
            f"{caller}: data cardinality is ambiguous: every array of "
            f"{', '.join(sizes)} must have the same number of samples (its "
            f"first axis). Received: {listed}. Make sure all arrays contain "
            "the same number of samples."
        )
    return distinct.pop() if distinct else None


def _slice(leaf, start, stop):
    if leaf is None:
        return None
    if is_pandas(leaf):
        return leaf.iloc[start:stop]
    return leaf[start:stop]


def train_validation_split(arrays, validation_split):
    """Splits arrays into a training part and the last samples for validation.

    Args:
        arrays: A tuple such as `(x, y, sample_weight)` of arrays or nested
            structures of arrays (NumPy, backend tensors, pandas), with None
            where something is absent.
        validation_split: The fraction of samples held out, in `[0, 1)`.
            The last `n - floor(n * (1 - validation_split))` samples go to
            validation, before any shuffling, as in Keras.

    Returns:
        `(train_arrays, validation_arrays)`, each shaped like `arrays`.

    Raises:
        ValueError: If `validation_split` is outside `[0, 1)`, if `arrays`
            holds something other than arrays (a generator, a dataset, a
            list of numbers), if the arrays differ in length, or if the
            split leaves either part empty.

    Example:

    >>> x, y = np.arange(10), np.arange(10) * 2
    >>> (x_train, y_train), (x_val, y_val) = train_validation_split(
    ...     (x, y), validation_split=0.2)
    >>> x_val
    array([8, 9])
    """
    if (
        isinstance(validation_split, bool)
        or not isinstance(validation_split, (int, float))
        or not 0 <= validation_split < 1
    ):
        raise ValueError(
            "Argument `validation_split` must be a number in [0, 1): the "
            "fraction of the samples held out for validation. Received: "
            f"validation_split={validation_split!r}"
        )
    leaves = tree.flatten(arrays)
    unsupported = [
        type(leaf) for leaf in leaves if leaf is not None and not is_array_like(leaf)
    ]
    if unsupported:
        raise ValueError(
            "Argument `validation_split` is only supported for tensors, NumPy "
            "arrays and pandas objects (it takes the last samples of each). "
            f"Found incompatible types in the input: {unsupported}. Pass "
            "`validation_data` instead for datasets, generators and PyDataset."
        )
    if isinstance(arrays, tuple) and 1 <= len(arrays) <= 3:
        named = zip(("x", "y", "sample_weight"), arrays, strict=False)
    else:
        named = [("arrays", arrays)]
    total = check_num_samples(named, "train_validation_split")
    if total is None:
        raise ValueError(
            "train_validation_split: `arrays` holds no array to split. "
            f"Received: {arrays!r}"
        )
    split_at = math.floor(total * (1.0 - validation_split))
    if split_at == 0 or split_at == total:
        raise ValueError(
            f"Training data contains {total} samples, which is not sufficient "
            "to split it into a validation and training set as specified by "
            f"`validation_split={validation_split}` ({split_at} training and "
            f"{total - split_at} validation samples). Either provide more "
            "data, or a different value for the `validation_split` argument."
        )

    def part(start, stop):
        return tree.map_structure(lambda leaf: _slice(leaf, start, stop), arrays)

    return part(0, split_at), part(split_at, total)


def class_weight_to_sample_weights(y, class_weight):
    """Sample weights for a batch of targets from a `{class: weight}` dict.

    Integer labels (shape `(batch,)` or `(batch, 1)`; float labels are
    rounded) index the dict directly; one-hot rows (a last axis longer than
    1) give their argmax. Classes missing from the dict weigh 1, as in Keras.

    Args:
        y: A NumPy array of targets.
        class_weight: A dict from class indices to weights.

    Returns:
        A float32 NumPy array of shape `(batch,)`.
    """
    labels = np.asarray(y)
    if labels.ndim > 1 and labels.shape[-1] > 1:
        labels = np.argmax(labels, axis=-1)
    elif labels.ndim > 1:
        labels = labels.reshape(labels.shape[:-1])
    if labels.dtype.kind == "f":
        labels = np.rint(labels)
    weights = np.ones(labels.shape, "float32")
    for label, weight in class_weight.items():
        weights[labels == label] = weight
    return weights


def check_class_weight(class_weight):
    """Raises unless `class_weight` is a dict of int classes to numbers."""
    if not isinstance(class_weight, dict):
        raise ValueError(
            "Argument `class_weight` must be a dict mapping class indices "
            f"(ints) to weights. Received: class_weight={class_weight!r} of "
            f"type {type(class_weight).__name__}"
        )
    for key, value in class_weight.items():
        if isinstance(key, bool) or not isinstance(key, (int, np.integer)):
            raise ValueError(
                "The keys of `class_weight` must be integer class indices. "
                f"Received the key {key!r} in class_weight={class_weight!r}"
            )
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise ValueError(
                "The values of `class_weight` must be numbers. Received "
                f"{key}: {value!r} in class_weight={class_weight!r}"
            )


def class_weight_batch(x, y, sample_weight, class_weight, source):
    """`(x, y, sample_weight)` with the weights of `class_weight` added."""
    if y is None:
        raise ValueError(
            f"Argument `class_weight` needs targets `y` to weigh, but {source} "
            "has no targets. Pass `y` (or batches of `(x, y)`), or drop "
            "`class_weight`."
        )
    if sample_weight is not None:
        raise ValueError(
            "You cannot pass `class_weight` and `sample_weight` at the same "
            "time: class weights are turned into sample weights. Multiply "
            "your sample weights by the class weights yourself instead."
        )
    if tree.is_nested(y):
        raise ValueError(
            "`class_weight` is only supported for Models with a single "
            f"output (one array of targets). Received y as a "
            f"{type(y).__name__} of {len(tree.flatten(y))} arrays. Pass "
            "per-output `sample_weight` instead."
        )
    return x, y, class_weight_to_sample_weights(to_numpy(y), class_weight)
