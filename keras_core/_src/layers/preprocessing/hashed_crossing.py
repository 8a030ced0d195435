"""`HashedCrossing`: hashes the cross of several categorical features into bins."""

import functools

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config as backend_config
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing.data_layer import DataLayer
from keras_core._src.layers.preprocessing.farmhash import fingerprint64
from keras_core._src.layers.preprocessing.farmhash import fingerprint_cat64

__all__ = ["HashedCrossing"]

_MODES = ("int", "one_hot")
# `tf.sparse.cross_hashed`'s default key, the seed of the fingerprint fold.
_CROSS_HASH_KEY = 0xDECAFCAFFE
_CACHE_SIZE = 1 << 16
_UINT64 = 1 << 64


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _string_fingerprint(data):
    return fingerprint64(data)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cross_fingerprint(feature_hashes):
    result = _CROSS_HASH_KEY
    for feature_hash in feature_hashes:
        result = fingerprint_cat64(result, feature_hash)
    return result


def _feature_hashes(values):
    # As `tf.sparse.cross_hashed`: a string's FarmHash fingerprint, an
    # integer's own two's-complement bits.
    flat = np.ravel(values)
    if flat.dtype.kind in "iu":
        return [value % _UINT64 for value in flat.tolist()]
    return [
        _string_fingerprint(
            value.encode("utf-8") if isinstance(value, str) else bytes(value)
        )
        for value in flat.tolist()
    ]


@keras_public("keras.layers")
class HashedCrossing(DataLayer):
    """Crosses categorical features and hashes each combination into a bin.

    Given `(features_a, features_b, ...)` of equal shape, each sample's tuple
    of values is hashed into `[0, num_bins)` exactly as
    `tf.sparse.cross_hashed` (what Keras uses) does: strings by FarmHash
    fingerprint, integers by value, folded with `FingerprintCat64`. Hashing
    runs in NumPy on every backend, so the layer is called eagerly.

    Args:
        num_bins: The number of hash bins.
        output_mode: `"int"` (bin indices) or `"one_hot"`.
        sparse: Whether `"one_hot"` outputs are sparse tensors (jax,
            tensorflow).
        name: The layer's name.
        dtype: The output dtype: int64 for `"int"` by default, else floatx.
        **kwargs: Base layer arguments.

    Call arguments:
        inputs: A tuple or list of at least two integer or string features,
            each of shape `()`, `(batch,)` or `(batch, 1)`, all alike.

    Example:

    >>> layer = keras_core.layers.HashedCrossing(num_bins=5)
    >>> feat1 = numpy.array([1, 2, 3, 4])
    >>> feat2 = numpy.array(["A", "B", "A", "B"])
    >>> numpy.asarray(layer((feat1, feat2))).tolist()
    [2, 3, 1, 2]
    """

    def __init__(
        self,
        num_bins,
        output_mode="int",
        sparse=False,
        name=None,
        dtype=None,
        **kwargs,
    ):
        if dtype is None:
            dtype = "int64" if output_mode == "int" else backend_config.floatx()
        super().__init__(name=name, dtype=dtype, **kwargs)
        if not isinstance(num_bins, int) or isinstance(num_bins, bool) or num_bins < 1:
            raise ValueError(
                "HashedCrossing: `num_bins` must be a positive int. Received: "
                f"num_bins={num_bins!r}"
            )
        preprocessing_utils.check_output_mode("HashedCrossing", output_mode, _MODES)
        preprocessing_utils.check_sparse("HashedCrossing", sparse, output_mode)
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse
        # Strings must reach `call` untouched (no tensor conversion).
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True

    def _check_inputs(self, shapes, dtypes, inputs):
        if len(shapes) < 2:
            raise ValueError(
                f"HashedCrossing '{self.name}' should be called on at least two "
                f"inputs. Received {len(shapes)}: {inputs!r:.200}"
            )
        if any(
            len(shape) > 2 or (len(shape) == 2 and shape[1] != 1) for shape in shapes
        ):
            raise ValueError(
                f"HashedCrossing '{self.name}': all inputs should have shape (), "
                f"(batch_size,) or (batch_size, 1). Received shapes {shapes}."
            )
        if any(shape != shapes[0] for shape in shapes):
            raise ValueError(
                f"HashedCrossing '{self.name}': all inputs should have equal "
                f"shape. Received shapes {shapes}."
            )
        if not all(_is_categorical(dtype) for dtype in dtypes):
            raise ValueError(
                f"HashedCrossing '{self.name}': all inputs should have an integer "
                f"or string dtype. Received dtypes {[str(d) for d in dtypes]}. "
                "Cast float features "
                "to int (or bucket them with Discretization) first."
            )

    def call(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"HashedCrossing '{self.name}' should be called on a list or "
                f"tuple of inputs. Received: inputs={inputs!r:.200}"
            )
        label = f"HashedCrossing '{self.name}'"
        arrays = [preprocessing_utils.host_array(label, feature) for feature in inputs]
        self._check_inputs(
            [array.shape for array in arrays],
            [array.dtype for array in arrays],
            inputs,
        )
        columns = [_feature_hashes(array) for array in arrays]
        crossed = np.array(
            [_cross_fingerprint(row) for row in zip(*columns, strict=True)],
            dtype=np.uint64,
        )
        bins = (
            (crossed % np.uint64(self.num_bins))
            .astype("int64")
            .reshape(arrays[0].shape)
        )
        if self.output_mode == "int":
            # Converted without a dtype: JAX narrows int64 itself, silently.
            return ops.convert_to_tensor(bins.astype(self.compute_dtype))
        return preprocessing_utils.encode_categorical_inputs(
            ops.convert_to_tensor(bins.astype("int32")),
            output_mode=self.output_mode,
            depth=self.num_bins,
            dtype=self.compute_dtype,
            sparse=self.sparse,
        )

    def compute_output_shape(self, input_shape):
        return preprocessing_utils.encoded_output_shape(
            tuple(input_shape[0]), self.output_mode, self.num_bins
        )

    def compute_output_spec(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"HashedCrossing '{self.name}' should be called on a list or "
                f"tuple of inputs. Received: inputs={inputs!r:.200}"
            )
        self._check_inputs(
            [tuple(feature.shape) for feature in inputs],
            [feature.dtype for feature in inputs],
            inputs,
        )
        return KerasTensor(
            self.compute_output_shape([feature.shape for feature in inputs]),
            dtype=self.compute_dtype,
            sparse=self.sparse,
        )

    def get_config(self):
        return {
            "num_bins": self.num_bins,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype_policy.name,
        }


def _is_categorical(dtype):
    if isinstance(dtype, np.dtype):
        return dtype.kind in "iuUSO"
    return dtype == "string" or is_int_dtype(dtype)
