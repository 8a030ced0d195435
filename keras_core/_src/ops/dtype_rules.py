"""Result-dtype rules for ops, from the one promotion table.

A rule takes the promotion types of an op's tensor arguments (dtype names,
or `int`/`float`/`complex` for weak Python scalars) and returns
`(compute_dtype, output_dtype)`: the dtype inputs are cast to before the
backend runs, and the dtype the result must have. None means "leave as is".
"""

from keras_core._src.backend.common.dtypes import result_type


def promote(*types):
    """Inputs and output in the promoted dtype (add, maximum, ...)."""
    dtype = result_type(*types)
    return dtype, dtype


def boolean_result(*types):
    """Inputs read as truth values in their own dtypes, a boolean result.

    For logical ops (logical_and, all, any): the backend tests inputs against
    zero, so no conversion is needed. Strings and float8 are still refused.
    """
    result_type(*types)
    return None, "bool"


def promote_numeric(*types):
    """Like `promote`, for ops NumPy refuses on booleans (subtract, negative)."""
    dtype = result_type(*types)
    if dtype == "bool":
        raise TypeError(
            "boolean inputs are not supported. Use the logical ops "
            "(`logical_xor`, `logical_not`) or cast the inputs to a number."
        )
    return dtype, dtype


def promote_to_float(*types):
    """Like `promote`, but integers and bools become floats (sqrt, divide)."""
    dtype = result_type(*types, float)
    return dtype, dtype


def compare(*types):
    """Inputs promoted together, a boolean result (equal, less, ...)."""
    return result_type(*types), "bool"
