import collections
import warnings

import numpy as np
import optree
import pytest

from keras_core._src.tree import tree_api as tree

Point = collections.namedtuple("Point", ["x", "y"])
Other = collections.namedtuple("Other", ["x", "y"])
OD = collections.OrderedDict


def _defaultdict(**items):
    d = collections.defaultdict(list)
    d.update(items)
    return d


class Opaque:
    """A plain object: never a container."""


# --- flatten / flatten_with_path / is_nested --------------------------------


def test_flatten_dict_orders():
    assert tree.flatten({"b": 1, "a": 2, "c": 3}) == [2, 1, 3]
    assert tree.flatten(OD([("b", 1), ("a", 2)])) == [1, 2]
    assert tree.flatten(_defaultdict(b=1, a=2)) == [2, 1]


def test_flatten_nested_and_leaves():
    arr = np.zeros(3)
    obj = Opaque()
    structure = [1, (None, {"k": "str"}), Point(arr, [{3, 4}, obj])]
    flat = tree.flatten(structure)
    assert flat[:3] == [1, None, "str"]
    assert flat[3] is arr
    assert flat[4] == {3, 4}
    assert flat[5] is obj
    assert len(flat) == 6


def test_flatten_single_leaf_and_empty():
    assert tree.flatten(None) == [None]
    assert tree.flatten(7) == [7]
    assert tree.flatten("ab") == ["ab"]
    assert tree.flatten([[], {}, ()]) == []
    assert tree.flatten(collections.deque([1, [2]])) == [1, 2]


def test_flatten_with_path():
    assert tree.flatten_with_path([1, (2,)]) == [((0,), 1), ((1, 0), 2)]
    assert tree.flatten_with_path({"b": 3, "a": [1, {"c": 2}]}) == [
        (("a", 0), 1),
        (("a", 1, "c"), 2),
        (("b",), 3),
    ]
    assert tree.flatten_with_path(Point(1, None)) == [((0,), 1), ((1,), None)]
    assert tree.flatten_with_path(OD([("b", 1), ("a", 2)])) == [
        (("b",), 1),
        (("a",), 2),
    ]
    assert tree.flatten_with_path(5) == [((), 5)]
    assert tree.flatten_with_path([]) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ([], True),
        ((1,), True),
        ({}, True),
        (Point(1, 2), True),
        (OD(), True),
        (_defaultdict(), True),
        (None, False),
        (0, False),
        ("abc", False),
        (np.ones((2, 2)), False),
        ({1, 2}, False),
        (Opaque(), False),
    ],
)
def test_is_nested(value, expected):
    assert tree.is_nested(value) is expected


# --- map_structure ------------------------------------------------------------


def test_map_structure_single():
    out = tree.map_structure(
        lambda x: "N" if x is None else x * 2, [1, (2, None), {"a": 3}]
    )
    assert out == [2, (4, "N"), {"a": 6}]
    assert tree.map_structure(lambda x: x + 1, 1) == 2
    assert tree.map_structure(lambda x: "seen", None) == "seen"


def test_map_structure_several():
    out = tree.map_structure(
        lambda a, b, c: a + b + c, [1, (2,)], [10, (20,)], [100, (200,)]
    )
    assert out == [111, (222,)]


def test_map_structure_keeps_container_types():
    out = tree.map_structure(lambda x: x + 1, Point(1, [2]))
    assert out == Point(2, [3])
    assert type(out) is Point
    od = tree.map_structure(lambda x: x, OD([("b", 1), ("a", 2)]))
    assert type(od) is OD
    assert list(od.items()) == [("b", 1), ("a", 2)]
    dd = tree.map_structure(lambda x: x * 10, _defaultdict(b=1, a=2))
    assert type(dd) is collections.defaultdict
    assert dd.default_factory is list
    assert dict(dd) == {"a": 20, "b": 10}


def test_map_structure_dict_kinds_match_by_key():
    # The first structure decides the output type and key order.
    out = tree.map_structure(
        lambda a, b: a + b, {"a": 1, "b": 2}, OD([("b", 20), ("a", 10)])
    )
    assert out == {"a": 11, "b": 22}
    assert type(out) is dict
    out = tree.map_structure(
        lambda a, b: a + b, OD([("b", 20), ("a", 10)]), {"a": 1, "b": 2}
    )
    assert type(out) is OD
    assert list(out.items()) == [("b", 22), ("a", 11)]


def test_map_structure_none_is_leaf_false():
    calls = []

    def double(x):
        calls.append(x)
        return x * 2

    out = tree.map_structure(double, [1, (2, None)], none_is_leaf=False)
    assert out == [2, (4, None)]
    assert calls == [1, 2]
    assert tree.map_structure(double, None, none_is_leaf=False) is None


@pytest.mark.parametrize(
    "first, second, message",
    [
        ([1, 2], (1, 2), "Expected an instance of list"),
        (Point(1, 2), (1, 2), "namedtuple"),
        (Point(1, 2), Other(1, 2), "namedtuple type mismatch"),
        ([1, 2], [1, 2, 3], "arity mismatch"),
        ({"a": 1}, {"b": 1}, "key mismatch"),
        ([None], [[1]], r"leaf at path \(0,\)"),
        ([1, {"a": 1}], [2, {"a": [3]}], r"leaf at path \(1, 'a'\)"),
        ([1], [[]], r"leaf at path \(0,\)"),
        ([[]], [1], "Expected an instance of list"),
    ],
)
def test_map_structure_mismatch(first, second, message):
    with pytest.raises(ValueError, match=message):
        tree.map_structure(lambda a, b: None, first, second)


def test_map_structure_mismatch_with_none_not_leaf():
    with pytest.raises(ValueError, match="Expected None, got 1"):
        tree.map_structure(lambda a, b: a, [None, 2], [1, 3], none_is_leaf=False)
    with pytest.raises(ValueError, match="nested structure"):
        tree.map_structure(lambda a, b: a, [1], [None], none_is_leaf=False)
    # Matching Nones are fine: both are empty containers.
    out = tree.map_structure(
        lambda a, b: a + b, [None, 2], [None, 3], none_is_leaf=False
    )
    assert out == [None, 5]


def test_map_structure_argument_errors():
    with pytest.raises(ValueError, match="Must provide at least one structure"):
        tree.map_structure(lambda: 1)
    with pytest.raises(TypeError, match="callable"):
        tree.map_structure(1, [1])


# --- map_structure_up_to --------------------------------------------------------


def test_map_structure_up_to_basic():
    out = tree.map_structure_up_to([0, 0], lambda x: ("F", x), [1, [2, 3]])
    assert out == [("F", 1), ("F", [2, 3])]
    out = tree.map_structure_up_to(
        [1, (2, 3)], lambda a, b: (a, b), [[1], ([2], 3)], [4, (5, [6])]
    )
    assert out == [([1], 4), (([2], 5), (3, [6]))]
    out = tree.map_structure_up_to({"a": 0, "b": 0}, len, {"b": (3,), "a": [1, 2]})
    assert out == {"a": 2, "b": 1}


def test_map_structure_up_to_leaf_and_none_shallow():
    assert tree.map_structure_up_to(0, len, [1, 2]) == 2
    # None is a leaf like any other, so it absorbs the whole subtree.
    assert tree.map_structure_up_to([None, 0], len, [[1, 2], "abc"]) == [2, 3]
    assert tree.map_structure_up_to(None, lambda x: x, [5]) == [5]
    # None on the input side is just a value at a shallow leaf.
    assert tree.map_structure_up_to([0, 0], lambda x: x, [None, 1]) == [None, 1]


def test_map_structure_up_to_output_follows_shallow_type():
    out = tree.map_structure_up_to(
        OD([("b", 0), ("a", 0)]), lambda x: x, {"a": 1, "b": 2}
    )
    assert type(out) is OD
    assert list(out.items()) == [("b", 2), ("a", 1)]
    out = tree.map_structure_up_to({"a": 0}, lambda x: x, OD(a=[1]))
    assert type(out) is dict
    assert out == {"a": [1]}
    out = tree.map_structure_up_to(Point(0, 0), lambda x: x, Point([1], 2))
    assert out == Point([1], 2)
    assert type(out) is Point


@pytest.mark.parametrize(
    "shallow, structure, message",
    [
        ({"a": 0}, {"a": 1, "b": 2}, "key mismatch"),
        ({"a": 0, "b": 0}, {"a": 1}, "key mismatch"),
        ([0, 0], (1, 2), "Expected an instance of list"),
        ((0, 0), [1, 2], "Expected an instance of tuple"),
        (Point(0, 0), (1, 2), "namedtuple"),
        ([0, 0], [1, 2, 3], "arity mismatch"),
        ([0, [0]], [1, 2], "Expected an instance of list, got 2"),
        ([[0]], [None], "got None"),
        ({"a": 0}, [1], "Expected an instance of dict"),
    ],
)
def test_map_structure_up_to_mismatch(shallow, structure, message):
    with pytest.raises(ValueError, match=message):
        tree.map_structure_up_to(shallow, lambda x: x, structure)


def test_map_structure_up_to_errors():
    with pytest.raises(ValueError, match="arity mismatch"):
        tree.map_structure_up_to([0, 0], lambda a, b: a, [1, 2], [3, 4, 5])
    with pytest.raises(ValueError, match="Must provide at least one structure"):
        tree.map_structure_up_to([0], lambda x: x)
    with pytest.raises(TypeError, match="callable"):
        tree.map_structure_up_to([0], 3, [1])


# --- map_shape_structure --------------------------------------------------------


def test_map_shape_structure():
    def tag(s):
        return ("S", s)

    out = tree.map_shape_structure(tag, [(1, None), {"b": [[4], 5, "x"], "a": [2, 3]}])
    assert out == [
        ("S", (1, None)),
        {"a": ("S", [2, 3]), "b": [("S", [4]), ("S", 5), ("S", "x")]},
    ]
    assert tree.map_shape_structure(tag, [[], ()]) == [("S", []), ("S", ())]
    assert tree.map_shape_structure(tag, [None, None]) == ("S", [None, None])
    assert tree.map_shape_structure(tag, None) == ("S", None)
    assert tree.map_shape_structure(tag, Point(1, 2)) == ("S", Point(1, 2))
    assert tree.map_shape_structure(tag, Point([1], 2)) == Point(("S", [1]), ("S", 2))
    # Not every item is int/None, so this is a container, not a shape.
    assert tree.map_shape_structure(tag, [(1, 2), 3]) == [("S", (1, 2)), ("S", 3)]
    with pytest.raises(TypeError, match="callable"):
        tree.map_shape_structure("nope", [1])


# --- assert_same_structure ------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ([1, (2,)], [3, (4,)]),
        ([None], [1]),
        ([1], [None]),
        ({"a": 1, "b": 2}, OD([("b", 1), ("a", 2)])),
        (OD([("b", 1), ("a", 2)]), {"a": 1, "b": 2}),
        (_defaultdict(a=1), {"a": 1}),
        (np.zeros(3), 1),
        ("ab", 1),
        (Point(1, [2]), Point("x", [None])),
        ([], []),
    ],
)
def test_assert_same_structure_passes(a, b):
    assert tree.assert_same_structure(a, b) is None


@pytest.mark.parametrize(
    "a, b, message",
    [
        ([1, 2], (1, 2), "Expected an instance of list"),
        (Point(1, 2), (1, 2), "namedtuple"),
        (Point(1, 2), Other(1, 2), "namedtuple type mismatch"),
        ([1], [1, 2], "arity mismatch"),
        ({"a": 1}, {"b": 1}, r"missing key\(s\): \['a'\]"),
        ([None], [[1]], r"`a` has a leaf at path \(0,\) but `b`"),
        (1, [1], r"leaf at path \(\)"),
        ({1}, [1], "nested structure"),
        ([[1]], [None], "got None"),
    ],
)
def test_assert_same_structure_fails(a, b, message):
    with pytest.raises(ValueError, match=message):
        tree.assert_same_structure(a, b)


def test_assert_same_structure_check_types_deprecated():
    for value in (True, False):
        with pytest.warns(DeprecationWarning, match="check_types"):
            tree.assert_same_structure([1], [2], check_types=value)
    # The argument has no effect: a list and a tuple still differ.
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError):
        tree.assert_same_structure([1], (1,), check_types=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree.assert_same_structure([1], [2])


# --- assert_same_paths ----------------------------------------------------------


def test_assert_same_paths_passes():
    tree.assert_same_paths([1, 2], (3, 4))
    tree.assert_same_paths({"a": 1}, OD(a=2))
    tree.assert_same_paths(Point(1, 2), [1, 2])
    tree.assert_same_paths(1, None)


def test_assert_same_paths_fails():
    with pytest.raises(ValueError) as info:
        tree.assert_same_paths({"a": 1, "b": 2}, {"a": 1, "c": 2})
    message = str(info.value)
    assert "don't have the same paths" in message
    assert "Paths in `a` missing in `b`: [('b',)]" in message
    assert "Paths in `b` missing in `a`: [('c',)]" in message

    with pytest.raises(ValueError) as info:
        tree.assert_same_paths([1, [2]], [1, 2])
    assert "missing in `b`: [(1, 0)]" in str(info.value)
    assert "missing in `a`: [(1,)]" in str(info.value)

    with pytest.raises(ValueError, match=r"missing in `b`: \[\(\)\]"):
        tree.assert_same_paths(None, [1])


# --- pack_sequence_as -----------------------------------------------------------


def test_pack_sequence_as():
    out = tree.pack_sequence_as([1, (2, {"b": 3, "a": 4})], [10, 20, 30, 40])
    assert out == [10, (20, {"a": 30, "b": 40})]
    assert list(out[1][1]) == ["b", "a"]  # the template's key order is kept
    assert tree.pack_sequence_as(Point(1, [2]), ["a", "b"]) == Point("a", ["b"])
    od = tree.pack_sequence_as(OD([("b", 1), ("a", 2)]), ["x", "y"])
    assert type(od) is OD
    assert list(od.items()) == [("b", "x"), ("a", "y")]
    dd = tree.pack_sequence_as(_defaultdict(b=1, a=2), ["x", "y"])
    assert type(dd) is collections.defaultdict
    assert dict(dd) == {"a": "x", "b": "y"}
    assert tree.pack_sequence_as(1, ["x"]) == "x"
    assert tree.pack_sequence_as(None, ["x"]) == "x"
    assert tree.pack_sequence_as([], []) == []
    assert tree.pack_sequence_as([1, 2], (5, 6)) == [5, 6]
    assert tree.pack_sequence_as([1, 2], (i for i in range(2))) == [0, 1]
    # Items are placed whole, even if they are themselves nested.
    assert tree.pack_sequence_as([1, 2], [[1], None]) == [[1], None]


def test_pack_sequence_as_roundtrip():
    structure = {"x": [1, (2, None)], "y": Point(3, OD(q=4))}
    assert tree.pack_sequence_as(structure, tree.flatten(structure)) == structure


@pytest.mark.parametrize(
    "structure, flat, expected, received",
    [([1, 2], [1], 2, 1), ([1, 2], [1, 2, 3], 2, 3), (1, [1, 2], 1, 2), (1, [], 1, 0)],
)
def test_pack_sequence_as_wrong_count(structure, flat, expected, received):
    with pytest.raises(
        ValueError, match=f"expected {expected} leaves, received {received}"
    ):
        tree.pack_sequence_as(structure, flat)


def test_pack_sequence_as_not_a_sequence():
    with pytest.raises(TypeError, match="`flat_sequence` must be a sequence"):
        tree.pack_sequence_as([1, 2], 5)


# --- lists_to_tuples ------------------------------------------------------------


def test_lists_to_tuples():
    out = tree.lists_to_tuples([1, [2, {"a": [3]}], (4, [5])])
    assert out == (1, (2, {"a": (3,)}), (4, (5,)))
    assert type(out[1][1]["a"]) is tuple
    assert tree.lists_to_tuples({"b": [1], "a": [[]]}) == {"b": (1,), "a": ((),)}
    out = tree.lists_to_tuples(Point([1], 2))
    assert out == Point((1,), 2)
    assert type(out) is Point
    assert tree.lists_to_tuples([None]) == (None,)
    assert tree.lists_to_tuples([]) == ()
    assert tree.lists_to_tuples(1) == 1


# --- traverse -------------------------------------------------------------------


def test_traverse_top_down_replaces_subtrees():
    def pair(x):
        if isinstance(x, list) and len(x) == 2:
            return "pair"
        return None

    assert tree.traverse(pair, [1, [2, 3], (4, [5, 6])]) == [1, "pair", (4, "pair")]
    # A replaced subtree is not visited further.
    seen = []

    def record(x):
        seen.append(x)
        return "cut" if x == [2, 3] else None

    assert tree.traverse(record, [1, [2, 3]]) == [1, "cut"]
    assert seen == [[1, [2, 3]], 1, [2, 3]]


def test_traverse_map_to_none():
    def drop_two(x):
        return tree.MAP_TO_NONE if x == 2 else None

    assert tree.traverse(drop_two, [1, [2, 3]]) == [1, [None, 3]]
    assert tree.traverse(drop_two, [1, 2], top_down=False) == [1, None]
    assert tree.traverse(lambda x: tree.MAP_TO_NONE, [1, [2, 3]]) is None
    out = tree.traverse(lambda x: tree.MAP_TO_NONE, [1, [2, 3]], top_down=False)
    assert out is None


def test_traverse_bottom_up():
    def double(x):
        return x * 2 if isinstance(x, int) else None

    assert tree.traverse(double, [1, [2, 3]], top_down=False) == [2, [4, 6]]
    # func sees the rebuilt node, with children already transformed.
    out = tree.traverse(
        lambda x: tuple(x) if isinstance(x, list) else None, [1, [2, 3]], top_down=False
    )
    assert out == (1, (2, 3))


def test_traverse_visit_order():
    structure = [1, (2, {"b": 3, "a": 4})]
    seen = []

    def record(x):
        seen.append(x)

    assert tree.traverse(record, structure) == structure
    assert seen == [structure, 1, (2, {"b": 3, "a": 4}), 2, {"b": 3, "a": 4}, 4, 3]
    seen.clear()
    assert tree.traverse(record, structure, top_down=False) == structure
    assert seen == [1, 2, 4, 3, {"b": 3, "a": 4}, (2, {"b": 3, "a": 4}), structure]


def test_traverse_leaves_and_containers():
    def inc(x):
        return x + 1 if isinstance(x, int) else None

    for top_down in (True, False):
        out = tree.traverse(inc, Point(1, [2]), top_down=top_down)
        assert out == Point(2, [3])
        assert type(out) is Point
        od = tree.traverse(inc, OD([("b", 1), ("a", 2)]), top_down=top_down)
        assert type(od) is OD
        assert list(od.items()) == [("b", 2), ("a", 3)]
        dd = tree.traverse(inc, _defaultdict(b=1, a=2), top_down=top_down)
        assert dd.default_factory is list
        assert dict(dd) == {"a": 3, "b": 2}
        # A falsy replacement is still a replacement (only None means "keep").
        assert tree.traverse(
            lambda x: 0 if isinstance(x, int) else None, [1, [2]], top_down=top_down
        ) == [0, [0]]
        out = tree.traverse(
            lambda x: "n" if x is None else None, [None, 1], top_down=top_down
        )
        assert out == ["n", 1]
    assert tree.traverse(lambda x: x + 1, 1) == 2
    assert tree.traverse(lambda x: None, 1) == 1
    assert tree.traverse(lambda x: None, None) is None
    assert tree.traverse(lambda x: None, [], top_down=False) == []
    with pytest.raises(TypeError, match="callable"):
        tree.traverse(3, [1])


# --- registry namespace ---------------------------------------------------------


class Box:
    def __init__(self, *items):
        self.items = list(items)

    def __eq__(self, other):
        return type(other) is Box and other.items == self.items


def test_namespace_registration_is_private():
    assert tree.TREE_NAMESPACE == "keras_core"
    optree.register_pytree_node(
        Box,
        lambda box: (box.items, None, None),
        lambda _, children: Box(*children),
        namespace=tree.TREE_NAMESPACE,
    )
    try:
        assert tree.is_nested(Box(1))
        assert tree.flatten([Box(1, [2]), 3]) == [1, 2, 3]
        assert tree.map_structure(lambda x: x * 2, Box(1, 2)) == Box(2, 4)
        assert tree.lists_to_tuples(Box([1])) == Box((1,))
        # Other optree users do not see the registration.
        assert optree.tree_leaves([Box(1)]) == [Box(1)]
    finally:
        optree.unregister_pytree_node(Box, namespace=tree.TREE_NAMESPACE)
    assert not tree.is_nested(Box(1))
