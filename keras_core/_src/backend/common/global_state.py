"""Per-thread global attributes, unique-name counters and `clear_session`.

Scopes (name, stateless, symbolic, autocast) and session-wide settings keep
their state here so that `clear_session` can reset everything in one place.
"""

import collections
import gc
import threading

_STATE = threading.local()


def get_global_attribute(name, default=None, set_to_default=False):
    """Returns a per-thread attribute, optionally storing `default` first."""
    # The thread's own dict: `getattr(_STATE, name, None)` raises and catches
    # an AttributeError for every unset name, which costs ~1 µs per lookup
    # on the eager op path.
    value = _STATE.__dict__.get(name)
    if value is None and default is not None:
        value = default
        if set_to_default:
            setattr(_STATE, name, value)
    return value


def set_global_attribute(name, value):
    setattr(_STATE, name, value)


# How many StatelessScopes and AutocastScopes are open, in all threads
# together. While none is, `Variable.value` reads its own value without
# looking a scope up; the count is only ever an over-estimate (a scope left
# open by `clear_session` keeps it up), which costs speed, never correctness.
open_value_scopes = 0
_open_value_scopes_lock = threading.Lock()


def count_value_scope(change):
    """Adds `change` (1 on entering, -1 on leaving) to `open_value_scopes`."""
    global open_value_scopes
    with _open_value_scopes_lock:
        open_value_scopes += change


def get_uid(prefix=""):
    """Returns a unique integer for `prefix`, counting from 1.

    Layer and variable names are made unique with it (`dense`, `dense_1`, ...).

    Args:
        prefix: The name the counter belongs to.

    Returns:
        The next integer for this prefix: 1 on the first call, then 2, ...

    Example:

    >>> keras_core.backend.get_uid("dense")
    1
    >>> keras_core.backend.get_uid("dense")
    2
    """
    counters = get_global_attribute(
        "uid_counters", collections.defaultdict(int), set_to_default=True
    )
    counters[prefix] += 1
    return counters[prefix]


def unique_name(prefix):
    """Returns `prefix`, then `prefix_1`, `prefix_2`, ... on later calls."""
    uid = get_uid(prefix)
    return prefix if uid == 1 else f"{prefix}_{uid - 1}"


_clear_session_hooks = []


def register_clear_session_hook(hook):
    """Registers `hook(free_memory)` to run on `clear_session` (used by backends)."""
    _clear_session_hooks.append(hook)


def clear_session(free_memory=True):
    """Resets all state kept by keras_core.

    Name counters restart (the next `Dense` layer is called `dense` again),
    scopes are dropped and the backend releases what it caches.

    Args:
        free_memory: Whether to run the garbage collector and ask the backend
            to release memory it holds (compiled functions, device buffers).
            Costs some time; pass `False` when calling this in a tight loop.

    Example:

    >>> keras_core.backend.get_uid("dense")
    1
    >>> keras_core.backend.clear_session()
    >>> keras_core.backend.get_uid("dense")
    1
    """
    global _STATE
    _STATE = threading.local()
    for hook in _clear_session_hooks:
        hook(free_memory)
    if free_memory:
        gc.collect()
