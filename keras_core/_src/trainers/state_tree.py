"""`get_state_tree` / `set_state_tree`: a model's state as nested dicts.

Each group (trainable, non-trainable, optimizer and metrics variables) is
a dict nested along the variables' paths (`"sequential/dense/kernel"` ->
`{"sequential": {"dense": {"kernel": value}}}`).
"""

import numpy as np

from keras_core._src import backend

_FORMATS = ("backend_tensor", "numpy_array")


def _groups(model):
    groups = {
        "trainable_variables": model.trainable_variables,
        "non_trainable_variables": model.non_trainable_variables,
    }
    if model.optimizer is not None:
        groups["optimizer_variables"] = model.optimizer.variables
    groups["metrics_variables"] = model.metrics_variables
    return groups


def get_state_tree(model, value_format="backend_tensor"):
    """The model's state as `{group: nested dict of values}`."""
    if value_format not in _FORMATS:
        raise ValueError(
            f"Invalid `value_format` argument. Expected one of {set(_FORMATS)}. "
            f"Received: value_format={value_format!r}"
        )
    tree = {}
    for group, variables in _groups(model).items():
        nested = {}
        for variable in variables:
            value = variable.value
            if value_format == "numpy_array":
                value = np.asarray(backend.core.convert_to_numpy(value))
            *parents, leaf = variable.path.split("/")
            node = nested
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        tree[group] = nested
    return tree


def set_state_tree(model, state_tree):
    """Assigns the values of a tree made by `get_state_tree`."""
    groups = _groups(model)
    for group, nested in state_tree.items():
        if group not in groups:
            raise ValueError(
                f"Unknown group {group!r} in the state tree of model "
                f"'{model.name}'. Expected groups: {sorted(groups)}."
            )
        for variable in groups[group]:
            node = nested
            for part in variable.path.split("/"):
                if not isinstance(node, dict) or part not in node:
                    node = None
                    break
                node = node[part]
            if node is not None:
                variable.assign(node)
