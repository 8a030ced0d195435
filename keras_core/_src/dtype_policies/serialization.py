"""`get`, `serialize` and `deserialize` for dtype policies."""

from keras_core._src.api_export import keras_public
from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.dtype_policy import FloatDTypePolicy
from keras_core._src.dtype_policies.dtype_policy import dtype_policy
from keras_core._src.dtype_policies.quantized import AWQDTypePolicy
from keras_core._src.dtype_policies.quantized import GPTQDTypePolicy
from keras_core._src.dtype_policies.quantized import Int4DTypePolicy
from keras_core._src.dtype_policies.quantized import QuantizedDTypePolicy
from keras_core._src.dtype_policies.quantized import QuantizedFloat8DTypePolicy
from keras_core._src.saving import serialization_lib

__all__ = ["deserialize", "get", "serialize"]

_SEPARATOR = "_from_"


def _quantized_class(mode):
    """The policy class of a quantization mode string, or None."""
    if mode.startswith("int4/"):
        return Int4DTypePolicy
    if mode == "gptq" or mode.startswith("gptq/"):
        return GPTQDTypePolicy
    if mode == "awq" or mode.startswith("awq/"):
        return AWQDTypePolicy
    if mode == "float8":
        return QuantizedFloat8DTypePolicy
    if mode in ("int8", "int4"):
        return QuantizedDTypePolicy
    return None


def policy_from_name(name):
    """The policy a name stands for: `"float32"`, `"int8_from_float32"`, ...

    Names holding `"_from_"` are `"<mode>_from_<source_name>"` quantized
    policies; every other name is a float policy name for `DTypePolicy`.
    """
    if _SEPARATOR not in name:
        return DTypePolicy(name)
    parts = name.split(_SEPARATOR)
    if len(parts) != 2:
        raise ValueError(
            "Cannot convert `policy` into a valid pair (`mode`, `source_name`) "
            "to instantiate `QuantizedDTypePolicy`. Expected a name such as "
            f"'int8_from_float32'. Received: policy={name}"
        )
    mode, source_name = parts
    cls = _quantized_class(mode)
    if cls is None:
        return DTypePolicy(name)
    return cls(mode, source_name)


_ALL_OBJECTS = {
    cls.__name__: cls
    for cls in (
        DTypePolicy,
        FloatDTypePolicy,
        QuantizedDTypePolicy,
        QuantizedFloat8DTypePolicy,
        Int4DTypePolicy,
        GPTQDTypePolicy,
        AWQDTypePolicy,
    )
}


def register_policy_class(cls):
    """Lets configs without a `"module"` name `cls` by its class name."""
    _ALL_OBJECTS[cls.__name__] = cls
    return cls


@keras_public("keras.dtype_policies")
def serialize(dtype_policy):
    """Returns the config of a dtype policy, which `deserialize` reads back.

    Args:
        dtype_policy: A `DTypePolicy` (strings and None are returned as they
            are).

    Returns:
        A dict with `"module"`, `"class_name"`, `"config"` and
        `"registered_name"`.

    Example:

    >>> config = keras_core.dtype_policies.serialize(
    ...     keras_core.DTypePolicy("float16"))
    >>> config["module"], config["class_name"], config["config"]
    ('keras', 'DTypePolicy', {'name': 'float16'})
    """
    return serialization_lib.serialize_keras_object(dtype_policy)


@keras_public("keras.dtype_policies")
def deserialize(config, custom_objects=None):
    """Rebuilds a dtype policy from its config.

    Args:
        config: A config made by `serialize`. A plain string is returned as
            it is (use `get` to turn a policy name into a policy).
        custom_objects: A dict of name -> class for custom policy classes.

    Returns:
        The policy.

    Example:

    >>> keras_core.dtype_policies.deserialize(
    ...     {"class_name": "DTypePolicy", "config": {"name": "float16"}})
    <DTypePolicy "float16">
    """
    if isinstance(config, str):
        return config
    return serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_ALL_OBJECTS,
        printable_module_name="dtype policy",
    )


@keras_public("keras.dtype_policies")
def get(identifier):
    """Returns a dtype policy from a name, config, instance or None.

    Args:
        identifier: None (the global policy), a policy name such as
            `"mixed_float16"` or `"int8_from_float32"`, a config dict made by
            `serialize`, or a `DTypePolicy` (returned as it is).

    Returns:
        A `DTypePolicy`.

    Example:

    >>> keras_core.dtype_policies.get("int8_from_float32")
    <QuantizedDTypePolicy "int8_from_float32">
    """
    if identifier is None:
        return dtype_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, str):
        return policy_from_name(identifier)
    if isinstance(identifier, dict):
        policy = deserialize(identifier) if "class_name" in identifier else None
        if not isinstance(policy, DTypePolicy):
            raise ValueError(
                f"Unknown `config` as a `dict`, config={identifier}. Expected "
                "a config made by `keras_core.dtype_policies.serialize`, with "
                "'class_name' and 'config' keys."
            )
        return policy
    raise ValueError(
        "Cannot interpret `dtype` argument. Expected a string or an instance "
        f"of DTypePolicy. Received: dtype={identifier}"
    )
