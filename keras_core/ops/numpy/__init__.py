"""Public API: `keras_core.ops.numpy` (the NumPy-API ops)."""

from keras_core._src.ops.numpy.elementwise import abs
from keras_core._src.ops.numpy.elementwise import absolute
from keras_core._src.ops.numpy.elementwise import add
from keras_core._src.ops.numpy.elementwise import divide
from keras_core._src.ops.numpy.elementwise import equal
from keras_core._src.ops.numpy.elementwise import exp
from keras_core._src.ops.numpy.elementwise import less
from keras_core._src.ops.numpy.elementwise import maximum
from keras_core._src.ops.numpy.elementwise import minimum
from keras_core._src.ops.numpy.elementwise import multiply
from keras_core._src.ops.numpy.elementwise import negative
from keras_core._src.ops.numpy.elementwise import sqrt
from keras_core._src.ops.numpy.elementwise import subtract
from keras_core._src.ops.numpy.elementwise import true_divide
