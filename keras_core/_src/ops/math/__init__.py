"""The math functions of keras_core.ops: special functions, segment
reductions, top-k selection and spectral (FFT, STFT) ops."""

from keras_core._src.ops.math import segments
from keras_core._src.ops.math import selection
from keras_core._src.ops.math import special
from keras_core._src.ops.math import spectral
from keras_core._src.ops.math.segments import *  # noqa: F403
from keras_core._src.ops.math.selection import *  # noqa: F403
from keras_core._src.ops.math.special import *  # noqa: F403
from keras_core._src.ops.math.spectral import *  # noqa: F403

__all__ = segments.__all__ + selection.__all__ + special.__all__ + spectral.__all__
