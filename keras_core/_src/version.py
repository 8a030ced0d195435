"""The keras_core version."""

__version__ = "0.1.0"


def version():
    """Returns the keras_core version string.

    Example:

    >>> keras_core.version()
    '0.1.0'
    """
    return __version__
