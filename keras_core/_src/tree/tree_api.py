"""Nested-structure utilities built on `optree` (the `keras.tree` API).

A structure is any nesting of containers (lists, tuples, namedtuples, dicts,
`OrderedDict`, `defaultdict`, `deque` and any type registered in the
`TREE_NAMESPACE` optree namespace). Everything else, `None` included, is a
leaf. Dicts are visited in sorted key order, except `OrderedDict`, which keeps
its insertion order.
"""

import reprlib
import warnings

import optree

# Container types private to keras_core (e.g. tracked lists) are registered in
# this namespace so they never leak into other libraries' use of optree.
TREE_NAMESPACE = "keras_core"

_MISMATCH = "Structures don't have the same nested structure"


class MAP_TO_NONE:
    """Returned by `traverse`'s `func` to replace a node with `None`.

    A distinct marker is needed because returning `None` means "no change".
    """


def _flatten(structure, none_is_leaf=True):
    return optree.tree_flatten(
        structure, none_is_leaf=none_is_leaf, namespace=TREE_NAMESPACE
    )


def _is_leaf(structure, none_is_leaf=True):
    return optree.tree_is_leaf(
        structure, none_is_leaf=none_is_leaf, namespace=TREE_NAMESPACE
    )


def _check_callable(func):
    if not callable(func):
        raise TypeError(f"`func` must be callable. Received: {func!r}")


def _leaves_like(spec, structure, names):
    """Returns the leaves of `structure` ordered as `spec`, which it must match.

    Matching is exact except that dict, `OrderedDict` and `defaultdict` with
    the same keys are interchangeable (hence not a plain `spec` comparison).
    """
    leaves, other_spec = _flatten(structure, spec.none_is_leaf)
    if other_spec == spec:
        return leaves
    try:
        pieces = spec.flatten_up_to(structure)
    except ValueError as e:
        raise ValueError(f"{_MISMATCH}: {e}") from None
    # `structure` now has `spec` as a prefix; it is an exact match only if every
    # piece is a single leaf. Each piece has >= 1 node, so equal node and leaf
    # totals rule out both deeper pieces and empty containers in one C++ pass.
    if (other_spec.num_nodes, other_spec.num_leaves) != (
        spec.num_nodes,
        spec.num_leaves,
    ):
        for path, piece in zip(spec.paths(), pieces, strict=True):
            if not _is_leaf(piece, spec.none_is_leaf):
                raise ValueError(
                    f"{_MISMATCH}: {names[0]} has a leaf at path {path} "
                    f"but {names[1]} has a nested structure there: "
                    f"{reprlib.repr(piece)}"
                )
    return pieces


def is_nested(structure):
    """Returns whether `structure` is a container (and not a leaf).

    Args:
        structure: Any object.

    Returns:
        `True` for lists, tuples, namedtuples, dicts and other registered
        containers (even when empty); `False` for leaves such as `None`,
        numbers, strings, sets and arrays.

    >>> is_nested([1, 2]), is_nested({}), is_nested(None), is_nested("ab")
    (True, True, False, False)
    """
    return not _is_leaf(structure)


def flatten(structure):
    """Returns the leaves of `structure` as a flat list.

    Args:
        structure: An arbitrarily nested structure (or a single leaf).

    Returns:
        A list of leaves; dict values come in sorted key order.

    >>> flatten([1, {"b": 2, "a": (3, None)}])
    [1, 3, None, 2]
    """
    return optree.tree_leaves(structure, none_is_leaf=True, namespace=TREE_NAMESPACE)


def flatten_with_path(structure):
    """Flattens `structure`, pairing each leaf with its path.

    A path is the tuple of indices (sequences) and keys (dicts) that lead from
    the root to the leaf; a bare leaf has the empty path `()`.

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        A list of `(path, leaf)` tuples in `flatten` order.

    >>> flatten_with_path([1, {"a": 2}])
    [((0,), 1), ((1, 'a'), 2)]
    """
    paths, leaves, _ = optree.tree_flatten_with_path(
        structure, none_is_leaf=True, namespace=TREE_NAMESPACE
    )
    return list(zip(paths, leaves, strict=True))


def map_structure(func, *structures, none_is_leaf=True):
    """Applies `func` to corresponding leaves of one or more structures.

    Args:
        func: Callable taking as many arguments as there are structures.
        *structures: Structures with exactly the same nesting (a list and a
            tuple differ; dict and `OrderedDict` with equal keys do not).
        none_is_leaf: If `False`, `None` is an empty container: it is not
            passed to `func` and stays `None` in the result.

    Returns:
        A structure shaped like the first one, holding the results of `func`.

    Raises:
        TypeError: If `func` is not callable.
        ValueError: If no structure is given or the structures differ.

    >>> map_structure(lambda x, y: x + y, [1, (2, 3)], [10, (20, 30)])
    [11, (22, 33)]
    """
    _check_callable(func)
    if not structures:
        raise ValueError("Must provide at least one structure to `map_structure`.")
    leaves, spec = _flatten(structures[0], none_is_leaf)
    others = [
        _leaves_like(spec, s, ("structure #1", f"structure #{i}"))
        for i, s in enumerate(structures[1:], start=2)
    ]
    return spec.unflatten([func(*args) for args in zip(leaves, *others, strict=True)])


def map_structure_up_to(shallow_structure, func, *structures):
    """Maps `func` over `structures` down to the depth of `shallow_structure`.

    Wherever `shallow_structure` has a leaf (`None` included), the whole
    corresponding substructure of each input is passed to `func`.

    Args:
        shallow_structure: Structure giving the depth of the mapping; its leaf
            values are ignored.
        func: Callable taking as many arguments as there are structures.
        *structures: Structures that have `shallow_structure` as a prefix.

    Returns:
        A structure shaped like `shallow_structure` holding `func`'s results.

    Raises:
        TypeError: If `func` is not callable.
        ValueError: If no structure is given, or one of them does not match
            `shallow_structure` up to its depth.

    >>> map_structure_up_to([0, 0], len, [[1, 2], (3, 4, 5)])
    [2, 3]
    """
    _check_callable(func)
    if not structures:
        raise ValueError(
            "Must provide at least one structure to `map_structure_up_to`."
        )
    spec = optree.tree_structure(
        shallow_structure, none_is_leaf=True, namespace=TREE_NAMESPACE
    )
    flat = []
    for s in structures:
        try:
            flat.append(spec.flatten_up_to(s))
        except ValueError as e:
            raise ValueError(
                f"A structure is incompatible with `shallow_structure`: {e}"
            ) from None
    return spec.unflatten([func(*args) for args in zip(*flat, strict=True)])


def map_shape_structure(func, structure):
    """Like `map_structure`, but treats shapes as leaves.

    A shape is a list or tuple whose items are all `int` or `None` (an empty
    one included), e.g. `(None, 3)`.

    Args:
        func: Callable applied to every shape and every other leaf.
        structure: A nested structure of shapes.

    Returns:
        The structure with each shape replaced by `func(shape)`.

    >>> map_shape_structure(len, {"a": (None, 3), "b": [[4], [5, 6]]})
    {'a': 2, 'b': [1, 2]}
    """
    _check_callable(func)
    return optree.tree_map(
        func,
        structure,
        is_leaf=_is_shape,
        none_is_leaf=True,
        namespace=TREE_NAMESPACE,
    )


def _is_shape(x):
    return isinstance(x, (list, tuple)) and all(
        isinstance(d, int) or d is None for d in x
    )


def assert_same_structure(a, b, check_types=None):
    """Asserts that `a` and `b` have the same nesting.

    Container types must match (list vs tuple or namedtuple vs tuple differ),
    except that dict, `OrderedDict` and `defaultdict` with equal keys are
    interchangeable. Leaf values and types are not compared.

    Args:
        a: A structure.
        b: A structure.
        check_types: Deprecated and ignored.

    Raises:
        ValueError: If the structures differ.

    >>> assert_same_structure([1, (None,)], ["x", (2.0,)])
    """
    if check_types is not None:
        warnings.warn(
            "The `check_types` argument is deprecated and has no effect; "
            "please remove it. For a looser check that only compares paths, "
            "use `assert_same_paths()`.",
            DeprecationWarning,
            stacklevel=2,
        )
    spec = optree.tree_structure(a, none_is_leaf=True, namespace=TREE_NAMESPACE)
    _leaves_like(spec, b, ("`a`", "`b`"))


def assert_same_paths(a, b):
    """Asserts that `a` and `b` have the same set of leaf paths.

    Unlike `assert_same_structure`, container types are ignored, so `[1, 2]`
    and `(3, 4)` match.

    Args:
        a: A structure.
        b: A structure.

    Raises:
        ValueError: If some path exists in only one of them.

    >>> assert_same_paths({"k": [1, 2]}, {"k": (3, 4)})
    """
    paths_a = set(_paths(a))
    paths_b = set(_paths(b))
    if paths_a != paths_b:
        # Keys of different types cannot be ordered directly; repr is stable.
        only_a = sorted(paths_a - paths_b, key=repr)
        only_b = sorted(paths_b - paths_a, key=repr)
        raise ValueError(
            "`a` and `b` don't have the same paths.\n"
            f"Paths in `a` missing in `b`: {only_a}\n"
            f"Paths in `b` missing in `a`: {only_b}"
        )


def _paths(structure):
    return optree.tree_paths(structure, none_is_leaf=True, namespace=TREE_NAMESPACE)


def pack_sequence_as(structure, flat_sequence):
    """Builds a structure shaped like `structure` from a flat sequence of leaves.

    This is the inverse of `flatten`: leaves are consumed in `flatten` order.

    Args:
        structure: The template structure; its leaf values are ignored.
        flat_sequence: An iterable with exactly as many items as `structure`
            has leaves.

    Returns:
        The new structure.

    Raises:
        TypeError: If `flat_sequence` is not iterable.
        ValueError: If the number of items does not match.

    >>> pack_sequence_as({"b": 0, "a": [0, 0]}, [1, 2, 3])
    {'b': 3, 'a': [1, 2]}
    """
    try:
        flat = list(flat_sequence)
    except TypeError:
        raise TypeError(
            "`flat_sequence` must be a sequence of leaves (e.g. a list). "
            f"Received: {reprlib.repr(flat_sequence)} of type "
            f"{type(flat_sequence).__name__}"
        ) from None
    spec = optree.tree_structure(structure, none_is_leaf=True, namespace=TREE_NAMESPACE)
    if len(flat) != spec.num_leaves:
        raise ValueError(
            f"Cannot pack the flat sequence into the structure: expected "
            f"{spec.num_leaves} leaves, received {len(flat)}. "
            f"Structure: {reprlib.repr(structure)}"
        )
    return spec.unflatten(flat)


def lists_to_tuples(structure):
    """Returns `structure` with every list (at any depth) turned into a tuple.

    Args:
        structure: A nested structure.

    Returns:
        The converted structure; other containers keep their type.

    >>> lists_to_tuples({"a": [1, [2]], "b": (3, [])})
    {'a': (1, (2,)), 'b': (3, ())}
    """

    def to_tuple(x):
        return tuple(x) if isinstance(x, list) else None

    return traverse(to_tuple, structure, top_down=False)


def traverse(func, structure, top_down=True):
    """Visits every node (containers and leaves) of `structure` with `func`.

    Top-down, `func` sees each node before its children. A return value of
    `None` means "keep going": children are visited (a leaf stays unchanged).
    Any other value replaces the node, whose children are then skipped;
    return `MAP_TO_NONE` to replace the node with `None`.

    Bottom-up, children are processed first and `func` sees the rebuilt node.
    `None` keeps that node; any other value replaces it (`MAP_TO_NONE` gives
    `None`).

    Args:
        func: Callable taking one node.
        structure: A nested structure.
        top_down: Visiting order; see above.

    Returns:
        The transformed structure.

    >>> traverse(lambda x: "pair" if x == [2, 3] else None, [1, [2, 3]])
    [1, 'pair']
    >>> traverse(lambda x: x * 2 if isinstance(x, int) else None, [1, (2,)],
    ...          top_down=False)
    [2, (4,)]
    """
    _check_callable(func)
    if top_down:
        return _traverse_top_down(func, structure)
    return _traverse_bottom_up(func, structure)


def _map_children(fn, node):
    """Rebuilds container `node` with `fn` applied to each direct child."""
    one = optree.tree_flatten_one_level(
        node, none_is_leaf=True, namespace=TREE_NAMESPACE
    )
    return one.unflatten_func(one.metadata, [fn(c) for c in one.children])


def _traverse_top_down(func, node):
    result = func(node)
    if result is MAP_TO_NONE:
        return None
    if result is not None or _is_leaf(node):
        return node if result is None else result
    return _map_children(lambda c: _traverse_top_down(func, c), node)


def _traverse_bottom_up(func, node):
    if not _is_leaf(node):
        node = _map_children(lambda c: _traverse_bottom_up(func, c), node)
    result = func(node)
    if result is MAP_TO_NONE:
        return None
    return node if result is None else result
