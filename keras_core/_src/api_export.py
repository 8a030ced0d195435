"""Public Keras paths of keras_core objects, for serialization.

Configs name classes by their Keras public path (`"module":
"keras.layers", "class_name": "Dense"`), so a file moves between keras_core
and Keras 3. Each serializable public class or function says where it lives
with `@keras_public("keras.layers")`; the first module given is the one
written to configs, every one given is accepted when reading them.
"""

_CANONICAL_MODULE = {}
_OBJECTS_BY_PATH = {}


def keras_public(*modules, name=None):
    """Records the Keras public modules (and name) of a class or function.

    Args:
        *modules: Keras module paths such as `"keras.layers"`; the first is
            the one configs name.
        name: The public name, if not the object's `__name__`.

    Returns:
        A decorator returning the object unchanged.
    """
    if not modules:
        raise ValueError("keras_public needs at least one module path.")

    def decorate(obj):
        public_name = name or obj.__name__
        _CANONICAL_MODULE[obj] = (modules[0], public_name)
        for module in modules:
            _OBJECTS_BY_PATH[(module, public_name)] = obj
        return obj

    return decorate


def public_location(obj):
    """`(module, name)` of a public object, or None when it is not public."""
    try:
        return _CANONICAL_MODULE.get(obj)
    except TypeError:  # unhashable
        return None


def public_object(module, name):
    """The public object at `module.name` (a Keras path), or None."""
    return _OBJECTS_BY_PATH.get((module, name))
