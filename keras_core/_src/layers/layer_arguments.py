"""How a layer reads its arguments: shapes, call bindings, legacy options."""

import inspect


def join_path(parent, name):
    return f"{parent}/{name}" if parent else name


def legacy_input_shape(kwargs):
    if "batch_input_shape" in kwargs:
        return tuple(kwargs["batch_input_shape"])
    if "input_shape" in kwargs:
        return (kwargs.get("batch_size"), *kwargs["input_shape"])
    if "input_dim" in kwargs:
        return (kwargs.get("batch_size"), kwargs["input_dim"])
    return None


def shape_structure(value):
    if value is None:
        return None
    if hasattr(value, "shape") and not isinstance(value, (list, tuple, dict)):
        return tuple(None if d is None else int(d) for d in value.shape)
    if isinstance(value, dict):
        return {key: shape_structure(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, (int, type(None))) for v in value):
            return tuple(value)
        return type(value)(shape_structure(item) for item in value)
    return None


def bind_call(layer, args, kwargs):
    try:
        bound = inspect.signature(layer.call).bind(*args, **kwargs)
    except TypeError:
        return dict(kwargs)
    return bound.arguments


def describe_arguments(args, kwargs):
    def describe(value):
        if hasattr(value, "shape") and hasattr(value, "dtype"):
            kind = type(value).__name__
            return f"{kind}(shape={tuple(value.shape)}, dtype={value.dtype})"
        return repr(value)[:80]

    parts = [describe(v) for v in args]
    parts += [f"{key}={describe(v)}" for key, v in kwargs.items()]
    return f"({', '.join(parts)})"
