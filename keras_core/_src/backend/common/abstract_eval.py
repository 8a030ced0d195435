"""Output specs by abstract evaluation: shapes and dtypes without values.

`compute_output_spec(fn, *args)` answers "what would `fn` return for inputs
of these shapes and dtypes?" by running `fn` on the backend's abstract
stand-ins for the `KerasTensor`s in its arguments (JAX shape structs, PyTorch
meta tensors, traced TensorFlow tensors, lazily allocated NumPy zeros).

Frameworks without unknown dimensions evaluate twice, with each None
dimension filled by two different sizes: output dimensions that follow the
fill are unknown, the others are static.
"""

from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.scopes import SymbolicScope

# Distinct primes, so a filled dimension never matches a real one by chance.
NONE_DIM_FILLS = (83, 89)


def map_keras_tensors(function, structure):
    """Replaces each KerasTensor leaf of `structure` by `function(leaf)`."""
    from keras_core._src.tree import tree_api

    return tree_api.map_structure(
        lambda leaf: function(leaf) if isinstance(leaf, KerasTensor) else leaf,
        structure,
    )


def symbolic_inputs(args, kwargs):
    """Splits the KerasTensors out of `(args, kwargs)`.

    Returns:
        `(keras_tensors, rebuild)`: the KerasTensor leaves in order, and a
        function taking one replacement per leaf and returning the new
        `(args, kwargs)`. Frameworks that trace functions of tensors only
        (`jax.eval_shape`, `tf.function`) close over everything else.
    """
    from keras_core._src.tree import tree_api

    keras_tensors = [
        leaf
        for leaf in tree_api.flatten((args, kwargs))
        if isinstance(leaf, KerasTensor)
    ]

    def rebuild(*replacements):
        remaining = iter(replacements)
        return map_keras_tensors(lambda _: next(remaining), (args, kwargs))

    return keras_tensors, rebuild


class TensorOutputs:
    """Keeps a traced function's non-tensor outputs out of the trace.

    Tracers (`jax.eval_shape`, `tf.function`) turn every output into a
    tensor; static outputs (a Python int, None) must come back unchanged.
    Inside the trace, `split` returns only the tensor leaves; afterwards
    `join` puts their abstract results back among the static leaves.
    """

    def __init__(self, is_tensor):
        self._is_tensor = is_tensor
        self._structure = None
        self._leaves = None

    def split(self, outputs):
        from keras_core._src.tree import tree_api

        self._structure = outputs
        self._leaves = tree_api.flatten(outputs)
        return [leaf for leaf in self._leaves if self._is_tensor(leaf)]

    def join(self, tensor_results):
        from keras_core._src.tree import tree_api

        results = iter(tensor_results)
        leaves = [
            next(results) if self._is_tensor(leaf) else leaf for leaf in self._leaves
        ]
        return tree_api.pack_sequence_as(self._structure, leaves)


def filled_shape(keras_tensor, fill):
    return tuple(fill if dim is None else dim for dim in keras_tensor.shape)


def to_keras_tensors(outputs, sparse_check=None):
    """Turns abstract outputs (anything with shape and dtype) into KerasTensors."""
    from keras_core._src.tree import tree_api

    def convert(leaf):
        if leaf is None or not (hasattr(leaf, "shape") and hasattr(leaf, "dtype")):
            return leaf
        sparse = bool(sparse_check and sparse_check(leaf))
        return KerasTensor(
            tuple(leaf.shape), dtype=standardize_dtype(leaf.dtype), sparse=sparse
        )

    return tree_api.map_structure(convert, outputs)


def _merge_unknown_dims(first, second):
    from keras_core._src.tree import tree_api

    def merge(a, b):
        if not isinstance(a, KerasTensor):
            return a
        shape = tuple(
            x if x == y else None for x, y in zip(a.shape, b.shape, strict=True)
        )
        return KerasTensor(shape, dtype=a.dtype, sparse=a.sparse)

    return tree_api.map_structure(merge, first, second)


def evaluate_symbolically(fn, args, kwargs, run):
    """Runs `run(fn, args, kwargs, fill)` under symbolic, stateless scopes.

    Variables read inside `fn` give their values; writes to them are kept in
    a throwaway scope, so abstract evaluation never changes model state.

    Args:
        fn: The function to evaluate.
        args, kwargs: Its arguments, with KerasTensors for tensor inputs.
        run: The backend's evaluation; returns `fn`'s outputs as
            KerasTensors, with None dimensions filled by `fill`.

    Returns:
        `fn`'s output structure, tensors replaced by KerasTensors.
    """
    from keras_core._src.tree import tree_api

    has_unknown_dims = any(
        isinstance(leaf, KerasTensor) and None in leaf.shape
        for leaf in tree_api.flatten((args, kwargs))
    )
    with StatelessScope(initialize_variables=False), SymbolicScope():
        first = run(fn, args, kwargs, NONE_DIM_FILLS[0])
        if not has_unknown_dims:
            return first
        second = run(fn, args, kwargs, NONE_DIM_FILLS[1])
    return _merge_unknown_dims(first, second)
