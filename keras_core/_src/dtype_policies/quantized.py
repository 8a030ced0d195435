"""Quantized dtype policies: a float policy plus a quantization mode.

A quantized policy is named `"<mode>_from_<source_name>"`: the layer's
kernel is stored quantized (`mode`), and it computes in the dtypes of the
float policy `source_name` (such as `"float32"` or `"mixed_bfloat16"`).
"""

from keras_core._src.api_export import keras_public
from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.dtype_policy import _check_name_is_string
from keras_core._src.dtype_policies.dtype_policy import dtype_policy

__all__ = [
    "AWQDTypePolicy",
    "GPTQDTypePolicy",
    "Int4DTypePolicy",
    "QuantizedDTypePolicy",
    "QuantizedFloat8DTypePolicy",
]

QUANTIZATION_MODES = ("int8", "float8", "int4", "gptq", "awq")


@keras_public("keras.dtype_policies")
class QuantizedDTypePolicy(DTypePolicy):
    """A dtype policy whose layers store quantized weights.

    Args:
        mode: The quantization mode: one of `"int8"`, `"float8"`, `"int4"`,
            `"gptq"` or `"awq"`.
        source_name: The float policy the layer computes in, such as
            `"float32"` or `"mixed_bfloat16"`. None takes the global
            policy's name.

    Example:

    >>> policy = keras_core.dtype_policies.QuantizedDTypePolicy("int8", "float32")
    >>> policy.name, policy.quantization_mode, policy.compute_dtype
    ('int8_from_float32', 'int8', 'float32')
    """

    def __init__(self, mode, source_name=None):
        if source_name is None:
            source_name = dtype_policy().name
        self._check_mode(mode)
        _check_name_is_string(source_name)
        self._quantization_mode = mode
        self._source_name = source_name
        self._name = f"{mode}_from_{source_name}"
        self._compute_dtype, self._variable_dtype = self._parse_name(source_name)
        if mode == "int8" and self._compute_dtype == "float16":
            raise ValueError(
                f"Quantization mode='{mode}' doesn't work well with "
                f"compute_dtype='{self._compute_dtype}'. Use a float32 or "
                "bfloat16 source policy such as 'float32' or 'mixed_bfloat16'."
            )

    def _check_mode(self, mode):
        if mode not in QUANTIZATION_MODES:
            raise ValueError(
                "Invalid quantization mode. Expected one of "
                f"{QUANTIZATION_MODES}. Received: mode={mode}"
            )

    @property
    def quantization_mode(self):
        """The quantization mode, such as `"int8"`."""
        return self._quantization_mode

    def get_config(self):
        """The constructor arguments: `{"mode": ..., "source_name": ...}`."""
        return {"mode": self._quantization_mode, "source_name": self._source_name}

    def __repr__(self):
        return f'<{type(self).__name__} "{self._name}">'


@keras_public("keras.dtype_policies")
class QuantizedFloat8DTypePolicy(QuantizedDTypePolicy):
    """A float8-quantized dtype policy, with the length of its amax history.

    Float8 training scales each tensor by the largest absolute value seen
    over the last `amax_history_length` steps.

    Args:
        mode: The quantization mode, usually `"float8"`.
        source_name: The float policy the layer computes in. None takes the
            global policy's name.
        amax_history_length: How many steps of absolute maxima to keep.

    Example:

    >>> policy = keras_core.dtype_policies.QuantizedFloat8DTypePolicy(
    ...     "float8", "float32", amax_history_length=16)
    >>> policy.name, policy.amax_history_length
    ('float8_from_float32', 16)
    """

    default_amax_history_length = 1024

    def __init__(self, mode, source_name=None, amax_history_length=1024):
        super().__init__(mode=mode, source_name=source_name)
        if not isinstance(amax_history_length, int):
            raise TypeError(
                "`amax_history_length` must be an integer. Received: "
                f"amax_history_length={amax_history_length}"
            )
        self._amax_history_length = amax_history_length

    @property
    def amax_history_length(self):
        """How many steps of absolute maxima float8 scaling keeps."""
        return self._amax_history_length

    def get_config(self):
        """The constructor arguments, with `amax_history_length`."""
        config = super().get_config()
        config["amax_history_length"] = self._amax_history_length
        return config


def _split_mode(cls, mode, prefix, fields):
    """The integer fields of a mode such as `"gptq/4/128"`."""
    template = "/".join([prefix] + [f"<{field}>" for field in fields])
    parts = mode.split("/") if isinstance(mode, str) else [mode]
    if len(parts) != len(fields) + 1 or parts[0] != prefix:
        raise ValueError(
            f"Invalid mode for {cls.__name__}. Expected format '{template}', "
            f"but got '{mode}'."
        )
    try:
        return [int(part) for part in parts[1:]]
    except ValueError:
        names = " and ".join(f"<{field}>" for field in fields)
        verb = "must be integers" if len(fields) > 1 else "must be an integer"
        raise ValueError(
            f"Invalid mode for {cls.__name__}. {names} {verb}. Expected format "
            f"'{template}', but got '{mode}'."
        ) from None


@keras_public("keras.dtype_policies")
class Int4DTypePolicy(QuantizedDTypePolicy):
    """An int4-quantized dtype policy with a block size.

    Args:
        mode: `"int4/<block_size>"`: `-1` quantizes each output channel as a
            whole, a positive size quantizes blocks of that many inputs.
        source_name: The float policy the layer computes in. None takes the
            global policy's name.

    Example:

    >>> policy = keras_core.dtype_policies.Int4DTypePolicy("int4/128", "float32")
    >>> policy.name, policy.quantization_mode, policy.block_size
    ('int4/128_from_float32', 'int4', 128)
    """

    def __init__(self, mode, source_name=None):
        (block_size,) = _split_mode(type(self), mode, "int4", ["block_size"])
        if block_size != -1 and block_size <= 0:
            raise ValueError(
                "Invalid block_size in mode. Supported values are -1 "
                "(per-channel) or a positive integer (sub-channel), but got "
                f"{block_size} from '{mode}'."
            )
        self._block_size = block_size
        self._mode_string = mode
        super().__init__(mode="int4", source_name=source_name)
        self._name = f"{mode}_from_{self._source_name}"

    @property
    def block_size(self):
        """The quantization block size; -1 for whole output channels."""
        return self._block_size

    def get_config(self):
        """The constructor arguments: `{"mode": "int4/...", "source_name": ...}`."""
        return {"mode": self._mode_string, "source_name": self._source_name}


class _GroupedQuantizationPolicy(QuantizedDTypePolicy):
    """A policy whose mode is `"<method>/<weight_bits>/<group_size>"`."""

    _method = None
    _supported_bits = ()
    _bits_message = None
    _minus_one_means = None

    def __init__(self, mode, source_name=None):
        weight_bits, group_size = _split_mode(
            type(self), mode, self._method, ["weight_bits", "group_size"]
        )
        if weight_bits not in self._supported_bits:
            raise ValueError(
                f"Invalid weight_bits in mode. {self._bits_message}, but got "
                f"{weight_bits} from '{mode}'."
            )
        if group_size != -1 and group_size <= 0:
            raise ValueError(
                "Invalid group_size in mode. Supported values are -1 "
                f"({self._minus_one_means}) or a positive integer, but got "
                f"{group_size} from '{mode}'."
            )
        self._weight_bits = weight_bits
        self._group_size = group_size
        self._mode_string = mode
        super().__init__(mode=self._method, source_name=source_name)
        self._name = f"{mode}_from_{self._source_name}"

    @property
    def weight_bits(self):
        """How many bits each quantized weight has."""
        return self._weight_bits

    @property
    def group_size(self):
        """How many inputs share a scale; -1 for the whole tensor."""
        return self._group_size

    def get_config(self):
        """The constructor arguments: `{"mode": ..., "source_name": ...}`."""
        return {"mode": self._mode_string, "source_name": self._source_name}


@keras_public("keras.dtype_policies")
class GPTQDTypePolicy(_GroupedQuantizationPolicy):
    """A GPTQ-quantized dtype policy.

    Args:
        mode: `"gptq/<weight_bits>/<group_size>"`: 2, 3, 4 or 8 bits per
            weight; `group_size` inputs share a scale (-1: the whole tensor).
        source_name: The float policy the layer computes in. None takes the
            global policy's name.

    Example:

    >>> policy = keras_core.dtype_policies.GPTQDTypePolicy("gptq/4/128", "float32")
    >>> policy.quantization_mode, policy.weight_bits, policy.group_size
    ('gptq', 4, 128)
    """

    _method = "gptq"
    _supported_bits = (2, 3, 4, 8)
    _bits_message = "Supported values are 2, 3, 4, and 8"
    _minus_one_means = "whole-tensor"


@keras_public("keras.dtype_policies")
class AWQDTypePolicy(_GroupedQuantizationPolicy):
    """An AWQ (activation-aware) quantized dtype policy.

    Args:
        mode: `"awq/4/<group_size>"`: AWQ stores 4-bit weights; `group_size`
            inputs share a scale (-1: per output channel).
        source_name: The float policy the layer computes in. None takes the
            global policy's name.

    Example:

    >>> policy = keras_core.dtype_policies.AWQDTypePolicy("awq/4/128", "float32")
    >>> policy.name, policy.group_size
    ('awq/4/128_from_float32', 128)
    """

    _method = "awq"
    _supported_bits = (4,)
    _bits_message = "AWQ only supports 4-bit quantization"
    _minus_one_means = "per-channel"
