"""Control flow on tensors: cond, switch, while_loop, fori_loop, scan, map...

Each function takes Python callables, so it is not an op built from a
signature: eager calls go straight to the backend's `core_ops` table, which
uses the framework's traceable control flow (`lax.cond`, `tf.while_loop`,
...) so the functions work under `jax.jit` and `tf.function`, and plain
Python loops on torch and numpy. Called on KerasTensors, the callables are
run symbolically once to find the output specs, and a node named after the
function records the call.
"""

from keras_core._src import backend
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.ops.node import Node
from keras_core._src.ops.operation import Operation
from keras_core._src.ops.operation import any_symbolic_tensors
from keras_core._src.tree import tree_api

__all__ = [
    "associative_scan",
    "cond",
    "fori_loop",
    "map",
    "scan",
    "switch",
    "vectorized_map",
    "while_loop",
]


class _FunctionCall(Operation):
    """The Operation recorded when a control-flow function gets KerasTensors.

    Replaying it (a functional model on real tensors) calls the function
    again with the recorded arguments, tensors replaced.
    """

    def __init__(self, name, function):
        super().__init__(name=global_state.unique_name(name))
        self._function = function

    def call(self, *args, **kwargs):
        return self._function(*args, **kwargs)


def _spec(leaf, leading=()):
    """A fresh KerasTensor for a tensor-like leaf, with `leading` dims added."""
    if isinstance(leaf, KerasTensor):
        return KerasTensor(tuple(leading) + leaf.shape, dtype=leaf.dtype)
    if leaf is None:
        return None
    tensor = backend.core.convert_to_tensor(leaf)
    shape = tuple(backend.core.shape(tensor))
    return KerasTensor(tuple(leading) + shape, dtype=tensor.dtype)


def _specs(structure, leading=()):
    return tree_api.map_structure(lambda leaf: _spec(leaf, leading), structure)


def _record(name, function, args, outputs):
    """Records a node for a symbolic call; `outputs` are fresh KerasTensors.

    Fresh ones: a branch returning one of its inputs unchanged must not
    give that input a second history.
    """
    Node(_FunctionCall(name, function), call_args=args, outputs=outputs)
    return outputs


def _describe(structure):
    return tree_api.map_structure(
        lambda leaf: (
            f"KerasTensor(shape={leaf.shape}, dtype={leaf.dtype})"
            if isinstance(leaf, KerasTensor)
            else leaf
        ),
        structure,
    )


def _same_specs(a, b):
    try:
        tree_api.assert_same_structure(a, b)
    except (TypeError, ValueError):
        return False
    for x, y in zip(tree_api.flatten(a), tree_api.flatten(b), strict=True):
        if isinstance(x, KerasTensor) != isinstance(y, KerasTensor):
            return False
        if isinstance(x, KerasTensor) and (x.shape, x.dtype) != (y.shape, y.dtype):
            return False
    return True


def _to_tensors(structure):
    """Tensor leaves of loop states and scanned data, converted once.

    Python numbers become tensors so every backend loops over tensors of
    fixed dtype (as `lax.while_loop` and `tf.while_loop` require).
    """
    return tree_api.map_structure(
        lambda leaf: leaf if leaf is None else backend.core.convert_to_tensor(leaf),
        structure,
    )


def cond(pred, true_fn, false_fn):
    """Returns `true_fn()` if `pred` is true, else `false_fn()`.

    Under `jax.jit` and `tf.function` both branches are traced and must
    return the same structure of tensors of the same shapes and dtypes.

    Args:
        pred: A boolean scalar (tensor or Python bool).
        true_fn: A callable taking no arguments.
        false_fn: A callable taking no arguments.

    Returns:
        The output of the branch taken.

    Example:

    >>> x = keras_core.ops.convert_to_tensor(3.0)
    >>> keras_core.ops.cond(x > 0, lambda: x * 2, lambda: -x)
    Array(6., dtype=float32, weak_type=True)
    """
    if any_symbolic_tensors((pred,)):
        true_spec = _specs(true_fn())
        false_spec = _specs(false_fn())
        if not _same_specs(true_spec, false_spec):
            raise ValueError(
                "`true_fn` and `false_fn` should return outputs of the same "
                "kind (struct, dtype and shape). Got "
                f"{_describe(true_spec)} and {_describe(false_spec)} instead."
            )
        return _record("cond", cond, (pred, true_fn, false_fn), true_spec)
    return backend.core_ops.cond(pred, true_fn, false_fn)


def switch(index, branches, *operands):
    """Applies the branch picked by `index` to `operands`.

    `index` is clamped to `[0, len(branches) - 1]`, as `lax.switch` does.

    Args:
        index: An integer scalar.
        branches: A sequence of callables, each taking `*operands`.
        *operands: The inputs of the branch.

    Returns:
        `branches[clamp(index)](*operands)`.

    Example:

    >>> keras_core.ops.switch(1, [lambda x: x + 1, lambda x: x * 10], 2.0)
    Array(20., dtype=float32, weak_type=True)
    """
    branches = list(branches)
    if not branches or not all(callable(branch) for branch in branches):
        raise ValueError(
            "`switch` expects `branches` to be a non-empty sequence of "
            f"callables. Received: branches={branches!r}"
        )
    if any_symbolic_tensors((index, operands)):
        spec = _specs(branches[0](*operands))
        return _record("switch", switch, (index, branches, *operands), spec)
    return backend.core_ops.switch(index, branches, *operands)


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    """Runs `body` while `cond` is true, starting from `loop_vars`.

    Args:
        cond: A callable returning a boolean scalar. Called with the loop
            variables unpacked when `loop_vars` is a tuple or list, else
            with `loop_vars` itself.
        body: A callable called like `cond`, returning the new loop
            variables (same structure, shapes and dtypes).
        loop_vars: A tensor, a tuple/list of tensors or a nested structure.
        maximum_iterations: Stop after this many iterations at most.

    Returns:
        The final loop variables: a tuple if `loop_vars` is a tuple or
        list, else the same structure as `loop_vars`.

    Example:

    >>> keras_core.ops.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s * 2),
    ...                           (0, 1.0))
    (Array(3, dtype=int32), Array(8., dtype=float32))
    """
    packed = isinstance(loop_vars, (list, tuple))
    state = tuple(loop_vars) if packed else (loop_vars,)
    if maximum_iterations is not None and maximum_iterations < 0:
        raise ValueError(
            "`while_loop` expects `maximum_iterations` to be None or >= 0. "
            f"Received: maximum_iterations={maximum_iterations!r}"
        )
    if any_symbolic_tensors((state,)):
        spec = _specs(state)
        return _record(
            "while_loop",
            while_loop,
            (cond, body, loop_vars, maximum_iterations),
            spec if packed else spec[0],
        )

    def state_cond(*values):
        return cond(*values) if packed else cond(values[0])

    def state_body(*values):
        new = body(*values) if packed else body(values[0])
        if packed:
            return tuple(new) if isinstance(new, (list, tuple)) else (new,)
        return (new,)

    result = backend.core_ops.while_loop(
        state_cond, state_body, _to_tensors(state), maximum_iterations
    )
    return tuple(result) if packed else result[0]


def fori_loop(lower, upper, body_fun, init_val):
    """Runs `val = body_fun(i, val)` for `i` from `lower` to `upper - 1`.

    Args:
        lower: The first index (an int or integer scalar).
        upper: One past the last index.
        body_fun: A callable `(i, val) -> val` keeping `val`'s structure,
            shapes and dtypes.
        init_val: The initial value (a tensor or nested structure).

    Returns:
        The final value.

    Example:

    >>> keras_core.ops.fori_loop(0, 4, lambda i, s: s + i, 0)
    Array(6, dtype=int32)
    """
    if any_symbolic_tensors((lower, upper, init_val)):
        return _record(
            "fori_loop",
            fori_loop,
            (lower, upper, body_fun, init_val),
            _specs(init_val),
        )
    return backend.core_ops.fori_loop(lower, upper, body_fun, _to_tensors(init_val))


def _scan_length(name, xs, length):
    """The number of steps: `length`, or the shared leading size of `xs`."""
    leaves = [leaf for leaf in tree_api.flatten(xs) if leaf is not None]
    if not leaves:
        if length is None:
            raise ValueError(
                f"`{name}` got no `xs` to scan over and `length` not provided."
            )
        return length
    sizes = {tuple(_spec(leaf).shape)[:1] for leaf in leaves}
    if any(size == () for size in sizes):
        raise ValueError(
            f"`{name}` scans over the first axis of `xs`, but some of its "
            "tensors are scalars."
        )
    sizes = {size[0] for size in sizes}
    known = {size for size in sizes if size is not None}
    if len(known) > 1 or (length is not None and known and known != {length}):
        raise ValueError(
            f"`{name}` expects every tensor of `xs` to have the same first "
            f"dimension{'' if length is None else f' (length={length})'}. "
            f"Received first dimensions: {sorted(known)}"
        )
    return length if length is not None else (known.pop() if known else None)


def _step_specs(xs):
    """Specs of one step's slice of `xs` (the first axis dropped)."""
    return tree_api.map_structure(
        lambda leaf: (
            None
            if leaf is None
            else KerasTensor(_spec(leaf).shape[1:], dtype=_spec(leaf).dtype)
        ),
        xs,
    )


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    """Loops `f` over the first axis of `xs`, carrying a state.

    `carry, y = f(carry, x)` for each slice `x` of `xs`; the `y`s are
    stacked.

    Args:
        f: A callable `(carry, x) -> (carry, y)`; the new carry keeps the
            structure, shapes and dtypes of `init`.
        init: The initial carry (a tensor or nested structure).
        xs: What to scan over (a tensor or nested structure), or None to
            call `f` with `x=None` `length` times.
        length: The number of steps; needed when `xs` is None.
        reverse: Whether to scan from the last slice to the first (the
            stacked `y`s keep the order of `xs`).
        unroll: How many steps to unroll per loop iteration (jax only; a
            performance hint elsewhere ignored).

    Returns:
        `(final_carry, stacked_ys)`.

    Example:

    >>> keras_core.ops.scan(lambda c, x: (c + x, c), 0.0, np.array([1.0, 2.0, 3.0]))
    (Array(6., dtype=float32), Array([0., 1., 3.], dtype=float32))
    """
    steps = _scan_length("scan", xs, length)
    if any_symbolic_tensors((init, xs)):
        carry, y = f(_specs(init), _step_specs(xs))
        carry_spec = _specs(init)
        if not _same_specs(_specs(carry), carry_spec):
            raise ValueError(
                "`scan` expects `f` to return a carry like `init` (structure, "
                f"shapes and dtypes). `init` is {_describe(carry_spec)}; `f` "
                f"returned {_describe(_specs(carry))}."
            )
        outputs = (carry_spec, _specs(y, leading=(steps,)))
        return _record("scan", scan, (f, init, xs, length, reverse, unroll), outputs)
    return backend.core_ops.scan(
        f, _to_tensors(init), _to_tensors(xs), steps, reverse, unroll
    )


def associative_scan(f, elems, reverse=False, axis=0):
    """Prefix scan of an associative binary function along an axis.

    With `f = add` this is a cumulative sum: `out[i] = f(out[i-1], e[i])`.
    jax computes it in parallel (`lax.associative_scan`), the other
    backends sequentially; an associative `f` gives the same result.

    Args:
        f: An associative callable `(a, b) -> c`, taking and returning
            structures like `elems` (slices along `axis`, batched).
        elems: A tensor or nested structure of tensors that share their
            size along `axis`.
        reverse: Whether to scan from the end.
        axis: The axis to scan along.

    Returns:
        A structure like `elems` with the running results.

    Example:

    >>> keras_core.ops.associative_scan(lambda a, b: a + b, np.array([1.0, 2.0, 3.0]))
    Array([1., 3., 6.], dtype=float32)
    """
    leaves = tree_api.flatten(elems)
    shapes = [_spec(leaf).shape for leaf in leaves]
    if any(len(shape) == 0 for shape in shapes):
        raise ValueError(
            "`associative_scan` needs tensors with at least one axis. "
            f"Received shapes: {shapes}"
        )
    sizes = {shape[axis] for shape in shapes} - {None}
    if len(sizes) > 1:
        raise ValueError(
            "Array inputs to associative_scan must have the same size along "
            f"axis {axis}. (saw: {shapes})"
        )
    if any_symbolic_tensors((elems,)):
        output = f(_specs(elems), _specs(elems))
        return _record(
            "associative_scan",
            associative_scan,
            (f, elems, reverse, axis),
            _specs(output),
        )
    return backend.core_ops.associative_scan(f, _to_tensors(elems), reverse, axis)


def map(f, xs):
    """Applies `f` to each slice of `xs` along its first axis, sequentially.

    Args:
        f: A callable taking one slice (a tensor or structure like `xs`).
        xs: A tensor or nested structure of tensors sharing their first
            dimension.

    Returns:
        The outputs of `f`, stacked along a new first axis.

    Example:

    >>> keras_core.ops.map(lambda x: x * 2, np.array([1.0, 2.0]))
    Array([2., 4.], dtype=float32)
    """
    steps = _scan_length("map", xs, None)
    if any_symbolic_tensors((xs,)):
        outputs = _specs(f(_step_specs(xs)), leading=(steps,))
        return _record("map", map, (f, xs), outputs)
    return backend.core_ops.map(f, _to_tensors(xs))


def vectorized_map(function, elements):
    """Applies `function` to each slice of `elements` along the first axis,
    vectorized where the backend can (`jax.vmap`, `tf.vectorized_map`,
    `torch.vmap`).

    Args:
        function: A callable taking one slice (a tensor or structure like
            `elements`).
        elements: A tensor or nested structure of tensors sharing their
            first dimension.

    Returns:
        The outputs of `function`, stacked along a new first axis.

    Example:

    >>> keras_core.ops.vectorized_map(lambda x: x * 2, np.array([1.0, 2.0]))
    Array([2., 4.], dtype=float32)
    """
    steps = _scan_length("vectorized_map", elements, None)
    if any_symbolic_tensors((elements,)):
        outputs = _specs(function(_step_specs(elements)), leading=(steps,))
        return _record("vectorized_map", vectorized_map, (function, elements), outputs)
    return backend.core_ops.vectorized_map(function, _to_tensors(elements))
