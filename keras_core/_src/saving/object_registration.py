"""The registry of user classes and functions that configs may name.

Loading is an allow-list: a config can only name public keras_core objects,
objects registered here with `register_keras_serializable`, objects in an
active `custom_object_scope`, or ones passed as `custom_objects`.
"""

import inspect

from keras_core._src.backend.common import global_state

# Registered name ("package>Name") -> object, and object -> registered name.
_REGISTERED_OBJECTS = {}
_REGISTERED_NAMES = {}


class CustomObjectScope:
    """Makes objects available by name to deserialization inside it.

    Args:
        custom_objects: A dict from the names configs use to the objects
            (classes or functions) they stand for.

    Example:

    >>> def my_activation(x):
    ...     return x * 2
    >>> with keras_core.saving.CustomObjectScope({"my_activation": my_activation}):
    ...     layer = keras_core.layers.Dense(4, activation="my_activation")
    """

    def __init__(self, custom_objects):
        if custom_objects is not None and not isinstance(custom_objects, dict):
            raise TypeError(
                "CustomObjectScope expects a dict of name -> object. Received: "
                f"custom_objects={custom_objects!r}"
            )
        self.custom_objects = dict(custom_objects or {})
        self._backup = None

    def __enter__(self):
        self._backup = global_state.get_global_attribute("custom_objects_scope")
        merged = dict(self._backup or {})
        merged.update(self.custom_objects)
        global_state.set_global_attribute("custom_objects_scope", merged)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("custom_objects_scope", self._backup)


custom_object_scope = CustomObjectScope


def get_custom_objects():
    """The global dict of registered objects, by registered name.

    Changes to the dict register or remove objects (kept for Keras 2 code);
    prefer `register_keras_serializable`.

    Example:

    >>> get_custom_objects()["MyPackage>MyLayer"] = MyLayer
    """
    return _REGISTERED_OBJECTS


def register_keras_serializable(package="Custom", name=None):
    """Registers a class or function so configs can name it.

    It is stored as `"package>name"`, which is what its serialized configs
    record in `registered_name`.

    Args:
        package: A namespace for the name, to avoid clashes.
        name: The name; the object's `__name__` by default.

    Returns:
        A decorator that registers and returns the object.

    Example:

    >>> @keras_core.saving.register_keras_serializable(package="MyLayers")
    ... class Scale(keras_core.layers.Layer):
    ...     def call(self, x):
    ...         return x * 2
    """

    def decorate(obj):
        registered_name = f"{package}>{name or obj.__name__}"
        if inspect.isclass(obj) and not hasattr(obj, "get_config"):
            raise ValueError(
                f"Cannot register {obj.__name__}: a class must implement "
                "`get_config()` to be serializable."
            )
        _REGISTERED_OBJECTS[registered_name] = obj
        _REGISTERED_NAMES[obj] = registered_name
        return obj

    return decorate


def get_registered_name(obj):
    """The name `obj` is registered under, or its `__name__` if it is not.

    Example:

    >>> get_registered_name(keras_core.layers.Dense)
    'Dense'
    """
    try:
        registered = _REGISTERED_NAMES.get(obj)
    except TypeError:
        registered = None
    return registered if registered is not None else obj.__name__


def get_registered_object(name, custom_objects=None, module_objects=None):
    """Finds the object registered or passed under `name`, else None.

    Looked up in this order: the active `custom_object_scope`, the global
    registry, `custom_objects`, then `module_objects`.

    Args:
        name: The name to look up.
        custom_objects: An optional dict of name -> object.
        module_objects: An optional dict of name -> object, usually a
            module's public objects.

    Example:

    >>> get_registered_object("MyLayers>Scale") is Scale
    True
    """
    scoped = global_state.get_global_attribute("custom_objects_scope") or {}
    for table in (scoped, _REGISTERED_OBJECTS, custom_objects, module_objects):
        if table and name in table:
            return table[name]
    return None
