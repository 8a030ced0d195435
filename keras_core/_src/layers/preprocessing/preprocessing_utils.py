"""Helpers shared by the preprocessing layers.

- Output encodings of integer tokens (`int`, `one_hot`, `multi_hot`,
  `count`, `tf_idf`), dense everywhere and sparse where the backend has
  sparse tensors, with their output shapes and argument checks.
- The data `adapt()` reads: arrays, backend tensors, `tf.data` datasets,
  torch `DataLoader`s and Python iterables of batches, as NumPy batches.
- Raw data the layers read on the host: strings (Python, NumPy or
  TensorFlow string tensors) and concrete values of tensors for eager checks.

Frameworks are recognized by the module of an object's type, so nothing
here imports one.
"""

import itertools

import numpy as np

from keras_core import ops
from keras_core._src import backend
from keras_core._src.trainers.data_adapters.data_utils import is_array_like
from keras_core._src.trainers.data_adapters.data_utils import to_numpy
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import is_tf_dataset
from keras_core._src.trainers.data_adapters.torch_dataloader_adapter import (
    is_torch_dataloader,
)

__all__ = []

OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count")


def check_output_mode(layer_name, output_mode, allowed=OUTPUT_MODES):
    """Raises unless `output_mode` is one of `allowed`.

    Args:
        layer_name: The layer's class name, for the message.
        output_mode: The value received.
        allowed: The accepted values.
    """
    if output_mode not in allowed:
        raise ValueError(
            f"{layer_name}: invalid value for argument `output_mode`. Expected "
            f"one of {allowed}. Received: output_mode={output_mode!r}"
        )


def check_sparse(layer_name, sparse, output_mode):
    """Raises unless `sparse=True` can be honoured for `output_mode`.

    Sparse outputs exist only for the encoded modes, and only on backends
    with sparse tensors (jax, tensorflow).

    Args:
        layer_name: The layer's class name, for the message.
        sparse: The `sparse` argument.
        output_mode: The layer's output mode.
    """
    if not sparse:
        return
    if output_mode == "int":
        raise ValueError(
            f"{layer_name}: `sparse=True` needs an encoded output: set "
            "`output_mode` to 'one_hot', 'multi_hot' or 'count', or use "
            f"sparse=False. Received: sparse=True, output_mode={output_mode!r}"
        )
    if not backend.core.SUPPORTS_SPARSE_TENSORS:
        raise ValueError(
            f"{layer_name}: `sparse=True` needs a backend with sparse tensors "
            f"(jax or tensorflow), but the backend is '{backend.backend()}'. "
            "Use sparse=False (dense outputs) on this backend."
        )


def encoded_output_shape(input_shape, output_mode, depth):
    """The shape `encode_categorical_inputs` gives for inputs of `input_shape`.

    Args:
        input_shape: A tuple (None for unknown dimensions).
        output_mode: One of `OUTPUT_MODES` or `"tf_idf"`.
        depth: The number of output bins.

    Returns:
        A tuple.

    Example:

    >>> encoded_output_shape((None, 3), "multi_hot", 5)
    (None, 5)
    """
    input_shape = tuple(input_shape)
    if output_mode == "int":
        return input_shape
    if not input_shape:
        return (1, depth) if output_mode == "one_hot" else (depth,)
    if output_mode == "one_hot":
        if len(input_shape) >= 2 and input_shape[-1] == 1:
            return (*input_shape[:-1], depth)
        return (*input_shape, depth)
    return (*input_shape[:-1], depth)


def encode_categorical_inputs(
    inputs,
    output_mode,
    depth,
    dtype="float32",
    sparse=False,
    count_weights=None,
    idf_weights=None,
):
    """Encodes integer tokens in `[0, depth)` as Keras's preprocessing layers do.

    `one_hot` encodes each token (a trailing axis of size 1 is dropped);
    `multi_hot`, `count` and `tf_idf` reduce the last axis (a rank-1 input
    is one sample), marking, counting (optionally weighted by
    `count_weights`) or counting times `idf_weights`. A scalar input is a
    batch of one token. Tokens outside `[0, depth)` encode to nothing.

    Args:
        inputs: Integer tensor of tokens.
        output_mode: One of `OUTPUT_MODES` or `"tf_idf"`.
        depth: The number of output bins.
        dtype: The dtype of encoded outputs (of `int` outputs too).
        sparse: Whether to return a sparse tensor (jax, tensorflow; inputs
            of rank 2 at most, rank 1 for `one_hot`).
        count_weights: Optional weights of `inputs`' shape, for `count`.
        idf_weights: A `(depth,)` tensor, for `tf_idf`.

    Returns:
        The encoded tensor, of shape `encoded_output_shape(...)`.

    Example:

    >>> encode_categorical_inputs(numpy.array([[0, 2, 2]]), "count", 3)
    array([[1., 0., 2.]], dtype=float32)
    """
    inputs = ops.convert_to_tensor(inputs)
    if output_mode == "int":
        return ops.cast(inputs, dtype)
    if count_weights is not None:
        count_weights = ops.cast(count_weights, dtype)
    if len(inputs.shape) == 0:
        inputs = ops.reshape(inputs, (1,))
        if count_weights is not None:
            count_weights = ops.reshape(count_weights, (1,))
    if output_mode == "one_hot":
        if len(inputs.shape) >= 2 and inputs.shape[-1] == 1:
            inputs = ops.squeeze(inputs, axis=-1)
        tokens = ops.expand_dims(inputs, -1)
    else:
        tokens = inputs
    if sparse:
        return _sparse_encode(
            tokens, output_mode, depth, dtype, count_weights, idf_weights
        )
    if output_mode == "one_hot":
        return ops.one_hot(inputs, depth, dtype=dtype)
    # One-hot then reduce: shape-agnostic and traceable on every backend
    # (a bincount's length depends on the values, which jit cannot have).
    encoded = ops.one_hot(tokens, depth, dtype=dtype)
    if output_mode == "multi_hot":
        return ops.max(encoded, axis=-2)
    if count_weights is not None:
        encoded = encoded * ops.expand_dims(count_weights, -1)
    counts = ops.sum(encoded, axis=-2)
    if output_mode == "tf_idf":
        counts = counts * ops.cast(idf_weights, dtype)
    return counts


def _first_occurrences(tokens):
    # 1 where a token appears for the first time in its row: multi_hot as a
    # weighted bincount, since sparse counts cannot be clipped to 1.
    equal = ops.expand_dims(tokens, -1) == ops.expand_dims(tokens, -2)
    length = tokens.shape[-1]
    earlier = np.tril(np.ones((length, length), dtype=bool), k=-1)
    repeated = ops.any(ops.logical_and(equal, earlier), axis=-1)
    return ops.where(repeated, 0, 1)


def _sparse_encode(tokens, output_mode, depth, dtype, count_weights, idf_weights):
    if len(tokens.shape) > 2:
        raise ValueError(
            f"Sparse '{output_mode}' outputs take inputs of rank 2 at most "
            f"(rank 1 for 'one_hot'). Received inputs of shape {tokens.shape}. "
            "Reshape the inputs, or use sparse=False."
        )
    if output_mode == "multi_hot":
        weights = _first_occurrences(tokens)
    elif count_weights is not None:
        weights = count_weights
    else:
        weights = ops.ones_like(tokens)
    weights = ops.cast(weights, dtype)
    if output_mode == "tf_idf":
        weights = weights * ops.take(ops.cast(idf_weights, dtype), tokens)
    return ops.bincount(tokens, weights=weights, minlength=depth, sparse=True)


def concrete_values(x):
    """`x` as a NumPy array, or None while `x` is being traced (jit, tf.function).

    Args:
        x: A tensor, array or Python data.

    Returns:
        A NumPy array, or None when `x` has no values yet.
    """
    if isinstance(x, np.ndarray):
        return x
    if not backend.core.is_tensor(x):
        return np.asarray(x)
    try:
        return np.asarray(backend.core.convert_to_numpy(x))
    except Exception:
        # Tracers (jit, tf.function) refuse, each framework its own way.
        return None


def to_numpy_data(x):
    """Any layer input (tensor, array, Python data) as a NumPy array.

    String tensors come back as object arrays of `bytes`, Python strings as
    NumPy unicode arrays.

    Args:
        x: A tensor, array, or nested Python lists.

    Returns:
        A NumPy array.
    """
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, (str, bytes, list, tuple)) or np.isscalar(x):
        return np.asarray(x)
    return to_numpy(x)


def host_array(layer_name, x):
    """`x` as a NumPy array for a layer that computes on the host.

    Hashing strings and looking them up are done in NumPy on every backend,
    so they need values, not a traced tensor.

    Args:
        layer_name: The layer's name and class, for the message.
        x: Strings (Python, NumPy, string tensor), numbers or a tensor.

    Returns:
        A NumPy array.
    """
    if isinstance(x, (str, bytes, list, tuple)):
        return np.asarray(x)
    values = concrete_values(x)
    if values is None:
        raise ValueError(
            f"{layer_name} computes on the host (in NumPy) and needs input "
            f"values, but received a traced tensor {x!r:.120} (inside "
            "`jax.jit`, a `tf.function` or a `tf.data` map). Call the layer "
            "eagerly: on the data before the model, or in a model compiled "
            "with `run_eagerly=True`."
        )
    return values


def adapt_batches(data, batch_size=None, steps=None):
    """The batches of `adapt()`'s `data`, as NumPy arrays.

    An array or tensor is one batch (or slices of `batch_size` rows). A
    `tf.data.Dataset`, a torch `DataLoader`, a generator or an iterator
    yields its batches; so does a list or tuple of arrays. A list of plain
    values (numbers, strings, nested lists) is one batch.

    Args:
        data: The data to adapt on.
        batch_size: Rows per batch when `data` is an array.
        steps: The most batches to read (all by default).

    Yields:
        NumPy arrays.
    """
    if data is None:
        raise ValueError(
            "adapt() needs data: an array, a tensor, a tf.data.Dataset or an "
            "iterable of batches. Received: data=None"
        )
    if steps is not None and (not isinstance(steps, int) or steps < 1):
        raise ValueError(
            "adapt(): `steps` must be a positive int or None. Received: "
            f"steps={steps!r}"
        )
    if is_array_like(data) or not _is_batch_iterable(data):
        array = to_numpy_data(data)
        if batch_size is None:
            batches = iter([array])
        else:
            batches = (
                array[start : start + batch_size]
                for start in range(0, max(len(array), 1), batch_size)
            )
    else:
        if batch_size is not None:
            raise ValueError(
                "adapt(): `batch_size` applies to arrays only; a dataset or an "
                f"iterable makes its own batches. Received: batch_size={batch_size}"
            )
        batches = (_batch_array(batch) for batch in data)
    return itertools.islice(batches, steps)


def _is_batch_iterable(data):
    if is_tf_dataset(data) or is_torch_dataloader(data):
        return True
    if isinstance(data, (list, tuple)):
        return bool(data) and all(is_array_like(item) for item in data)
    if isinstance(data, (str, bytes, dict)):
        return False
    return hasattr(data, "__iter__") or hasattr(data, "__next__")


def _batch_array(batch):
    if is_array_like(batch) or isinstance(batch, (list, str, bytes)):
        return to_numpy_data(batch)
    raise TypeError(
        "adapt() reads batches of data (arrays or tensors), but the data "
        f"yielded {type(batch).__name__}: {batch!r:.100}. Yield the inputs only, "
        "not (inputs, targets) pairs; e.g. `dataset.map(lambda x, y: x)`."
    )
