"""Forward-mode derivatives: `jvp`.

`jvp` takes a Python function, so it is a plain function dispatching to
the backend table (`jax.jvp`, `torch.func.jvp`, TensorFlow's
`ForwardAccumulator`) rather than a declared op. The numpy backend,
inference only, refuses it.
"""

from keras_core._src import backend
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.tree import tree_api

__all__ = ["jvp"]


def jvp(fun, primals, tangents, has_aux=False):
    """The value of `fun(*primals)` and its derivative along `tangents`.

    Args:
        fun: A function of `len(primals)` tensor arguments (or nested
            structures of tensors) returning tensors; with `has_aux`, a
            pair `(outputs, aux)`.
        primals: A tuple or list of the arguments of `fun`.
        tangents: A tuple or list of the same structure as `primals`: the
            direction of differentiation (cast to the primals' dtypes).
        has_aux: Whether `fun` returns an auxiliary value as well, which
            is passed through undifferentiated.

    Returns:
        `(outputs, derivatives)`, or `(outputs, derivatives, aux)` with
        `has_aux`: `derivatives` is the Jacobian of `fun` at `primals`
        times `tangents`, of the structure of `outputs`.

    Example:

    >>> keras_core.ops.jvp(lambda x: x * x, (3.0,), (1.0,))
    (Array(9., dtype=float32, weak_type=True), Array(6., dtype=float32, weak_type=True))
    """
    if not isinstance(primals, (tuple, list)) or not isinstance(
        tangents, (tuple, list)
    ):
        raise TypeError(
            "Op `jvp` expects `primals` and `tangents` to be tuples or lists "
            f"(one entry per argument of `fun`). Received: primals of type "
            f"{type(primals).__name__}, tangents of type "
            f"{type(tangents).__name__}."
        )
    if len(primals) != len(tangents):
        raise ValueError(
            "Op `jvp` expects one tangent per primal. Received: "
            f"{len(primals)} primals and {len(tangents)} tangents."
        )
    leaves = tree_api.flatten((primals, tangents))
    if any(isinstance(leaf, KerasTensor) for leaf in leaves):
        return backend.core.compute_output_spec(
            lambda p, t: backend.linalg.jvp(fun, p, t, has_aux),
            tuple(primals),
            tuple(tangents),
        )
    return backend.linalg.jvp(fun, tuple(primals), tuple(tangents), has_aux)
