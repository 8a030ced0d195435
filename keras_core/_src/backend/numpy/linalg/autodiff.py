"""The numpy backend table: forward-mode derivatives, which it lacks.

See keras_core/_src/ops/linalg/solvers.py for `jvp`.
"""


def jvp(fun, primals, tangents, has_aux=False):
    raise NotImplementedError(
        "Op `jvp` needs derivatives, and the numpy backend is inference "
        "only: use the jax, torch or tensorflow backend."
    )
