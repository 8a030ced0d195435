"""`DTypePolicy`: the compute and variable dtypes of a layer, and the global one."""

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor

__all__ = ["DTypePolicy", "FloatDTypePolicy", "dtype_policy", "set_dtype_policy"]

_MIXED_POLICIES = {"mixed_float16": "float16", "mixed_bfloat16": "bfloat16"}


# The inner decorator only adds the `keras.mixed_precision.Policy` alias;
# the outer one runs last, so its first module is the one configs name.
@keras_public("keras", "keras.dtype_policies", "keras.mixed_precision")
@keras_public("keras.mixed_precision", name="Policy")
class DTypePolicy:
    """The dtypes a layer computes in and keeps its variables in.

    A policy named after a dtype (`"float32"`, `"float16"`, ...) uses it for
    both. `"mixed_float16"` and `"mixed_bfloat16"` compute in half precision
    but keep float32 variables, which keeps training stable while running
    faster on hardware with fast half-precision math.

    Args:
        name: `"mixed_float16"`, `"mixed_bfloat16"` or a dtype name. None
            takes the global policy's name (`keras_core.config.dtype_policy()`).

    Example:

    >>> policy = keras_core.DTypePolicy("mixed_float16")
    >>> policy.compute_dtype, policy.variable_dtype
    ('float16', 'float32')
    """

    def __init__(self, name=None):
        if name is None:
            name = dtype_policy().name
        _check_name_is_string(name)
        self._name = name
        self._compute_dtype, self._variable_dtype = self._parse_name(name)

    @staticmethod
    def _parse_name(name):
        """`(compute_dtype, variable_dtype)` of a float policy name."""
        if name in _MIXED_POLICIES:
            return _MIXED_POLICIES[name], "float32"
        try:
            dtype = standardize_dtype(name)
        except ValueError:
            raise ValueError(
                f"Cannot convert '{name}' to a mixed precision DTypePolicy. "
                "Valid policies include 'mixed_float16', 'mixed_bfloat16', and "
                "the name of any float dtype such as 'float32'."
            ) from None
        return dtype, dtype

    @property
    def name(self):
        """The name of the policy, such as `"mixed_float16"`."""
        return self._name

    @property
    def compute_dtype(self):
        """The dtype layer computations run in."""
        return self._compute_dtype

    @property
    def variable_dtype(self):
        """The dtype layer variables are stored in."""
        return self._variable_dtype

    @property
    def quantization_mode(self):
        """The quantization mode (`"int8"`, ...), or None for float policies."""
        return None

    def convert_input(self, x, autocast, dtype):
        """Casts a layer input `x` to `dtype` when that is what autocast means.

        Float tensors are cast to `dtype` when `autocast` is True; other
        tensors keep their dtype. Array-likes (NumPy arrays, lists) become
        tensors of `dtype` if they are float.

        Args:
            x: A tensor, `KerasTensor` or array-like.
            autocast: Whether float tensors are cast.
            dtype: The dtype to cast float inputs to.

        Returns:
            `x`, cast where needed.
        """
        dtype = standardize_dtype(dtype)
        if isinstance(x, KerasTensor):
            if autocast and is_float_dtype(x.dtype) and x.dtype != dtype:
                return KerasTensor(x.shape, dtype=dtype, sparse=x.sparse)
            return x
        if backend.core.is_tensor(x):
            if (
                autocast
                and is_float_dtype(x.dtype)
                and standardize_dtype(x.dtype) != dtype
            ):
                return backend.core.cast(x, dtype)
            return x
        if hasattr(x, "__array__") or isinstance(x, (list, tuple, float)):
            tensor = backend.core.convert_to_tensor(x)
            if is_float_dtype(tensor.dtype):
                return backend.core.cast(tensor, dtype)
            return tensor
        return x

    def get_config(self):
        """The constructor arguments: `{"name": ...}`."""
        return {"name": self._name}

    @classmethod
    def from_config(cls, config):
        """Rebuilds a policy from `get_config()`'s output."""
        return cls(**config)

    def _equality_class(self):
        # FloatDTypePolicy is a legacy alias: Keras compares it equal to the
        # DTypePolicy of the same name.
        return DTypePolicy if type(self) is FloatDTypePolicy else type(self)

    def __eq__(self, other):
        if not isinstance(other, DTypePolicy):
            return False
        return (
            self._equality_class() is other._equality_class()
            and self.get_config() == other.get_config()
        )

    def __hash__(self):
        return hash((self._equality_class().__name__, self.name))

    def __repr__(self):
        return f'<DTypePolicy "{self._name}">'


@keras_public("keras", "keras.dtype_policies")
class FloatDTypePolicy(DTypePolicy):
    """The float dtype policy; the same as `DTypePolicy` (kept for Keras 3 code).

    Args:
        name: `"mixed_float16"`, `"mixed_bfloat16"` or a dtype name. None
            takes the global policy's name.

    Example:

    >>> keras_core.FloatDTypePolicy("bfloat16").compute_dtype
    'bfloat16'
    """


def _check_name_is_string(name):
    if not isinstance(name, str):
        raise TypeError(
            "'name' must be a string, such as 'mixed_float16'. Received: "
            f"name={name} (of type {type(name)})"
        )


@keras_public("keras.config", "keras.mixed_precision")
def dtype_policy():
    """Returns the global dtype policy.

    It is `DTypePolicy(floatx())` unless set with `set_dtype_policy`.

    Returns:
        The global `DTypePolicy`.

    Example:

    >>> keras_core.config.dtype_policy()
    <DTypePolicy "float32">
    """
    policy = global_state.get_global_attribute("dtype_policy")
    if policy is None:
        policy = DTypePolicy(config.floatx())
        global_state.set_global_attribute("dtype_policy", policy)
    return policy


@keras_public("keras.config", "keras.mixed_precision")
def set_dtype_policy(policy):
    """Sets the global dtype policy, used by layers made afterwards.

    Args:
        policy: A `DTypePolicy`, or the name of one (`"mixed_float16"`,
            `"float32"`, `"int8_from_float32"`, ...).

    Example:

    >>> keras_core.config.set_dtype_policy("mixed_float16")
    >>> keras_core.config.dtype_policy().compute_dtype
    'float16'
    >>> keras_core.config.set_dtype_policy("float32")
    """
    if isinstance(policy, str):
        # Imported here: the parser of quantized names lives in a module that
        # itself builds on this one.
        from keras_core._src.dtype_policies.serialization import policy_from_name

        policy = policy_from_name(policy)
    elif not isinstance(policy, DTypePolicy):
        raise ValueError(
            "Invalid `policy` argument. Expected the string name of a policy "
            "(such as 'mixed_float16') or a `DTypePolicy` instance. Received: "
            f"policy={policy} (of type {type(policy)})"
        )
    global_state.set_global_attribute("dtype_policy", policy)
