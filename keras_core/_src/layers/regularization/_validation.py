"""Argument checks shared by the random regularization layers."""


def check_fraction(layer, argument, value):
    """Raises unless `value` is a number between 0 and 1 (as Keras checks)."""
    valid = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not valid or not 0 <= value <= 1:
        raise ValueError(
            f"Layer {type(layer).__name__}: invalid value received for "
            f"argument `{argument}`. Expected a float value between 0 and 1. "
            f"Received: {argument}={value!r}"
        )
