"""The jax backend table: forward-mode derivatives.

See keras_core/_src/ops/linalg/autodiff.py for `jvp`.
"""

import jax
import jax.numpy as jnp


def jvp(fun, primals, tangents, has_aux=False):
    primals = jax.tree_util.tree_map(jnp.asarray, tuple(primals))
    # jax requires each tangent to have its primal's dtype.
    tangents = jax.tree_util.tree_map(
        lambda t, p: jnp.asarray(t, dtype=p.dtype), tuple(tangents), primals
    )
    return jax.jvp(fun, primals, tangents, has_aux=has_aux)
