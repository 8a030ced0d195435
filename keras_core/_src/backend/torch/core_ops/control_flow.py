"""Control flow on torch: Python branches and loops (torch.compile traces
or breaks the graph around them); `vectorized_map` uses `torch.vmap`.

The frontend (keras_core/_src/ops/core/control_flow.py) hands `while_loop`
its state as a tuple with `cond(*state)` and `body(*state) -> tuple`.
"""

import torch

from keras_core._src.tree import tree_api


def cond(pred, true_fn, false_fn):
    return true_fn() if bool(pred) else false_fn()


def switch(index, branches, *operands):
    index = min(max(int(index), 0), len(branches) - 1)
    return branches[index](*operands)


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    state = tuple(loop_vars)
    count = 0
    while (maximum_iterations is None or count < maximum_iterations) and bool(
        cond(*state)
    ):
        state = tuple(body(*state))
        count += 1
    return state


def fori_loop(lower, upper, body_fun, init_val):
    value = init_val
    for index in range(int(lower), int(upper)):
        value = body_fun(index, value)
    return value


def _stack(outputs):
    """Per-step output structures stacked leafwise along a new first axis."""
    if not outputs:
        return None
    return tree_api.map_structure(
        lambda *leaves: None if leaves[0] is None else torch.stack(leaves), *outputs
    )


def _slices(xs, steps):
    if xs is None:
        return [None] * steps
    return [tree_api.map_structure(lambda x, i=i: x[i], xs) for i in range(steps)]


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    steps = range(length)
    slices = _slices(xs, length)
    carry = init
    ys = [None] * length
    for index in reversed(steps) if reverse else steps:
        carry, ys[index] = f(carry, slices[index])
    return carry, _stack(ys)


def associative_scan(f, elems, reverse=False, axis=0):
    size = tree_api.flatten(elems)[0].shape[axis]
    if reverse:
        elems = tree_api.map_structure(lambda x: torch.flip(x, (axis,)), elems)

    def piece(index):
        return tree_api.map_structure(lambda x: x.narrow(axis, index, 1), elems)

    running = piece(0)
    results = [running]
    for index in range(1, size):
        running = f(running, piece(index))
        results.append(running)
    output = tree_api.map_structure(lambda *parts: torch.cat(parts, dim=axis), *results)
    if reverse:
        output = tree_api.map_structure(lambda x: torch.flip(x, (axis,)), output)
    return output


def map(f, xs):
    steps = tree_api.flatten(xs)[0].shape[0]
    return _stack([f(x) for x in _slices(xs, steps)])


def vectorized_map(function, elements):
    return torch.vmap(function)(elements)
