"""Public names whose modules load on first use (PEP 562).

Model files need h5py; importing keras_core should not load it (nor pay
for it) until a file is saved or loaded.
"""

import importlib


def lazy_exports(module_globals, exports):
    """Returns `__getattr__` and `__dir__` for a namespace module.

    Args:
        module_globals: The namespace module's `globals()`.
        exports: `{public name: (module path, attribute name)}`.

    Returns:
        `(__getattr__, __dir__)`, to assign in the namespace module.
    """

    def __getattr__(name):
        if name not in exports:
            raise AttributeError(
                f"module {module_globals['__name__']!r} has no attribute {name!r}"
            )
        module_path, attribute = exports[name]
        value = getattr(importlib.import_module(module_path), attribute)
        module_globals[name] = value
        return value

    def __dir__():
        return sorted(set(module_globals) | set(exports))

    return __getattr__, __dir__
