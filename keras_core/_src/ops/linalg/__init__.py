"""keras_core.ops.linalg: linear algebra ops (also in `keras_core.ops`).

Decompositions (cholesky, eig, eigh, lu_factor, qr, svd), solvers and
inverses (det, inv, solve, solve_triangular, lstsq, pinv, matrix_rank,
cholesky_inverse), norms, and forward-mode derivatives (jvp).
"""

from keras_core._src.ops.linalg.autodiff import *  # noqa: F403
from keras_core._src.ops.linalg.autodiff import __all__ as _autodiff
from keras_core._src.ops.linalg.decompositions import *  # noqa: F403
from keras_core._src.ops.linalg.decompositions import __all__ as _decompositions
from keras_core._src.ops.linalg.norms import *  # noqa: F403
from keras_core._src.ops.linalg.norms import __all__ as _norms
from keras_core._src.ops.linalg.solvers import *  # noqa: F403
from keras_core._src.ops.linalg.solvers import __all__ as _solvers

__all__ = [*_autodiff, *_decompositions, *_norms, *_solvers]
