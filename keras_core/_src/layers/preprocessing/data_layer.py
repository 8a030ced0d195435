"""`DataLayer`: the base of preprocessing layers.

Preprocessing layers run in a model on every backend and, when the user
picks one, inside a `tf.data` pipeline: `dataset.map(layer)`. There the
layer is called on symbolic `tf.Tensor`s while the map function is traced.
On the TensorFlow backend that is an ordinary call. On the others, the call
runs with `keras_core.ops` dispatching to the TensorFlow backend's tables
(see `keras_core._src.backend.tf_data`): the layer's `call` is written once
with `ops` and works in both places, returning `tf.Tensor`s in the pipeline.
After the pipeline, the trainer hands batches to the model as the backend
needs them.

Layers that compute on host values (hashing, string lookups: NumPy code
that a graph cannot hold) set `_host_computation = True`; in a pipeline
their call runs on each batch's NumPy values, with the process's backend,
through `tf.numpy_function`.

TensorFlow is never imported here: a pipeline can only exist if the user
imported it, and outside one a call costs one dictionary lookup more.
"""

import sys

from keras_core._src.backend import tf_data
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.layers.layer import Layer
from keras_core._src.random import seed_generator as seed_generator_lib

__all__ = []


class DataLayer(Layer):
    """A layer that can also run inside a `tf.data` pipeline.

    Subclasses write `call` with `keras_core.ops` as any layer does. Called
    eagerly or in a model, a `DataLayer` is an ordinary layer. Mapped over a
    `tf.data.Dataset` on the JAX, PyTorch or NumPy backend, its `call` runs
    with TensorFlow ops and returns `tf.Tensor`s: its variables read as
    constants of their current values, and its seed generators draw from a
    TensorFlow copy of their state, so random layers give new numbers for
    each batch (reproducibly when seeded).

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> class Double(DataLayer):
    ...     def call(self, inputs):
    ...         return inputs * 2
    >>> keras_core.ops.convert_to_numpy(Double()(numpy.array([1.0, 2.0])))
    array([2., 4.], dtype=float32)
    >>> import tensorflow as tf
    >>> dataset = tf.data.Dataset.from_tensor_slices(numpy.ones((8, 2)))
    >>> dataset = dataset.batch(4).map(Double())  # tf.Tensors, any backend
    """

    # Subclasses whose `call` computes on host values (NumPy) set this: in a
    # pipeline, their call then runs on each batch's values instead of as
    # TensorFlow ops, on every backend.
    _host_computation = False

    def __call__(self, *args, **kwargs):
        # TensorFlow in `sys.modules` first: the common case (no pipeline)
        # must not pay for flattening the arguments.
        if "tensorflow" in sys.modules:
            if self._host_computation:
                if tf_data.in_tf_graph((args, kwargs), host=True):
                    return self._call_on_host(args, kwargs)
            elif tf_data.in_tf_graph((args, kwargs)):
                return self._call_in_tf_graph(args, kwargs)
        return super().__call__(*args, **kwargs)

    def _call_on_host(self, args, kwargs):
        def host_call(*call_args, **call_kwargs):
            return Layer.__call__(self, *call_args, **call_kwargs)

        def graph_call():
            symbolic = tf_data.keras_tensors_like((args, kwargs))
            specs = self.compute_output_spec(*symbolic[0], **symbolic[1])
            return tf_data.call_on_host(host_call, (args, kwargs), specs)

        return tf_data.call_unconverted(graph_call)

    def _call_in_tf_graph(self, args, kwargs):
        from keras_core._src.ops.op_definition import REGISTRY

        if not self.built:
            # Weights are made with the layer's own backend, before ops
            # switch to TensorFlow (its initial values must not be graph
            # tensors).
            with name_scope(self.name, caller=self):
                self._maybe_build(args, kwargs)
        generators = [seed_generator_lib.global_seed_generator()]
        for layer in self._flatten_layers():
            generators.extend(layer._seed_generators)
        definitions = [
            definition
            for namespace in REGISTRY.values()
            for definition in namespace.values()
        ]
        with tf_data.tensorflow_tables(self.variables, generators, definitions):
            return tf_data.call_unconverted(super().__call__, *args, **kwargs)
