"""Dtype names and the type-promotion lattice shared by every backend.

Every op decides its result dtype here, never in the framework that runs it,
so `add(int8, uint8)` gives the same dtype on JAX, PyTorch, TensorFlow and
NumPy. The lattice is JAX's: a value may move up an edge without losing
information, and the result of mixing dtypes is their least upper bound.

Python scalars are *weak*: `int8_tensor + 1` stays int8 and
`float16_tensor * 2.0` stays float16. Only where weak values meet each other
does the result take a default width, from `floatx()`.
"""

from keras_core._src.backend.common import config

BOOL_TYPES = ("bool",)
UNSIGNED_INT_TYPES = ("uint8", "uint16", "uint32", "uint64")
SIGNED_INT_TYPES = ("int8", "int16", "int32", "int64")
INT_TYPES = UNSIGNED_INT_TYPES + SIGNED_INT_TYPES
FLOAT8_TYPES = ("float8_e4m3fn", "float8_e5m2")
FLOAT_TYPES = ("bfloat16", "float16", "float32", "float64")
COMPLEX_TYPES = ("complex64", "complex128")
ALLOWED_DTYPES = (
    BOOL_TYPES + INT_TYPES + FLOAT_TYPES + FLOAT8_TYPES + COMPLEX_TYPES + ("string",)
)

# Lattice nodes for Python scalars (weak types).
WEAK_INT, WEAK_FLOAT, WEAK_COMPLEX = "weak_int", "weak_float", "weak_complex"
WEAK_TYPES = (WEAK_INT, WEAK_FLOAT, WEAK_COMPLEX)

# Each node and the nodes directly above it.
_LATTICE_EDGES = {
    "bool": (WEAK_INT,),
    WEAK_INT: ("uint8", "int8"),
    "uint8": ("uint16", "int16"),
    "uint16": ("uint32", "int32"),
    "uint32": ("uint64", "int64"),
    "uint64": (WEAK_FLOAT,),
    "int8": ("int16",),
    "int16": ("int32",),
    "int32": ("int64",),
    "int64": (WEAK_FLOAT,),
    WEAK_FLOAT: ("bfloat16", "float16", WEAK_COMPLEX),
    "bfloat16": ("float32",),
    "float16": ("float32",),
    "float32": ("float64", "complex64"),
    "float64": ("complex128",),
    WEAK_COMPLEX: ("complex64",),
    "complex64": ("complex128",),
    "complex128": (),
}


def _upper_set(node):
    seen = {node}
    stack = [node]
    while stack:
        for above in _LATTICE_EDGES[stack.pop()]:
            if above not in seen:
                seen.add(above)
                stack.append(above)
    return frozenset(seen)


_UPPER_SETS = {node: _upper_set(node) for node in _LATTICE_EDGES}

# Backend traits, set once by the backend registry. Promotion results are
# narrowed to 32 bits as JAX (without x64) does, so every backend agrees with
# the one that cannot hold 64-bit values by default. TensorFlow, as in Keras
# 3, keeps int64 and float64 results (its GPU kernels want int64 indices) and
# reads Python ints as int64.
_NARROW_64BIT = {
    "int64": "int32",
    "uint64": "uint32",
    "float64": "float32",
    "complex128": "complex64",
}
_NARROW_64BIT_KEEP_INT64_FLOAT64 = {"uint64": "uint32", "complex128": "complex64"}
_traits = {"keeps_64bit": False, "narrowing": _NARROW_64BIT}


def configure_backend_traits(keeps_64bit):
    """Called by the backend registry with what the chosen backend needs.

    Args:
        keeps_64bit: Whether results may be int64/float64 and Python ints
            read as int64 (TensorFlow), rather than narrowed to 32 bits.
    """
    _traits["keeps_64bit"] = keeps_64bit
    _traits["narrowing"] = (
        _NARROW_64BIT_KEEP_INT64_FLOAT64 if keeps_64bit else _NARROW_64BIT
    )
    _standardize_cache.clear()


def _python_type_names():
    if _traits["keeps_64bit"]:
        return {int: "int64", float: "float32", bool: "bool", complex: "complex128"}
    return {int: "int32", float: "float32", bool: "bool", complex: "complex64"}


# Cache keyed by (type, dtype): `numpy.dtype("int64") == int` is True and
# both hash alike, so the dtype alone would mix up NumPy dtypes and Python types.
_standardize_cache = {}


def _standardize_uncached(dtype):
    python_names = _python_type_names()
    for python_type, name in python_names.items():
        if dtype is python_type:
            return name
    if dtype is str:
        return "string"
    if isinstance(dtype, str):
        name = python_names[int] if dtype == "int" else dtype
    elif hasattr(dtype, "name") and isinstance(dtype.name, str):
        # numpy and TensorFlow dtype objects.
        name = dtype.name
    elif hasattr(dtype, "__name__"):
        # Scalar type classes: numpy.float32, jax.numpy.int8, ml_dtypes.bfloat16.
        name = dtype.__name__
    else:
        # torch.float32 and similar print as "torch.float32".
        name = str(dtype).rsplit(".", 1)[-1]
    if name.startswith(("str", "bytes")):
        # NumPy text dtypes: "str_", "str32", "bytes8", ...
        name = "string"
    if name not in ALLOWED_DTYPES:
        raise ValueError(f"Invalid dtype: {dtype!r}. Expected one of {ALLOWED_DTYPES}.")
    return name


def standardize_dtype(dtype):
    """Returns the keras_core name of a dtype given in any form.

    Args:
        dtype: A dtype name (`"float32"`), a Python type (`int`, `float`,
            `bool`, `complex`, `str`), a NumPy, JAX, TensorFlow or PyTorch
            dtype, or None for `floatx()`.

    Returns:
        A string such as `"float32"`.

    Raises:
        ValueError: If `dtype` names no supported dtype.

    Example:

    >>> keras_core.backend.standardize_dtype(numpy.float16)
    'float16'
    >>> keras_core.backend.standardize_dtype(None)
    'float32'
    """
    if dtype is None:
        return config.floatx()
    try:
        key = (type(dtype), dtype)
        cached = _standardize_cache.get(key)
    except TypeError:
        # Unhashable: never a dtype, but say so in the usual way.
        return _standardize_uncached(dtype)
    if cached is None:
        cached = _standardize_cache[key] = _standardize_uncached(dtype)
    return cached


def is_float_dtype(dtype):
    """Returns whether `dtype` is a floating point dtype (float8 included).

    Example:

    >>> keras_core.backend.is_float_dtype("bfloat16")
    True
    >>> keras_core.backend.is_float_dtype(int)
    False
    """
    return standardize_dtype(dtype).startswith(("float", "bfloat"))


def is_int_dtype(dtype):
    """Returns whether `dtype` is a signed or unsigned integer dtype.

    Example:

    >>> keras_core.backend.is_int_dtype("uint8")
    True
    >>> keras_core.backend.is_int_dtype("bool")
    False
    """
    return standardize_dtype(dtype).startswith(("int", "uint"))


def _lattice_node(dtype):
    """Returns (node, is_weak) for a dtype argument of `result_type`."""
    if dtype is int:
        return WEAK_INT, True
    if dtype is float:
        return WEAK_FLOAT, True
    if dtype is complex:
        return WEAK_COMPLEX, True
    name = standardize_dtype(dtype)
    if name in FLOAT8_TYPES:
        raise ValueError(
            "There is no implicit conversion from float8 dtypes to others: "
            f"cast the float8 input explicitly. Received: dtype={name!r}"
        )
    return name, False


def _least_upper_bound(nodes):
    if "string" in nodes:
        raise ValueError(
            "dtype='string' is not a valid dtype for keras_core type promotion "
            f"with other dtypes. Received: {sorted(nodes)}"
        )
    common = frozenset.intersection(*(_UPPER_SETS[node] for node in nodes))
    # The least upper bound is the element of `common` that all of `common`
    # lies above.
    for candidate in common:
        if _UPPER_SETS[candidate] >= common:
            return candidate
    raise ValueError(f"The dtypes {sorted(nodes)} have no common dtype.")


def _strong_default(weak_node):
    return {WEAK_INT: "int32", WEAK_FLOAT: "float32", WEAK_COMPLEX: "complex64"}[
        weak_node
    ]


def _resolve_weak(node):
    """The concrete dtype a weak result takes: its width follows floatx."""
    bits = config.floatx()[-2:]
    if node == WEAK_INT:
        return f"int{bits}"
    if node == WEAK_FLOAT:
        return f"float{bits}"
    return "complex128" if bits == "64" else "complex64"


def result_type(*dtypes):
    """Returns the dtype that mixing `dtypes` gives under keras_core's rules.

    Args:
        *dtypes: Dtypes in any form `standardize_dtype` accepts, and the
            Python types `int`, `float`, `complex` standing for weakly typed
            Python scalars. None stands for `floatx()`.

    Returns:
        A dtype name. With no argument, `floatx()`.

    Raises:
        ValueError: For float8 dtypes (they never promote implicitly: cast
            them) and for `"string"`.

    Example:

    >>> keras_core.backend.result_type("int8", "uint8")
    'int16'
    >>> keras_core.backend.result_type("bfloat16", float)
    'bfloat16'
    >>> keras_core.backend.result_type("int32", "float32")
    'float32'
    """
    if not dtypes:
        return config.floatx()
    parsed = [_lattice_node(config.floatx() if d is None else d) for d in dtypes]
    nodes = [node for node, _ in parsed]
    weak = [is_weak for _, is_weak in parsed]
    if len(set(nodes)) == 1 and not weak[0]:
        # One dtype, maybe repeated: it is its own result, even a dtype
        # outside the lattice such as "string".
        result = nodes[0]
    elif all(weak):
        # Mixing only Python scalars: promote their default dtypes, then let
        # the result follow floatx as a weak value would.
        node = _least_upper_bound({_strong_default(n) for n in nodes})
        result = _resolve_weak(
            {"int32": WEAK_INT, "float32": WEAK_FLOAT, "complex64": WEAK_COMPLEX}[node]
        )
    else:
        node = _least_upper_bound(set(nodes))
        result = _resolve_weak(node) if node in WEAK_TYPES else node
    return _traits["narrowing"].get(result, result)


def promotion_type(x):
    """The argument `result_type` takes for value `x`.

    Python numbers are weak (their type); bools, strings, arrays and tensors
    are strong (their dtype), and so are lists, which become tensors.
    """
    if isinstance(x, (list, tuple)):
        return python_data_dtype(x)
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, str):
        return "string"
    if isinstance(x, (int, float, complex)) and not hasattr(x, "dtype"):
        return type(x)
    return standardize_dtype(x.dtype)


def python_data_dtype(x):
    """The dtype a Python scalar or nested list/tuple converts to.

    It is the promotion of all its items, so `[1, 2.5]` is floatx and
    `[numpy.int8(1), 2]` is int8; an empty list is floatx.
    """
    types = []
    pending = [x]
    while pending:
        item = pending.pop()
        if isinstance(item, (list, tuple)):
            pending.extend(item)
        else:
            types.append(promotion_type(item))
    return result_type(*types)


def narrowed_dtype(dtype):
    """`dtype` as the backend holds it by default (64-bit narrowed unless kept)."""
    return _traits["narrowing"].get(dtype, dtype)
