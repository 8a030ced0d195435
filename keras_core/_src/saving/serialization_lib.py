"""Objects to JSON-ready configs and back, in the Keras 3 format.

A serialized object is `{"module", "class_name", "config",
"registered_name"}` (plus `"build_config"` / `"compile_config"` for built
layers and compiled models). Reading one back is an allow-list: the class
must be a public keras_core object (found by its Keras path), a registered
one, or one passed in `custom_objects`. Nothing is imported by module name
and, in safe mode (the default), no Python bytecode is loaded.
"""

import base64
import builtins
import inspect
import marshal
import types

import numpy as np

from keras_core._src import api_export
from keras_core._src import backend
from keras_core._src.backend.common import global_state
from keras_core._src.saving import object_registration


class SafeModeScope:
    """Sets whether deserialization may load Python bytecode (lambdas).

    Args:
        safe_mode: True (the default everywhere) refuses configs holding
            serialized lambdas; False allows them, for files you trust.
    """

    def __init__(self, safe_mode=True):
        self.safe_mode = safe_mode
        self._backup = None

    def __enter__(self):
        self._backup = global_state.get_global_attribute("safe_mode_saving")
        global_state.set_global_attribute("safe_mode_saving", self.safe_mode)
        return self

    def __exit__(self, *exc_info):
        global_state.set_global_attribute("safe_mode_saving", self._backup)


def in_safe_mode():
    """Whether an enclosing scope disallows loading bytecode (None: unset)."""
    return global_state.get_global_attribute("safe_mode_saving")


def serialize_keras_object(obj):
    """Returns a JSON-ready config of `obj`, which can be read back.

    Plain values (None, numbers, strings and containers of them) are
    returned as they are; NumPy arrays and tensors become `__numpy__` /
    `__tensor__` records; objects with `get_config` become a class record.

    Args:
        obj: The object to serialize.

    Returns:
        A structure of dicts, lists and plain values.

    Example:

    >>> record = serialize_keras_object(keras_core.initializers.Zeros())
    >>> record["module"], record["class_name"]
    ('keras.initializers', 'Zeros')
    """
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, bytes):
        return {"class_name": "__bytes__", "config": {"value": obj.decode("utf-8")}}
    if isinstance(obj, (list, tuple)):
        # Plain containers: tracked lists and namedtuples serialize as such.
        container = tuple if isinstance(obj, tuple) else list
        return container(serialize_keras_object(item) for item in obj)
    if isinstance(obj, dict):
        return {key: serialize_keras_object(value) for key, value in obj.items()}
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return _array_record("__numpy__", obj)
    if isinstance(obj, np.dtype):
        return str(obj)
    if obj is Ellipsis:
        return {"class_name": "__ellipsis__", "config": {}}
    if isinstance(obj, slice):
        return {
            "class_name": "__slice__",
            "config": {
                "start": serialize_keras_object(obj.start),
                "stop": serialize_keras_object(obj.stop),
                "step": serialize_keras_object(obj.step),
            },
        }
    if backend.core.is_tensor(obj):
        return _array_record("__tensor__", backend.core.convert_to_numpy(obj))
    if isinstance(obj, types.FunctionType) and obj.__name__ == "<lambda>":
        return _lambda_record(obj)
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return {
            "module": "builtins",
            "class_name": "function",
            "config": _function_name(obj),
            "registered_name": "function",
        }
    if hasattr(obj, "get_config"):
        return _class_record(obj)
    raise TypeError(
        f"Cannot serialize {obj!r} of type {type(obj).__name__}: it is not a "
        "plain value, array or tensor and has no `get_config()` method. "
        "Give its class a `get_config()` returning its constructor arguments."
    )


def _lambda_record(function):
    """Keras's record of a Python lambda: its bytecode, defaults, closure."""
    closure = function.__closure__
    return {
        "class_name": "__lambda__",
        "config": {
            "code": base64.encodebytes(marshal.dumps(function.__code__)).decode(
                "ascii"
            ),
            "defaults": function.__defaults__,
            "closure": (
                None if closure is None else tuple(c.cell_contents for c in closure)
            ),
        },
    }


def load_lambda(config, custom_objects=None):
    """Rebuilds a lambda from its record (only call this outside safe mode).

    Its globals are the builtins, registered objects, the active custom
    object scope and `custom_objects`: what the config may refer to.
    """
    code = marshal.loads(base64.decodebytes(config["code"].encode("ascii")))
    namespace = {"__builtins__": builtins}
    namespace.update(object_registration.get_custom_objects())
    namespace.update(global_state.get_global_attribute("custom_objects_scope") or {})
    namespace.update(custom_objects or {})
    defaults = config.get("defaults")
    closure = config.get("closure")
    if closure is not None:
        closure = tuple(types.CellType(value) for value in closure)
    return types.FunctionType(
        code, namespace, None, None if defaults is None else tuple(defaults), closure
    )


def _array_record(class_name, array):
    array = np.asarray(array)
    return {
        "class_name": class_name,
        "config": {"value": array.tolist(), "dtype": str(array.dtype)},
    }


def _function_name(function):
    registered = object_registration._REGISTERED_NAMES.get(function)
    if registered is not None:
        return registered
    location = api_export.public_location(function)
    return location[1] if location else function.__name__


def _class_record(obj):
    cls = type(obj)
    try:
        config = obj.get_config()
    except NotImplementedError as error:
        raise NotImplementedError(
            f"Cannot serialize {cls.__name__} object {obj!r}: its "
            "`get_config()` is not implemented. Override `get_config()` to "
            "return the arguments of its constructor."
        ) from error
    if hasattr(obj, "definition") and type(obj).__name__ == "OpCall":
        from keras_core._src.ops import op_definition

        module, class_name = op_definition.op_location(obj)
        return {
            "module": module,
            "class_name": class_name,
            "config": serialize_keras_object(config),
            "registered_name": class_name,
        }
    location = api_export.public_location(cls)
    registered = object_registration._REGISTERED_NAMES.get(cls)
    if registered is not None:
        module, registered_name = None, registered
    elif location is not None:
        module, registered_name = location[0], None
        if module.startswith("keras.src."):
            # Keras names classes outside its public API by registered name.
            registered_name = location[1]
    else:
        module, registered_name = cls.__module__, cls.__name__
    record = {
        "module": module,
        "class_name": location[1] if location and not registered else cls.__name__,
        "config": serialize_keras_object(config),
        "registered_name": registered_name,
    }
    build_config = getattr(obj, "get_build_config", None)
    if build_config is not None:
        build_config = build_config()
        if build_config is not None:
            record["build_config"] = serialize_keras_object(build_config)
    compile_config = getattr(obj, "get_compile_config", None)
    if compile_config is not None:
        compile_config = compile_config()
        if compile_config is not None:
            record["compile_config"] = serialize_keras_object(compile_config)
    return record


def deserialize_keras_object(config, custom_objects=None, safe_mode=True, **kwargs):
    """Rebuilds an object from a config made by `serialize_keras_object`.

    Args:
        config: The config (dict, list or plain value).
        custom_objects: A dict of name -> class or function for objects
            that are neither public keras_core objects nor registered.
        safe_mode: Whether to refuse configs holding Python bytecode
            (serialized lambdas). An enclosing `SafeModeScope` wins.
        **kwargs: `module_objects` (a dict of name -> object searched for
            plain names, such as `"relu"`) and `printable_module_name`
            (used in errors).

    Returns:
        The object.

    Example:

    >>> deserialize_keras_object({"module": "keras.initializers",
    ...     "class_name": "Zeros", "config": {}, "registered_name": None})
    <keras_core.initializers.Zeros ...>
    """
    unknown = set(kwargs) - {"module_objects", "printable_module_name"}
    if unknown:
        raise TypeError(
            f"deserialize_keras_object got unexpected arguments: {sorted(unknown)}"
        )
    module_objects = kwargs.get("module_objects")
    printable = kwargs.get("printable_module_name", "object")
    scoped_safe_mode = in_safe_mode()
    safe_mode = scoped_safe_mode if scoped_safe_mode is not None else safe_mode

    def recurse(item):
        return deserialize_keras_object(
            item, custom_objects, safe_mode, module_objects=module_objects
        )

    if config is None or isinstance(config, (bool, int, float)):
        return config
    if isinstance(config, str):
        if module_objects is None:
            return config
        found = object_registration.get_registered_object(
            config, custom_objects, module_objects
        )
        if found is None:
            raise ValueError(
                f"Unknown {printable}: {config!r}. Pass the object in "
                "`custom_objects`, or register it with "
                "`@keras_core.saving.register_keras_serializable()`."
            )
        return found
    if isinstance(config, (list, tuple)):
        return type(config)(recurse(item) for item in config)
    if not isinstance(config, dict):
        raise TypeError(
            f"Cannot deserialize {config!r} of type {type(config).__name__}: "
            "expected a dict, list or plain value."
        )
    if "class_name" not in config or "config" not in config:
        return {key: recurse(value) for key, value in config.items()}

    class_name = config["class_name"]
    inner = config["config"]
    special = _read_special_record(
        class_name, inner, safe_mode, recurse, custom_objects
    )
    if special is not _NOT_SPECIAL:
        return special
    if class_name == "function":
        return _resolve(
            inner, None, None, custom_objects, module_objects, printable, config
        )
    cls = _resolve(
        class_name,
        config.get("module"),
        config.get("registered_name"),
        custom_objects,
        module_objects,
        printable,
        config,
    )
    if not hasattr(cls, "from_config"):
        raise TypeError(
            f"{class_name} has no `from_config` class method, so it cannot be "
            f"rebuilt from its config: {config}"
        )
    with (
        object_registration.CustomObjectScope(custom_objects),
        SafeModeScope(safe_mode),
    ):
        try:
            instance = cls.from_config(inner)
        except TypeError as error:
            raise TypeError(
                f"{class_name} could not be deserialized properly: its "
                "`from_config()` failed on the saved config. Make sure its "
                "`get_config()` returns every argument `__init__` needs, and "
                f"that they can be rebuilt.\nconfig={inner}\n\nError: {error}"
            ) from error
        if (
            config.get("build_config")
            and hasattr(instance, "build_from_config")
            and not getattr(instance, "built", False)
        ):
            instance.build_from_config(config["build_config"])
        if config.get("compile_config") and hasattr(instance, "compile_from_config"):
            instance.compile_from_config(config["compile_config"])
    return instance


_NOT_SPECIAL = object()


def _read_special_record(class_name, inner, safe_mode, recurse, custom_objects):
    if class_name == "__numpy__":
        return np.array(inner["value"], dtype=inner["dtype"])
    if class_name == "__tensor__":
        value = np.array(inner["value"], dtype=inner["dtype"])
        return backend.core.convert_to_tensor(value, dtype=inner["dtype"])
    if class_name == "__bytes__":
        return inner["value"].encode("utf-8")
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name == "__slice__":
        return slice(
            recurse(inner["start"]), recurse(inner["stop"]), recurse(inner["step"])
        )
    if class_name == "__lambda__":
        if safe_mode:
            raise ValueError(
                "Refusing to load a Python lambda from a config in safe mode: "
                "loading one runs bytecode stored in the file, which can do "
                "anything. If you trust the source of this file, pass "
                "`safe_mode=False` to the loading function."
            )
        return load_lambda(inner, custom_objects)
    return _NOT_SPECIAL


def _resolve(
    name, module, registered_name, custom_objects, module_objects, printable, config
):
    found = None
    if registered_name and registered_name != "function":
        found = object_registration.get_registered_object(
            registered_name, custom_objects, module_objects
        )
    if found is None and module is not None:
        found = api_export.public_object(module, name)
    if found is None and module is not None and module.startswith("keras.src.ops"):
        from keras_core._src.ops import op_definition

        found = op_definition.op_factory(module, name)
    if found is None:
        found = object_registration.get_registered_object(
            name, custom_objects, module_objects
        )
    if found is None:
        raise TypeError(
            f"Could not locate {printable} {name!r}. Only public keras_core "
            "objects, objects registered with "
            "`@keras_core.saving.register_keras_serializable()` and objects "
            f"passed in `custom_objects` can be loaded. Full config: {config}"
        )
    return found
