"""Core functions of the TensorFlow backend: tensors are `tf.Tensor`s.

Sparse (`tf.SparseTensor`) and ragged (`tf.RaggedTensor`) tensors are kept
as they are unless `sparse=False` / `ragged=False` asks for a dense tensor.
"""

import contextlib

import numpy

from keras_core._src.backend.common import abstract_eval
from keras_core._src.backend.common import dtypes
from keras_core._src.backend.common import variables
from keras_core._src.backend.common.keras_tensor import raise_if_symbolic
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import SymbolicScope
from keras_core._src.backend.tensorflow.tf_import import tf

SUPPORTS_SPARSE_TENSORS = True
SUPPORTS_RAGGED_TENSORS = True


def to_tf_dtype(dtype):
    """Returns the `tf.DType` for any dtype `standardize_dtype` accepts."""
    return tf.as_dtype(dtypes.standardize_dtype(dtype))


def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Returns `x` as a `tf.Tensor` (sparse/ragged kept), cast to `dtype`."""
    if isinstance(x, variables.Variable):
        x = x.value
    raise_if_symbolic(x)
    if dtype is not None:
        dtype = to_tf_dtype(dtype)
    if isinstance(x, tf.SparseTensor):
        if sparse is False:
            x = tf.sparse.to_dense(x)
        elif dtype is not None and x.dtype != dtype:
            return tf.SparseTensor(x.indices, tf.cast(x.values, dtype), x.dense_shape)
        else:
            return x
    if isinstance(x, tf.RaggedTensor):
        if ragged is False:
            x = x.to_tensor()
        elif dtype is not None and x.dtype != dtype:
            return tf.cast(x, dtype)
        else:
            return x
    if tf.is_tensor(x) or isinstance(x, tf.Variable):
        if dtype is not None and x.dtype != dtype:
            return tf.cast(x, dtype)
        return x
    if dtype is None and not hasattr(x, "__array__"):
        dtype = to_tf_dtype(dtypes.python_data_dtype(x))
    if dtype is not None and not isinstance(x, (numpy.ndarray, numpy.generic)):
        # Convert Python data in its own type, then cast: converting 1.7
        # straight to int32 is an error in TensorFlow.
        return tf.cast(tf.convert_to_tensor(x), dtype)
    tensor = tf.convert_to_tensor(x)
    return tensor if dtype is None or tensor.dtype == dtype else tf.cast(tensor, dtype)


_TF_DTYPES = {name: tf.as_dtype(name) for name in dtypes.ALLOWED_DTYPES}


def converts_to_itself(x, dtype):
    """Whether `convert_to_tensor(x, dtype)` returns `x` itself.

    A quick test the ops' dispatch uses to skip converting arguments that
    are already right; False where the answer is not quickly known.

    Args:
        x: Any value.
        dtype: A dtype name as `standardize_dtype` gives it, or None.

    Returns:
        True for a dense `tf.Tensor` or a `tf.Variable` of `dtype` (any
        when None).

    Example:

    >>> converts_to_itself(tf.zeros(2, "float32"), "float32")
    True
    >>> converts_to_itself(tf.zeros(2, "float32"), "int32")
    False
    """
    if not isinstance(x, (tf.Tensor, tf.Variable)):
        return False
    return dtype is None or x.dtype is _TF_DTYPES.get(dtype)


def convert_to_numpy(x):
    """Returns `x` as a `numpy.ndarray`; sparse and ragged are densified."""
    if isinstance(x, variables.Variable):
        x = x.value
    if isinstance(x, tf.SparseTensor):
        x = tf.sparse.to_dense(x)
    elif isinstance(x, tf.RaggedTensor):
        x = x.to_tensor()
    return numpy.asarray(x)


def is_tensor(x):
    """Returns whether `x` is a TensorFlow tensor (dense, sparse or ragged)."""
    return tf.is_tensor(x)


def shape(x):
    """Returns the shape of `x`: ints where static, scalar tensors elsewhere.

    Inside a `tf.function`, dimensions unknown at trace time are returned as
    dynamic scalar tensors, so the result can still build reshapes.
    """
    static = x.shape.as_list() if x.shape.rank is not None else None
    if static is None:
        raise ValueError(
            f"The rank of tensor {x!r} is unknown, so its shape cannot be given "
            "as a tuple. Give the tf.function an `input_signature` with a rank."
        )
    if None not in static or isinstance(x, tf.RaggedTensor):
        return tuple(static)
    dynamic = tf.shape(x)
    return tuple(dynamic[i] if dim is None else dim for i, dim in enumerate(static))


def cast(x, dtype):
    """Returns `x` converted to `dtype`."""
    return convert_to_tensor(x, dtype=dtype)


def _parse_device(device_name):
    if not isinstance(device_name, str):
        raise ValueError(
            "`device_name` must be a string such as 'cpu:0' or 'gpu:1'. "
            f"Received: device_name={device_name!r}"
        )
    name = device_name.lstrip("/").replace("device:", "").replace("DEVICE:", "")
    kind, _, index = name.partition(":")
    return f"/device:{kind.upper()}:{index or 0}"


@contextlib.contextmanager
def device_scope(device_name):
    """Places computations on `device_name` (`"cpu:0"`, `"gpu:1"`)."""
    with tf.device(_parse_device(device_name)):
        yield


def _tensor_spec(keras_tensor):
    dtype = to_tf_dtype(keras_tensor.dtype)
    if keras_tensor.sparse:
        return tf.SparseTensorSpec(keras_tensor.shape, dtype)
    if keras_tensor.ragged:
        return tf.RaggedTensorSpec(
            keras_tensor.shape,
            dtype,
            ragged_rank=keras_tensor.ragged_rank,
            row_splits_dtype=to_tf_dtype(keras_tensor.row_splits_dtype),
        )
    return tf.TensorSpec(keras_tensor.shape, dtype)


def compute_output_spec(fn, *args, **kwargs):
    """Returns `fn`'s outputs for KerasTensor inputs, as KerasTensors.

    `fn` is traced into a graph with unknown dimensions left unknown, so one
    trace gives static and dynamic dimensions alike; nothing is computed.
    """
    keras_tensors, rebuild = abstract_eval.symbolic_inputs(args, kwargs)

    outputs = abstract_eval.TensorOutputs(tf.is_tensor)

    def run_on(*graph_tensors):
        call_args, call_kwargs = rebuild(*graph_tensors)
        return outputs.split(fn(*call_args, **call_kwargs))

    with StatelessScope(initialize_variables=False), SymbolicScope():
        graph = tf.function(run_on, autograph=False).get_concrete_function(
            *[_tensor_spec(t) for t in keras_tensors]
        )
        results = outputs.join(graph.structured_outputs)
    return abstract_eval.to_keras_tensors(
        results, sparse_check=lambda x: isinstance(x, tf.SparseTensor)
    )


class Variable(variables.Variable):
    _convert_to_tensor = staticmethod(convert_to_tensor)
    _convert_to_numpy = staticmethod(convert_to_numpy)

    def _initial_value(self, initializer):
        # A layer first built inside a `tf.function` computes its initial
        # values eagerly too: a graph tensor could not leave the trace.
        with tf.init_scope():
            return super()._initial_value(initializer)

    def _initialize(self, value):
        # init_scope: a variable first built inside a `tf.function` must
        # still be created eagerly, once.
        with tf.init_scope():
            self._value = tf.Variable(
                value,
                dtype=to_tf_dtype(self._dtype),
                trainable=self._trainable,
                name=self._name,
            )

    def _direct_assign(self, value):
        self._value.assign(tf.cast(value, self._value.dtype))

    def __tf_tensor__(self, dtype=None, name=None):
        # Lets TensorFlow ops take a Variable directly.
        return tf.convert_to_tensor(self.value, dtype=dtype, name=name)

    # Makes `tf.GradientTape.gradient` and `watch` accept this object as a
    # source: TensorFlow then uses the underlying resource handle.
    _should_act_as_resource_variable = True

    @property
    def handle(self):
        return self.value.handle
