"""Lists and dicts that tell their owning layer what is put in them.

A layer finds its sub-layers, variables, metrics and seed generators in its
attributes, including inside lists and dicts (`self.blocks = [Dense(8)]`,
later `self.blocks.append(...)`). Assigned lists and dicts are replaced by
these subclasses, which report additions and removals to the owner; they
are still `list` and `dict` instances, and `keras_core.tree` treats them as
lists and dicts.
"""

import optree

from keras_core._src.tree.tree_api import TREE_NAMESPACE


class TrackedList(list):
    """A list reporting added and removed items to `owner`."""

    def __init__(self, values=(), owner=None):
        self._owner = owner
        super().__init__(owner._track_value(v) for v in values)

    def append(self, value):
        super().append(self._owner._track_value(value))

    def insert(self, index, value):
        super().insert(index, self._owner._track_value(value))

    def extend(self, values):
        super().extend(self._owner._track_value(v) for v in values)

    def __iadd__(self, values):
        self.extend(values)
        return self

    def __setitem__(self, index, value):
        removed = self[index]
        if isinstance(index, slice):
            for item in removed:
                self._owner._untrack_value(item)
            value = [self._owner._track_value(v) for v in value]
        else:
            self._owner._untrack_value(removed)
            value = self._owner._track_value(value)
        super().__setitem__(index, value)

    def __delitem__(self, index):
        removed = self[index]
        for item in removed if isinstance(index, slice) else [removed]:
            self._owner._untrack_value(item)
        super().__delitem__(index)

    def pop(self, index=-1):
        value = super().pop(index)
        self._owner._untrack_value(value)
        return value

    def remove(self, value):
        super().remove(value)
        self._owner._untrack_value(value)

    def clear(self):
        for item in self:
            self._owner._untrack_value(item)
        super().clear()


class TrackedDict(dict):
    """A dict reporting added and removed values to `owner`."""

    def __init__(self, values=None, owner=None):
        self._owner = owner
        super().__init__(
            (key, owner._track_value(v)) for key, v in dict(values or {}).items()
        )

    def __setitem__(self, key, value):
        if key in self:
            self._owner._untrack_value(self[key])
        super().__setitem__(key, self._owner._track_value(value))

    def __delitem__(self, key):
        self._owner._untrack_value(self[key])
        super().__delitem__(key)

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        if key in self:
            self._owner._untrack_value(self[key])
        return super().pop(key, *default)

    def popitem(self):
        key, value = super().popitem()
        self._owner._untrack_value(value)
        return key, value

    def clear(self):
        for value in self.values():
            self._owner._untrack_value(value)
        super().clear()


def _flatten_tracked_dict(value):
    keys = sorted(value)
    return [dict.__getitem__(value, key) for key in keys], keys, keys


optree.register_pytree_node(
    TrackedList,
    lambda value: (list(value), None, None),
    lambda _, children: list(children),
    namespace=TREE_NAMESPACE,
)
optree.register_pytree_node(
    TrackedDict,
    _flatten_tracked_dict,
    lambda keys, children: dict(zip(keys, children, strict=True)),
    namespace=TREE_NAMESPACE,
)
