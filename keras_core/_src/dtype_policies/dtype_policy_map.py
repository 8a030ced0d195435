"""`DTypePolicyMap`: a dtype policy per layer path, for mixed quantization."""

import re
from collections.abc import MutableMapping

from keras_core._src.api_export import keras_public
from keras_core._src.dtype_policies.dtype_policy import DTypePolicy
from keras_core._src.dtype_policies.serialization import get
from keras_core._src.dtype_policies.serialization import register_policy_class
from keras_core._src.saving import serialization_lib

__all__ = ["DTypePolicyMap"]


@register_policy_class
@keras_public("keras.dtype_policies")
class DTypePolicyMap(DTypePolicy, MutableMapping):
    """A dict from layer paths to dtype policies, with a default policy.

    Keys are layer paths such as `"decoder/dense"`. A lookup returns the
    policy of the key equal to the path; otherwise the one key that matches
    the whole path as a regular expression (`"decoder_.*/dense"`); otherwise
    `default_policy`. A path matched by several keys is an error. The map
    itself behaves as its default policy (`compute_dtype`, ...).

    Args:
        default_policy: The policy of paths no key matches: anything
            `keras_core.dtype_policies.get` accepts. None takes the global
            policy.
        policy_map: An optional dict from paths (or regular expressions over
            paths) to policies or policy names.

    Example:

    >>> policy_map = keras_core.dtype_policies.DTypePolicyMap(
    ...     "float32", {"decoder_.*/dense": "int8_from_float32"})
    >>> policy_map["decoder_1/dense"]
    <QuantizedDTypePolicy "int8_from_float32">
    >>> policy_map["encoder/dense"]
    <DTypePolicy "float32">
    """

    # A mutable mapping cannot keep a stable hash.
    __hash__ = None

    def __init__(self, default_policy=None, policy_map=None):
        if isinstance(default_policy, DTypePolicyMap):
            raise ValueError(
                "`default_policy` cannot be a `DTypePolicyMap`. Pass the "
                "policy of unmatched paths, such as 'float32'. Received: "
                f"default_policy={default_policy!r}"
            )
        if policy_map is not None and not isinstance(policy_map, dict):
            raise TypeError(
                "If specified, `policy_map` must be a dict. Received: "
                f"policy_map={policy_map} of type {type(policy_map)}"
            )
        self._default_policy_argument = default_policy
        self._default_policy = get(default_policy)
        self._policy_map = {}
        for path, policy in (policy_map or {}).items():
            self[path] = policy

    @property
    def default_policy(self):
        """The policy of paths that no key matches."""
        return self._default_policy

    @property
    def name(self):
        """`"map_"` followed by the default policy's name."""
        return f"map_{self._default_policy.name}"

    @property
    def compute_dtype(self):
        """The default policy's compute dtype."""
        return self._default_policy.compute_dtype

    @property
    def variable_dtype(self):
        """The default policy's variable dtype."""
        return self._default_policy.variable_dtype

    @property
    def quantization_mode(self):
        """The default policy's quantization mode."""
        return self._default_policy.quantization_mode

    def __getitem__(self, path):
        if path in self._policy_map:
            return self._policy_map[path]
        matches = [key for key in self._policy_map if re.fullmatch(key, path)]
        if len(matches) > 1:
            raise ValueError(
                f"Path '{path}' matches multiple dtype policy specification "
                f"keys: {matches}. Please make sure each path only matches at "
                "most one dtype policy specification key in the DTypePolicyMap."
            )
        if matches:
            return self._policy_map[matches[0]]
        return self._default_policy

    def __setitem__(self, path, policy):
        if not isinstance(path, str):
            raise TypeError(
                "DTypePolicyMap keys must be layer paths (strings), such as "
                f"'decoder/dense'. Received: {path!r} of type {type(path)}"
            )
        if path in self._policy_map:
            raise ValueError(
                f"{path} already exist in the DTypePolicyMap with value "
                f"{self._policy_map[path]}. Please make sure to not use "
                "duplicated keys."
            )
        try:
            re.compile(path)
        except re.error as error:
            raise ValueError(
                f"DTypePolicyMap keys are matched as regular expressions, but "
                f"'{path}' is not a valid one ({error}). Escape special "
                "characters with `re.escape`."
            ) from None
        try:
            policy = get(policy)
        except (ValueError, TypeError):
            raise ValueError(
                "Cannot interpret the assigned value by "
                f"`keras.dtype_policies.get`. Received: {policy} of type "
                f"{type(policy)}"
            ) from None
        self._policy_map[path] = policy

    def __delitem__(self, path):
        del self._policy_map[path]

    def __contains__(self, path):
        # Membership is about keys; a lookup never fails (it falls back to
        # the default policy), so Mapping's default would say yes to all.
        return path in self._policy_map

    def __iter__(self):
        return iter(self._policy_map)

    def __len__(self):
        return len(self._policy_map)

    def get_config(self):
        """The constructor arguments, each policy serialized."""
        default = self._default_policy_argument
        if isinstance(default, DTypePolicy):
            default = serialization_lib.serialize_keras_object(default)
        return {
            "default_policy": default,
            "policy_map": {
                path: serialization_lib.serialize_keras_object(policy)
                for path, policy in self._policy_map.items()
            },
        }

    def __repr__(self):
        mapping = [(path, policy.name) for path, policy in self._policy_map.items()]
        return (
            f"<DTypePolicyMap at {hex(id(self))} "
            f"default_policy={self._default_policy.name}, mapping={mapping}>"
        )
