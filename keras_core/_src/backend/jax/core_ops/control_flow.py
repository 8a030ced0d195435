"""Control flow on JAX: `lax` primitives, so it all traces under `jax.jit`.

The frontend (keras_core/_src/ops/core/control_flow.py) hands `while_loop`
its state as a tuple with `cond(*state)` and `body(*state) -> tuple`.
`while_loop` without a static `maximum_iterations` is `lax.while_loop`,
which is not reverse-mode differentiable (forward mode works); with one,
and `scan`, `fori_loop` with static bounds, `cond` and `switch`, it is.
"""

import jax
import jax.numpy as jnp
from jax import lax


def cond(pred, true_fn, false_fn):
    return lax.cond(jnp.asarray(pred).astype(bool), true_fn, false_fn)


def switch(index, branches, *operands):
    # lax.switch clamps the index into range itself.
    return lax.switch(jnp.asarray(index).astype("int32"), branches, *operands)


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    if not isinstance(maximum_iterations, int):
        if maximum_iterations is not None:
            return _counted_while_loop(cond, body, loop_vars, maximum_iterations)
        return lax.while_loop(
            lambda state: cond(*state), lambda state: tuple(body(*state)), loop_vars
        )

    # A static bound: a scan of that many steps, each running `body` only
    # while `cond` holds. Unlike lax.while_loop this is reverse-mode
    # differentiable (gradients through loops with a bound, as TensorFlow
    # gives them); steps after `cond` fails only pass the state through.
    def step(carry, _):
        running, state = carry
        running = jnp.logical_and(running, cond(*state))
        state = lax.cond(
            running, lambda values: tuple(body(*values)), lambda values: values, state
        )
        return (running, state), None

    (_, state), _ = lax.scan(
        step, (jnp.asarray(True), tuple(loop_vars)), None, length=maximum_iterations
    )
    return state


def _counted_while_loop(cond, body, loop_vars, maximum_iterations):
    def bounded_cond(counted):
        count, state = counted
        return jnp.logical_and(count < maximum_iterations, cond(*state))

    def bounded_body(counted):
        count, state = counted
        return count + 1, tuple(body(*state))

    _, state = lax.while_loop(bounded_cond, bounded_body, (0, tuple(loop_vars)))
    return state


def fori_loop(lower, upper, body_fun, init_val):
    return lax.fori_loop(lower, upper, body_fun, init_val)


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    return lax.scan(f, init, xs, length=length, reverse=reverse, unroll=unroll)


def associative_scan(f, elems, reverse=False, axis=0):
    return lax.associative_scan(f, elems, reverse=reverse, axis=axis)


def map(f, xs):
    return lax.map(f, xs)


def vectorized_map(function, elements):
    return jax.vmap(function)(elements)
