"""Argument checks shared by the schedules."""


def check_positive_steps(schedule, argument, value):
    """Raises unless `value` (a number of steps) is > 0."""
    if value <= 0:
        raise ValueError(
            f"{schedule}: argument `{argument}` must be > 0 (a number of "
            f"steps). Received: {argument}={value}"
        )
