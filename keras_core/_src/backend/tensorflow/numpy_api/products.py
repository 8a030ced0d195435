"""The tensorflow backend table: products ops.

See keras_core/_src/ops/numpy/products.py for the declarations. Inputs
arrive in the op's compute dtype. TensorFlow's matrix products lack kernels
for booleans and most integers: booleans are contracted as int32 and read
back as "any product nonzero", integers as int64 and wrapped back to their
dtype (the same modular result NumPy gives). NumPy's `dot`, `inner`,
`kron`, `cross`, `diagonal` with axes and offsets, and implicit `einsum`
outputs are built here.
"""

from keras_core._src.backend.common.op_arguments.products import check_cross
from keras_core._src.backend.common.op_arguments.products import check_diagonal_axes
from keras_core._src.backend.tensorflow.tf_import import tf


def _contract(function, *xs):
    """Runs a product `function` in a dtype TensorFlow has kernels for."""
    dtype = xs[0].dtype
    if dtype == tf.bool:
        return function(*[tf.cast(x, tf.int32) for x in xs]) != 0
    if dtype.is_integer:
        result = function(*[tf.cast(x, tf.int64) for x in xs])
        return tf.cast(result, dtype)
    return function(*xs)


def _matmul(x1, x2):
    # tf.linalg.matmul wants matrices: vectors become a row / a column.
    a = x1[None, :] if x1.shape.rank == 1 else x1
    b = x2[:, None] if x2.shape.rank == 1 else x2
    result = tf.linalg.matmul(a, b)
    if x2.shape.rank == 1:
        result = result[..., 0]
    if x1.shape.rank == 1:
        result = result[..., 0, :] if x2.shape.rank != 1 else result[..., 0]
    return result


def matmul(x1, x2):
    for x in (x1, x2):
        if x.shape.rank == 0:
            raise ValueError(
                "matmul: inputs must have at least 1 dimension. Received: "
                f"shapes {tuple(x1.shape)} and {tuple(x2.shape)}."
            )
    if x1.dtype == tf.int8 and x2.dtype == tf.int8:
        # Keras 3 on TensorFlow accumulates int8 matrix products in int32,
        # but keeps int8 (wrapping) when an operand is a vector.
        result = _contract(_matmul, tf.cast(x1, tf.int32), tf.cast(x2, tf.int32))
        if x1.shape.rank == 1 or x2.shape.rank == 1:
            return tf.cast(result, tf.int8)
        return result
    return _contract(_matmul, x1, x2)


def _tensordot(x1, x2, axes):
    if isinstance(axes, int):
        rank = x1.shape.rank
        axes = [list(range(rank - axes, rank)), list(range(axes))]
    else:
        axes = [
            [a % x.shape.rank for a in (ax if isinstance(ax, (list, tuple)) else [ax])]
            for ax, x in zip(axes, (x1, x2), strict=True)
        ]
    return tf.tensordot(x1, x2, axes=axes)


def _dot(x1, x2):
    if x1.shape.rank == 0 or x2.shape.rank == 0:
        return x1 * x2
    second = 0 if x2.shape.rank == 1 else x2.shape.rank - 2
    return _tensordot(x1, x2, [[x1.shape.rank - 1], [second]])


def dot(x1, x2):
    return _contract(_dot, x1, x2)


def tensordot(x1, x2, axes=2):
    return _contract(lambda a, b: _tensordot(a, b, axes), x1, x2)


def _inner(x1, x2):
    if x1.shape.rank == 0 or x2.shape.rank == 0:
        return x1 * x2
    return _tensordot(x1, x2, [[-1], [-1]])


def inner(x1, x2):
    return _contract(_inner, x1, x2)


def outer(x1, x2):
    product = tf.logical_and if x1.dtype == tf.bool else tf.multiply
    return _wrapping(product, tf.reshape(x1, [-1, 1]), tf.reshape(x2, [1, -1]))


def _wrapping(function, x1, x2):
    # Elementwise products of unsigned ints have no kernels: via int64.
    if x1.dtype.is_unsigned:
        result = function(tf.cast(x1, tf.int64), tf.cast(x2, tf.int64))
        return tf.cast(result, x1.dtype)
    return function(x1, x2)


def vdot(x1, x2):
    def flat_dot(a, b):
        return tf.reduce_sum(tf.reshape(a, [-1]) * tf.reshape(b, [-1]))

    return _contract(flat_dot, x1, x2)


def kron(x1, x2):
    # Interleaves the axes of an outer product, then merges each pair.
    ndim = max(x1.shape.rank, x2.shape.rank)
    shape1 = [1] * (ndim - x1.shape.rank) + _dims(x1)
    shape2 = [1] * (ndim - x2.shape.rank) + _dims(x2)
    a = tf.reshape(x1, [d for n in shape1 for d in (n, 1)])
    b = tf.reshape(x2, [d for n in shape2 for d in (1, n)])
    product = tf.logical_and if x1.dtype == tf.bool else tf.multiply
    merged = [m * n for m, n in zip(shape1, shape2, strict=True)]
    return tf.reshape(_wrapping(product, a, b), merged)


def _dims(x):
    """x's dimensions: static ints where known, else dynamic scalars."""
    dynamic = tf.shape(x)
    return [n if n is not None else dynamic[i] for i, n in enumerate(x.shape.as_list())]


def _explicit(subscripts):
    """NumPy's implicit einsum output, spelled out: `...`, then lone labels."""
    subscripts = subscripts.replace(" ", "")
    if "->" in subscripts:
        return subscripts
    labels = subscripts.replace("...", "").replace(",", "")
    lone = sorted(c for c in set(labels) if labels.count(c) == 1)
    ellipsis = "..." if "..." in subscripts else ""
    return f"{subscripts}->{ellipsis}{''.join(lone)}"


def einsum(subscripts, *operands, **kwargs):
    del kwargs  # `optimize` only: the framework picks the order.
    subscripts = _explicit(subscripts)
    return _contract(lambda *xs: tf.einsum(subscripts, *xs), *operands)


def _cross_vectors(a, b):
    """Cross products of vectors on the last axes (2 or 3 components)."""
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else tf.zeros_like(a0)
    b2 = b[..., 2] if b.shape[-1] == 3 else tf.zeros_like(b0)
    return tf.stack([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], -1)


def _move_to_end(x, axis):
    rank = x.shape.rank
    axis %= rank
    return tf.transpose(x, [i for i in range(rank) if i != axis] + [axis])


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    check_cross(x1.shape, x2.shape, axisa, axisb)
    a = _move_to_end(x1, axisa)
    b = _move_to_end(x2, axisb)
    dtype = a.dtype
    if dtype.is_unsigned or dtype in (tf.int8, tf.int16):
        # No subtraction kernels for these: via int64, wrapped back.
        a, b = tf.cast(a, tf.int64), tf.cast(b, tf.int64)
    # The component products broadcast the other axes.
    result = tf.cast(_cross_vectors(a, b), dtype)
    if x1.shape[axisa] == 2 and x2.shape[axisb] == 2:
        return result
    rank = result.shape.rank
    axisc %= rank
    order = list(range(rank - 1))
    order.insert(axisc, rank - 1)
    return tf.transpose(result, order)


def diagonal(x, offset=0, axis1=0, axis2=1):
    check_diagonal_axes(x.shape, axis1, axis2)
    rank = x.shape.rank
    axis1, axis2 = axis1 % rank, axis2 % rank
    others = [i for i in range(rank) if i not in (axis1, axis2)]
    x = tf.transpose(x, [*others, axis1, axis2])
    # The offset diagonal is the main diagonal of a corner of each plane.
    if offset >= 0:
        x = x[..., :, offset:]
    else:
        x = x[..., -offset:, :]
    size = tf.minimum(tf.shape(x)[-2], tf.shape(x)[-1])
    x = x[..., :size, :size]
    return tf.linalg.diag_part(x)


def trace(x, offset=0, axis1=0, axis2=1):
    diagonals = diagonal(x, offset, axis1, axis2)
    if x.dtype.is_unsigned:
        return tf.cast(tf.reduce_sum(tf.cast(diagonals, tf.int64), -1), x.dtype)
    return tf.reduce_sum(diagonals, -1)


def slogdet(x):
    sign, logabsdet = tf.linalg.slogdet(x)
    return sign, logabsdet


def clip(x, x_min, x_max):
    # min(max(x, x_min), x_max), as NumPy: x_max wins where x_min > x_max.
    dtype = x.dtype
    if dtype.is_unsigned or dtype == tf.int8:
        # No maximum/minimum kernels for these: via int64.
        x = tf.cast(x, tf.int64)
        x_min = None if x_min is None else tf.cast(x_min, tf.int64)
        x_max = None if x_max is None else tf.cast(x_max, tf.int64)
    if x_min is not None:
        x = tf.maximum(x, x_min)
    if x_max is not None:
        x = tf.minimum(x, x_max)
    return tf.cast(x, dtype)
