"""Constructor arguments as a config, for layers without `get_config`."""

import inspect

_PLAIN_TYPES = (type(None), bool, int, float, str)


def _plain_value(value):
    if isinstance(value, _PLAIN_TYPES):
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain_value(item) for item in value)
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and _plain_value(item) for key, item in value.items()
        )
    return False


def capture_init_arguments(cls, args, kwargs):
    """The constructor arguments, when all are plain values; else None.

    They are a layer's config when its class does not define `get_config`.
    """
    try:
        signature = inspect.signature(cls.__init__)
        bound = signature.bind(None, *args, **kwargs)
    except TypeError:
        return None
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    arguments.pop(next(iter(arguments)))
    config = {}
    for name, value in arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            config.update(value)
        elif kind is inspect.Parameter.VAR_POSITIONAL:
            if value:
                return None
        else:
            config[name] = value
    return config if _plain_value(config) else None
