"""Host-side string processing inside TensorFlow graphs, for text layers.

The string preprocessing layers (`StringLookup`, `TextVectorization`, ...)
compute on the host with Python and NumPy, on every backend. A graph being
traced (`tf.function`, a `tf.data` map) holds symbolic `tf.Tensor`s with
no values yet: there the layer's NumPy function runs as a graph op
(`tf.numpy_function`), so the layer gives the same results in a pipeline
as eagerly. Eager ragged outputs are built here too.

The layers reach this module only when TensorFlow is already imported
and a TensorFlow tensor (or a ragged output) is at hand.
"""

import numpy as np

from keras_core._src.backend.tensorflow.tf_import import tf

__all__ = []


def is_symbolic_tensor(x):
    """Whether `x` is a TensorFlow tensor with no value yet (graph tracing).

    Args:
        x: Any object.

    Example:

    >>> is_symbolic_tensor(tf.constant(["a"]))
    False
    """
    return tf.is_tensor(x) and tf.is_symbolic_tensor(x)


def _as_tensorflow_output(array, dtype):
    array = np.asarray(array)
    if dtype == tf.string and array.dtype.kind == "U":
        # `numpy_function` hands strings back as bytes, not NumPy unicode.
        return np.char.encode(array, "utf-8").astype(object)
    return array.astype(dtype.as_numpy_dtype)


def host_call(function, inputs, dtype, shape):
    """Runs a NumPy function on `inputs` as one op of the graph being traced.

    Args:
        function: Takes the input's value as a NumPy array (strings as
            `bytes` objects) and returns a NumPy array.
        inputs: A symbolic `tf.Tensor`.
        dtype: The result's dtype name (`"int64"`, `"string"`, ...).
        shape: The result's static shape (None for unknown dimensions).

    Returns:
        A symbolic `tf.Tensor`.

    Example:

    >>> @tf.function
    ... def lengths(x):
    ...     return host_call(numpy.char.str_len, x, "int64", x.shape)
    """
    out_dtype = tf.as_dtype(dtype)

    def run(value):
        return _as_tensorflow_output(function(value), out_dtype)

    result = tf.numpy_function(run, [inputs], out_dtype, stateful=False)
    result.set_shape(shape)
    return result


def host_call_ragged(function, inputs, dtype):
    """Like `host_call`, for a function returning `(values, row_lengths)`.

    Args:
        function: Takes the input's value as a NumPy array and returns the
            flat values and the length of each row (rows of a 2D result).
        inputs: A symbolic `tf.Tensor`.
        dtype: The dtype name of the values.

    Returns:
        A `tf.RaggedTensor` of rank 2.
    """
    out_dtype = tf.as_dtype(dtype)

    def run(value):
        values, row_lengths = function(value)
        return (
            _as_tensorflow_output(values, out_dtype),
            np.asarray(row_lengths, dtype=np.int64),
        )

    values, row_lengths = tf.numpy_function(
        run, [inputs], [out_dtype, tf.int64], stateful=False
    )
    values.set_shape((None,))
    row_lengths.set_shape((None,))
    return tf.RaggedTensor.from_row_lengths(values, row_lengths)


def ragged_from_row_lengths(values, row_lengths, dtype):
    """A rank-2 `tf.RaggedTensor` from flat values and row lengths.

    Args:
        values: A 1D array.
        row_lengths: The length of each row (they sum to `len(values)`).
        dtype: The dtype name of the values.

    Example:

    >>> ragged_from_row_lengths([1, 2, 3], [2, 1], "int64").to_list()
    [[1, 2], [3]]
    """
    out_dtype = tf.as_dtype(dtype)
    return tf.RaggedTensor.from_row_lengths(
        tf.constant(_as_tensorflow_output(values, out_dtype), dtype=out_dtype),
        tf.constant(np.asarray(row_lengths, dtype=np.int64)),
    )
