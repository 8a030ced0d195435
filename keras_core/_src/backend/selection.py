"""Which backend this process uses, chosen once at import.

Order: the `KERAS_BACKEND` environment variable, else the `backend` key of
`$KERAS_HOME/keras.json`, else the first installed of `DEFAULT_ORDER`. Finding
what is installed uses `importlib.util.find_spec`, which imports nothing, so
only the chosen framework is ever loaded.
"""

import importlib
import importlib.util
import os
import sys

from keras_core._src.backend.common import config

# The backend a plain `import keras_core` picks, in order of preference: JAX
# compiles whole steps and is the fastest for training, PyTorch is the most
# common framework, TensorFlow comes next, and NumPy (inference only) is
# always there.
DEFAULT_ORDER = ("jax", "torch", "tensorflow", "numpy")

# The module each backend imports, and the extra that installs it.
FRAMEWORK_MODULES = {
    "jax": "jax",
    "torch": "torch",
    "tensorflow": "tensorflow",
    "numpy": "numpy",
}
PACKAGE_NAME = "keras-core-mb"


def _is_installed(backend_name):
    return importlib.util.find_spec(FRAMEWORK_MODULES[backend_name]) is not None


def _check_name(name, source):
    if name not in FRAMEWORK_MODULES:
        raise ValueError(
            f"Unknown keras_core backend {name!r} {source}. Valid backends are: "
            f"{', '.join(DEFAULT_ORDER)}."
        )


def _check_installed(name, source):
    if not _is_installed(name):
        installed = [b for b in DEFAULT_ORDER if _is_installed(b)]
        extra = "" if name == "numpy" else f"`pip install {PACKAGE_NAME}[{name}]`"
        raise ImportError(
            f"The keras_core backend {name!r} was selected {source}, but "
            f"{FRAMEWORK_MODULES[name]} is not installed. Install it with "
            f"{extra or '`pip install numpy`'}, or select one of the installed "
            f"backends ({', '.join(installed)}) with the KERAS_BACKEND "
            "environment variable."
        )


def select_backend():
    """Returns the name of the backend this process should use.

    Raises:
        ValueError: If the name asked for is not a backend.
        ImportError: If the framework of the backend asked for is missing.
    """
    if os.environ.get("KERAS_BACKEND"):
        name, source = os.environ["KERAS_BACKEND"], "by the KERAS_BACKEND variable"
    else:
        requested = config.read_keras_json().get("backend")
        if requested:
            name, source = requested, f"in {config.keras_json_path()}"
        else:
            installed = [b for b in DEFAULT_ORDER if _is_installed(b)]
            return installed[0]
    name = name.strip().lower()
    _check_name(name, source)
    _check_installed(name, source)
    return name


def set_backend(backend):
    """Switches the backend of this process and reloads keras_core.

    Every `keras_core` module is imported afresh with the new backend, so
    objects made before the switch (layers, variables, classes defined by
    subclassing keras_core classes) keep the old backend and must not be mixed
    with new ones. Re-import names taken with `from keras_core import ...`.

    Prefer setting `KERAS_BACKEND` before the process starts: it never needs
    a reload.

    Args:
        backend: One of `"jax"`, `"torch"`, `"tensorflow"`, `"numpy"`.

    Example:

    >>> keras_core.config.set_backend("numpy")
    >>> keras_core.config.backend()
    'numpy'
    """
    source = "in `keras_core.config.set_backend()`"
    if not isinstance(backend, str):
        raise ValueError(
            f"`backend` must be a string naming a backend {source}. "
            f"Received: backend={backend!r}"
        )
    name = backend.strip().lower()
    _check_name(name, source)
    _check_installed(name, source)
    os.environ["KERAS_BACKEND"] = name
    loaded = sorted(m for m in sys.modules if m.split(".")[0] == "keras_core")
    private = [m for m in loaded if m.startswith("keras_core._src")]
    for module_name in private:
        del sys.modules[module_name]
    # Public namespace modules hold references into the old private modules:
    # reload them, parents first, so `keras_core.config` and friends see the
    # new backend in place (their module objects stay the same).
    for module_name in loaded:
        if not module_name.startswith("keras_core._src"):
            importlib.reload(sys.modules[module_name])
