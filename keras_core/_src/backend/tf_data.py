"""Running keras_core code inside a `tf.data` pipeline on another backend.

Preprocessing layers are often mapped over a `tf.data.Dataset` whatever the
backend of the model. `Dataset.map` traces its function into a TensorFlow
graph, so the layer receives symbolic `tf.Tensor`s, which JAX, PyTorch or
NumPy cannot compute with. For the duration of such a call, `tensorflow_tables`
points the backend registry at the TensorFlow backend's tables, so
`keras_core.ops` compute with TensorFlow and return `tf.Tensor`s.

Variables stay the backend's own; inside the call they read as TensorFlow
constants of their current values (a `StatelessScope`), because a graph
cannot hold a JAX array or a PyTorch parameter. Seed generators are the
exception: their state must advance from batch to batch while the pipeline
runs, which only a TensorFlow variable can do inside the graph. Each one gets
a TensorFlow twin of its state (made once, starting from the generator's
current state), swapped in for the call: random layers in a pipeline draw
reproducible, TensorFlow-stateless numbers seeded from that twin.

Layers that compute on host values (NumPy: hashing, string lookups) cannot
run as graph ops at all: `call_on_host` makes their call a
`tf.numpy_function`, run batch by batch with the process's backend.

Nothing here imports TensorFlow: a pipeline exists only when the user
imported it, so `sys.modules` is where it is found. Swapping the registry is
process-wide; `Dataset.map` traces in the calling thread, once per dataset.
"""

import contextlib
import importlib
import sys
import threading
import weakref

import numpy as np

from keras_core._src import backend as registry
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.variables import Variable
from keras_core._src.tree import tree_api

# The registry attributes that hold a backend's function tables.
_TABLES = ("core", "numpy_api", "nn", "linalg", "math", "image", "core_ops", "random")
_LOCK = threading.RLock()
_ACTIVE = threading.local()
# SeedGenerator -> the TensorFlow Variable standing for its state in graphs.
_SEED_TWINS = weakref.WeakKeyDictionary()
_CONVERSION_REGISTERED = False


def in_tf_graph(structure, host=False):
    """Whether `structure` holds `tf.Tensor`s being traced into a TensorFlow
    graph (a `tf.data` map function).

    Args:
        structure: The call arguments (any nesting).
        host: False to ask whether ops must switch to TensorFlow (only on
            another backend, and not already switched); True to ask whether
            host code (NumPy) would meet graph tensors, on any backend.
    """
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return False
    if not host and (registry.backend() == "tensorflow" or is_active()):
        return False
    inside_function = getattr(tf, "inside_function", None)
    if inside_function is None or not inside_function():
        return False
    return any(tf.is_tensor(leaf) for leaf in tree_api.flatten(structure))


def keras_tensors_like(structure):
    """`structure` with each `tf.Tensor` replaced by a KerasTensor spec."""
    tf = sys.modules["tensorflow"]

    def spec(value):
        if not tf.is_tensor(value):
            return value
        shape = value.shape
        return KerasTensor(
            None if shape.rank is None else tuple(shape.as_list()),
            dtype=value.dtype.name,
        )

    return tree_api.map_structure(spec, structure)


def _from_graph(array):
    # TensorFlow hands strings to Python as bytes (a scalar as one `bytes`
    # object); host code reads str.
    array = np.asarray(array)
    if array.dtype.kind in "OS":
        return np.char.decode(array.astype("S"), "utf-8")
    return array


def _to_graph(value, dtype):
    if dtype == "string":
        return np.char.encode(np.asarray(value).astype(str), "utf-8")
    return np.asarray(registry.core.convert_to_numpy(value), dtype=dtype)


def call_on_host(function, arguments, output_specs):
    """Calls `function` on the NumPy values of graph tensors, in the graph.

    For code that computes on the host (string lookups, hashing): the call
    becomes a `tf.numpy_function` that runs, batch by batch, on the values
    with the process's own backend, and returns what `output_specs` says.

    Args:
        function: Called as `function(*args, **kwargs)`.
        arguments: `(args, kwargs)`, holding `tf.Tensor`s.
        output_specs: KerasTensors (any nesting) describing the outputs.

    Returns:
        `tf.Tensor`s in the structure of `output_specs`.
    """
    tf = sys.modules["tensorflow"]
    leaves = tree_api.flatten(arguments)
    positions = [i for i, leaf in enumerate(leaves) if tf.is_tensor(leaf)]
    specs = tree_api.flatten(output_specs)

    def run(*arrays):
        values = list(leaves)
        for position, array in zip(positions, arrays, strict=True):
            values[position] = _from_graph(array)
        args, kwargs = tree_api.pack_sequence_as(arguments, values)
        outputs = tree_api.flatten(function(*args, **kwargs))
        return [
            _to_graph(output, spec.dtype)
            for output, spec in zip(outputs, specs, strict=True)
        ]

    results = tf.numpy_function(
        run,
        [leaves[i] for i in positions],
        Tout=[tf.as_dtype(spec.dtype) for spec in specs],
        stateful=True,
    )
    for result, spec in zip(results, specs, strict=True):
        result.set_shape(spec.shape)
    return tree_api.pack_sequence_as(output_specs, results)


def is_active():
    """Whether `tensorflow_tables` is in force in this thread."""
    return getattr(_ACTIVE, "depth", 0) > 0


def _tensorflow_backend():
    tensorflow = importlib.import_module("keras_core._src.backend.tensorflow")
    global _CONVERSION_REGISTERED
    if not _CONVERSION_REGISTERED:
        # `tf_tensor * layer.kernel` converts the Variable with TensorFlow's
        # registry (NumPy's `__array__` cannot read a graph value): give it
        # the value the variable reads, which in the pipeline is a constant.
        sys.modules["tensorflow"].register_tensor_conversion_function(
            Variable, _variable_to_tensor
        )
        _CONVERSION_REGISTERED = True
    return tensorflow


def _variable_to_tensor(variable, dtype=None, name=None, as_ref=False):
    del as_ref
    tf = sys.modules["tensorflow"]
    value = variable.value
    if not tf.is_tensor(value):
        value = variable.numpy()
    return tf.convert_to_tensor(value, dtype=dtype, name=name)


def call_unconverted(function, *args, **kwargs):
    """Calls `function` without AutoGraph rewriting it (and what it calls).

    `Dataset.map` converts its function with AutoGraph, which would rewrite
    the layer machinery's Python control flow; keras_core code is written
    for graph tracing as it is.
    """
    tf = sys.modules["tensorflow"]
    return tf.autograph.experimental.do_not_convert(function)(*args, **kwargs)


def _seed_twin(generator, tensorflow):
    twin = _SEED_TWINS.get(generator)
    if twin is None:
        start = generator.state.numpy().astype("int64")

        def initial_value(shape, dtype):
            del shape, dtype
            return start

        # The TensorFlow backend's Variable creates its storage under
        # `tf.init_scope`, so it outlives the graph being traced.
        twin = tensorflow.core.Variable(
            initial_value,
            shape=start.shape,
            dtype=tensorflow.random.SEED_DTYPE,
            trainable=False,
            name="seed_generator_state",
        )
        _SEED_TWINS[generator] = twin
    return twin


@contextlib.contextmanager
def tensorflow_tables(variables, seed_generators, op_definitions):
    """Computes with the TensorFlow backend for the duration of the block.

    Args:
        variables: The backend Variables the code reads (their values are
            read once, as TensorFlow constants). Seed generator states may
            be among them: they are left to their twins.
        seed_generators: The `SeedGenerator`s the code may draw from.
        op_definitions: The declared ops, whose cached backend functions
            are dropped for the block and restored after.
    """
    with _LOCK:
        tensorflow = _tensorflow_backend()
        generators = list({id(g): g for g in seed_generators}.values())
        twins = [_seed_twin(generator, tensorflow) for generator in generators]
        seed_states = {id(generator.state) for generator in generators}
        saved_tables = {name: getattr(registry, name) for name in _TABLES}
        saved_functions = [
            (definition, definition._backend_function) for definition in op_definitions
        ]
        saved_states = [generator.state for generator in generators]
        _ACTIVE.depth = getattr(_ACTIVE, "depth", 0) + 1
        try:
            for name in _TABLES:
                setattr(registry, name, getattr(tensorflow, name))
            for definition, _ in saved_functions:
                definition._backend_function = None
            scope = StatelessScope()
            for variable in variables:
                if id(variable) not in seed_states:
                    # `add_update` keeps the value as given; the scope's
                    # constructor would convert it with the variable's own
                    # (non-TensorFlow) backend.
                    value = tensorflow.core.convert_to_tensor(variable.numpy())
                    scope.add_update((variable, value))
            for generator, twin in zip(generators, twins, strict=True):
                generator.state = twin
            with scope:
                yield
            for twin in twins:
                advanced = scope.get_current_value(twin)
                if advanced is not None:
                    # The stateless scope kept the write; the graph needs it
                    # as an assignment, so the next batch draws anew.
                    twin.assign(advanced)
        finally:
            for generator, state in zip(generators, saved_states, strict=True):
                generator.state = state
            for definition, function in saved_functions:
                definition._backend_function = function
            for name, table in saved_tables.items():
                setattr(registry, name, table)
            _ACTIVE.depth -= 1
