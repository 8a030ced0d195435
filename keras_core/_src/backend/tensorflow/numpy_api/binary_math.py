"""The tensorflow backend table: binary math ops.

See keras_core/_src/ops/numpy/binary_math.py for the declarations.
TensorFlow lacks kernels for booleans (arithmetic, ordering) and for several
unsigned types; those are computed in a wider signed type and cast back, so
that the results are NumPy's. Ops TensorFlow lacks (gcd, hypot, ...) are
composed from element-wise kernels that XLA compiles.
"""

import math

from keras_core._src.backend.tensorflow.tf_import import tf


def _is_bool(x):
    return x.dtype == tf.bool


def _widened(x):
    """A dtype with kernels for `x`'s integer arithmetic (int64 for unsigned)."""
    if _is_bool(x) or x.dtype.is_unsigned:
        return tf.int64
    return x.dtype


def _integer_op(function, x1, x2):
    """Applies `function` in a kernel-backed dtype, then casts back."""
    wide = _widened(x1)
    if wide == x1.dtype:
        return function(x1, x2)
    result = function(tf.cast(x1, wide), tf.cast(x2, wide))
    return tf.cast(result, x1.dtype)


def power(x1, x2):
    if x1.dtype.is_integer or _is_bool(x1):
        return _integer_op(tf.pow, x1, x2)
    return tf.pow(x1, x2)


def _floor_divide(x1, x2):
    return tf.math.floordiv(x1, x2)


def floor_divide(x1, x2):
    if x1.dtype.is_floating:
        return tf.math.floor(tf.math.divide(x1, x2))
    return _integer_op(_floor_divide, x1, x2)


def mod(x1, x2):
    if x1.dtype.is_floating:
        result = tf.math.floormod(x1, x2)
        # NumPy gives NaN for a zero divisor and keeps the divisor's sign.
        return tf.where(x2 == 0, tf.constant(math.nan, x1.dtype), result)
    return _integer_op(tf.math.floormod, x1, x2)


def fmod(x1, x2):
    if x1.dtype.is_floating:
        # TruncateMod has no gradient nor bfloat16 kernel; on magnitudes it is
        # the floor modulo, exactly, and the result takes the sign of x1.
        magnitude = tf.math.floormod(tf.abs(x1), tf.abs(x2))
        result = tf.where(x1 < 0, -magnitude, magnitude)
        return tf.where(x2 == 0, tf.constant(math.nan, x1.dtype), result)
    if x1.dtype in (tf.int8, tf.int16):
        # No TruncateMod kernel for narrow integers: compute in int32.
        result = tf.truncatemod(tf.cast(x1, tf.int32), tf.cast(x2, tf.int32))
        return tf.cast(result, x1.dtype)
    return _integer_op(tf.truncatemod, x1, x2)


def not_equal(x1, x2):
    return tf.not_equal(x1, x2)


def _ordered(x1, x2):
    # False < True, as in NumPy; TensorFlow cannot order booleans.
    if _is_bool(x1):
        return tf.cast(x1, tf.int8), tf.cast(x2, tf.int8)
    return x1, x2


def greater(x1, x2):
    return tf.greater(*_ordered(x1, x2))


def greater_equal(x1, x2):
    return tf.greater_equal(*_ordered(x1, x2))


def less_equal(x1, x2):
    return tf.less_equal(*_ordered(x1, x2))


def _truth(x):
    # Non-zero is true; NaN is non-zero (tf.cast to bool agrees).
    return x if _is_bool(x) else tf.not_equal(x, tf.zeros((), x.dtype))


def logical_and(x1, x2):
    return tf.logical_and(_truth(x1), _truth(x2))


def logical_or(x1, x2):
    return tf.logical_or(_truth(x1), _truth(x2))


def logical_xor(x1, x2):
    return tf.math.logical_xor(_truth(x1), _truth(x2))


def arctan2(x1, x2):
    return tf.math.atan2(x1, x2)


def hypot(x1, x2):
    a = tf.abs(x1)
    b = tf.abs(x2)
    big = tf.maximum(a, b)
    small = tf.minimum(a, b)
    # Scale by the larger leg so that squaring cannot overflow; a zero larger
    # leg means both are zero.
    safe = tf.where(big == 0, tf.ones_like(big), big)
    ratio = small / safe
    result = big * tf.sqrt(1 + ratio * ratio)
    # An infinite leg wins even over NaN, as in C's hypot.
    infinite = tf.math.is_inf(a) | tf.math.is_inf(b)
    result = tf.where(infinite, tf.constant(math.inf, big.dtype), result)
    nan = (tf.math.is_nan(a) | tf.math.is_nan(b)) & ~infinite
    return tf.where(nan, tf.constant(math.nan, big.dtype), result)


def _log_add(x1, x2, log_one_plus, log_two):
    """max(x1, x2) + log_one_plus(-|x1 - x2|), ties handled for infinities."""
    big = tf.maximum(x1, x2)
    difference = x1 - x2
    # Equal inputs (infinities included) give x + log(2); the difference of
    # two equal infinities would be NaN.
    equal = tf.equal(x1, x2)
    safe = tf.where(equal, tf.zeros_like(difference), difference)
    result = big + log_one_plus(-tf.abs(safe))
    result = tf.where(equal, x1 + log_two, result)
    nan = tf.math.is_nan(x1) | tf.math.is_nan(x2)
    return tf.where(nan, x1 + x2, result)


def logaddexp(x1, x2):
    return _log_add(x1, x2, lambda d: tf.math.log1p(tf.exp(d)), math.log(2.0))


def logaddexp2(x1, x2):
    return _log_add(
        x1,
        x2,
        lambda d: tf.math.log1p(tf.pow(tf.constant(2.0, d.dtype), d)) / math.log(2.0),
        1.0,
    )


def heaviside(x1, x2):
    zeros = tf.zeros_like(x1)
    result = tf.where(x1 < 0, zeros, tf.where(x1 > 0, tf.ones_like(x1), x2 + zeros))
    return tf.where(tf.math.is_nan(x1), x1, result)


_BITS_OF = {tf.float16: tf.int16, tf.bfloat16: tf.int16}


def nextafter(x1, x2):
    if x1.dtype not in _BITS_OF:
        return tf.math.nextafter(x1, x2)
    # No kernel for half precision: step the bit pattern by one unit.
    x1, x2 = x1 + tf.zeros_like(x2), x2 + tf.zeros_like(x1)
    bits = tf.bitcast(x1, _BITS_OF[x1.dtype])
    away_from_zero = (x2 > x1) == (x1 > 0)
    stepped = tf.where(away_from_zero, bits + 1, bits - 1)
    result = tf.bitcast(stepped, x1.dtype)
    # From zero the step is the smallest subnormal, with the sign of x2.
    tiny = tf.bitcast(tf.ones_like(bits), x1.dtype)
    result = tf.where(x1 == 0, tf.where(x2 > 0, tiny, -tiny), result)
    result = tf.where(x1 == x2, x2, result)
    nan = tf.math.is_nan(x1) | tf.math.is_nan(x2)
    return tf.where(nan, x1 + x2, result)


def divide_no_nan(x1, x2):
    zero = tf.equal(x2, 0)
    # Divide by 1 where x2 is 0: the unused NaN branch would poison gradients.
    quotient = tf.math.divide(x1, tf.where(zero, tf.ones_like(x2), x2))
    return tf.where(zero, tf.zeros_like(quotient), quotient)


def _gcd(a, b):
    a, b = tf.broadcast_to(a, tf.shape(a + b)), tf.broadcast_to(b, tf.shape(a + b))
    a, b = tf.abs(a), tf.abs(b)

    def step(a, b):
        nonzero = b != 0
        safe = tf.where(nonzero, b, tf.ones_like(b))
        return tf.where(nonzero, b, a), tf.where(nonzero, a % safe, tf.zeros_like(b))

    a, _ = tf.while_loop(lambda a, b: tf.reduce_any(b != 0), step, (a, b))
    return a


def gcd(x1, x2):
    return _integer_op(_gcd, x1, x2)


def _lcm(a, b):
    divisor = _gcd(a, b)
    safe = tf.where(divisor == 0, tf.ones_like(divisor), divisor)
    return tf.abs(a // safe * b)


def lcm(x1, x2):
    return _integer_op(_lcm, x1, x2)


def ldexp(x1, x2):
    if not x1.dtype.is_floating:
        x1 = tf.cast(x1, tf.float32)
    exponent = tf.cast(x2, tf.int32)
    # Two half steps, so that 2**x2 itself cannot overflow or underflow when
    # the product is representable.
    half = exponent // 2
    two = tf.constant(2.0, x1.dtype)
    first = tf.pow(two, tf.cast(half, x1.dtype))
    second = tf.pow(two, tf.cast(exponent - half, x1.dtype))
    return x1 * first * second


def bitwise_and(x, y):
    if _is_bool(x):
        return tf.logical_and(x, y)
    return tf.bitwise.bitwise_and(x, y)


def bitwise_or(x, y):
    if _is_bool(x):
        return tf.logical_or(x, y)
    return tf.bitwise.bitwise_or(x, y)


def bitwise_xor(x, y):
    if _is_bool(x):
        return tf.math.logical_xor(x, y)
    return tf.bitwise.bitwise_xor(x, y)


def _bit_width(x):
    return x.dtype.size * 8


def bitwise_left_shift(x, y):
    # NumPy gives 0 for shifts by the bit width or more; TF leaves it undefined.
    too_far = (y >= _bit_width(x)) | (y < 0)
    safe = tf.where(too_far, tf.zeros_like(y), y)
    result = tf.bitwise.left_shift(x, safe)
    return tf.where(too_far, tf.zeros_like(result), result)


def bitwise_right_shift(x, y):
    # Past the bit width only the sign is left: -1 for negatives, else 0.
    too_far = (y >= _bit_width(x)) | (y < 0)
    safe = tf.where(too_far, tf.zeros_like(y), y)
    result = tf.bitwise.right_shift(x, safe)
    if x.dtype.is_unsigned:
        sign = tf.zeros_like(result)
    else:
        sign = tf.where(x < 0, -tf.ones_like(result), tf.zeros_like(result))
    return tf.where(too_far, sign, result)


def isclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    if not x1.dtype.is_floating:
        # NumPy compares integers as floats (no wrap-around on unsigned).
        x1 = tf.cast(x1, tf.float64)
        x2 = tf.cast(x2, tf.float64)
    x1, x2 = x1 + tf.zeros_like(x2), x2 + tf.zeros_like(x1)
    finite = tf.math.is_finite(x1) & tf.math.is_finite(x2)
    tolerance = tf.cast(atol, x1.dtype) + tf.cast(rtol, x1.dtype) * tf.abs(x2)
    close = finite & (tf.abs(x1 - x2) <= tolerance)
    # Infinities are close only to themselves.
    close = close | (~finite & tf.equal(x1, x2))
    if equal_nan:
        close = close | (tf.math.is_nan(x1) & tf.math.is_nan(x2))
    return close


def allclose(x1, x2, rtol=1e-05, atol=1e-08, equal_nan=False):
    return tf.reduce_all(isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan))
