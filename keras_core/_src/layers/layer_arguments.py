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


class CallInfo:
    """Facts about a layer class's `call` signature, computed once per class."""

    def __init__(self, layer_class):
        signature = inspect.signature(layer_class.call)
        parameters = list(signature.parameters.values())[1:]
        names = [p.name for p in parameters]
        self.parameter_names = names
        self.accepts_training = "training" in names
        self.accepts_mask = "mask" in names
        self.training_index = (
            names.index("training")
            if self.accepts_training
            and signature.parameters["training"].kind
            in (inspect.Parameter.POSITIONAL_OR_KEYWORD,)
            else None
        )
        default = (
            signature.parameters["training"].default if self.accepts_training else None
        )
        self.training_default = None if default is inspect.Parameter.empty else default
        self.first_argument = names[0] if names else None
        kinds = [p.kind for p in parameters]
        positional_kinds = (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        )
        self.takes_var_positional = inspect.Parameter.VAR_POSITIONAL in kinds
        self.positional_names = [
            p.name for p in parameters if p.kind in positional_kinds
        ]
        self.required_names = [
            p.name
            for p in parameters
            if p.kind in positional_kinds and p.default is inspect.Parameter.empty
        ]

    def check_arguments(self, layer, args, kwargs):
        """Raises a clear TypeError when a call's arguments cannot bind."""
        if not self.takes_var_positional and len(args) > len(self.positional_names):
            raise TypeError(
                f"Layer '{layer.name}' ({type(layer).__name__}) was called with "
                f"{len(args)} positional inputs, but its call() takes at most "
                f"{len(self.positional_names)} ({', '.join(self.positional_names)})."
                " To pass several tensors as one input, put them in a list: "
                "`layer([a, b])`."
            )
        missing = [
            name
            for index, name in enumerate(self.required_names)
            if index >= len(args) and name not in kwargs
        ]
        if missing:
            raise TypeError(
                f"Layer '{layer.name}' ({type(layer).__name__}) is missing "
                f"required call arguments: {missing}. Its call() signature is "
                f"({', '.join(self.parameter_names)})."
            )
