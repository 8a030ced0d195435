"""`Hashing`: hashes strings or integers into a fixed number of bins."""

import functools

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config as backend_config
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing.data_layer import DataLayer
from keras_core._src.layers.preprocessing.farmhash import fingerprint64
from keras_core._src.layers.preprocessing.siphash import siphash24

__all__ = ["Hashing"]

# Distinct values repeat across batches (vocabulary-like data): each is
# hashed once in Python, then looked up.
_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _fast_hash(data):
    return fingerprint64(data)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _keyed_hash(key, data):
    return siphash24(key, data)


def _value_bytes(values):
    """The bytes Keras hashes for each value, as a flat list.

    Strings are UTF-8 encoded; integers are written in decimal; booleans
    are `true`/`false`; floats are truncated to int64 first, as TensorFlow's
    casts do.

    Args:
        values: A NumPy array of strings, bytes, numbers or booleans.

    Returns:
        A list of `bytes`, one per element in C order.
    """
    flat = np.ravel(values)
    kind = flat.dtype.kind
    if kind == "b":
        return [b"true" if value else b"false" for value in flat]
    if kind == "f":
        with np.errstate(invalid="ignore"):
            flat = np.trunc(flat).astype("int64")
        kind = "i"
    if kind in "iu":
        return [str(value).encode() for value in flat.tolist()]
    return [
        value.encode("utf-8") if isinstance(value, str) else bytes(value)
        for value in flat.tolist()
    ]


def _standardize_salt(salt):
    if salt is None:
        return None
    if isinstance(salt, int) and not isinstance(salt, bool):
        return [salt, salt]
    if (
        isinstance(salt, (list, tuple))
        and len(salt) == 2
        and all(isinstance(s, int) and not isinstance(s, bool) for s in salt)
    ):
        return list(salt)
    raise ValueError(
        "Hashing: the `salt` argument can only be a tuple of 2 integers, or a "
        f"single integer. Received: salt={salt!r}"
    )


@keras_public("keras.layers")
class Hashing(DataLayer):
    """Hashes strings or integers into `num_bins` bins, as Keras does.

    Without a salt a value goes to `Fingerprint64(value) % num_bins`
    (FarmHash, TensorFlow's `tf.strings.to_hash_bucket_fast`); with a salt,
    to a keyed SipHash-2-4 of it (`tf.strings.to_hash_bucket_strong`).
    Integers are hashed as their decimal strings. The bins are Keras's on
    every backend; hashing runs in NumPy (no TensorFlow needed), so the layer
    takes Python or NumPy strings and is called eagerly.

    Args:
        num_bins: The number of bins, including the mask bin when
            `mask_value` is set.
        mask_value: A value sent to bin 0; the others hash into bins
            `[1, num_bins)`.
        salt: An int or a pair of ints: hashes with keyed SipHash, so the
            bins differ from the unsalted ones.
        output_mode: `"int"` (bin indices), `"one_hot"`, `"multi_hot"` or
            `"count"` (see `CategoryEncoding`).
        sparse: Whether encoded outputs are sparse tensors (jax, tensorflow).
        **kwargs: Base layer arguments (`name`, `dtype`: int64 for `"int"`
            outputs by default, else floatx).

    Example:

    >>> layer = keras_core.layers.Hashing(num_bins=3)
    >>> numpy.asarray(layer([["A"], ["B"], ["C"], ["D"], ["E"]])).tolist()
    [[1], [0], [1], [1], [2]]
    """

    def __init__(
        self,
        num_bins,
        mask_value=None,
        salt=None,
        output_mode="int",
        sparse=False,
        **kwargs,
    ):
        if kwargs.get("dtype") is None:
            kwargs["dtype"] = (
                "int64" if output_mode == "int" else backend_config.floatx()
            )
        super().__init__(**kwargs)
        if (
            not isinstance(num_bins, int)
            or isinstance(num_bins, bool)
            or num_bins < 1
            or (mask_value is not None and num_bins < 2)
        ):
            raise ValueError(
                "Hashing: `num_bins` must be a positive int (at least 2 with a "
                f"`mask_value`). Received: num_bins={num_bins!r}"
            )
        preprocessing_utils.check_output_mode("Hashing", output_mode)
        preprocessing_utils.check_sparse("Hashing", sparse, output_mode)
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.salt = _standardize_salt(salt)
        self.output_mode = output_mode
        self.sparse = sparse
        self._key = None if self.salt is None else tuple(self.salt)
        # Strings must reach `call` untouched (no tensor conversion).
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True

    def _bins(self, values):
        """Bin indices (int64 NumPy array) of a NumPy array of values."""
        data = _value_bytes(values)
        if self._key is None:
            hashes = [_fast_hash(item) for item in data]
        else:
            hashes = [_keyed_hash(self._key, item) for item in data]
        hashes = np.array(hashes, dtype=np.uint64).reshape(np.shape(values))
        if self.mask_value is None:
            return (hashes % np.uint64(self.num_bins)).astype("int64")
        bins = (hashes % np.uint64(self.num_bins - 1)).astype("int64") + 1
        return np.where(self._is_mask(values, data), 0, bins)

    def _is_mask(self, values, data):
        mask = self.mask_value
        if values.dtype.kind in "USO":
            mask = mask.encode("utf-8") if isinstance(mask, str) else mask
            found = [item == mask for item in data]
            return np.array(found, dtype=bool).reshape(values.shape)
        return values == mask

    def call(self, inputs):
        values = preprocessing_utils.host_array(f"Hashing '{self.name}'", inputs)
        if values.dtype.kind not in "biufUSO":
            raise ValueError(
                f"Hashing '{self.name}' hashes strings, numbers or booleans, but "
                f"received data of dtype {values.dtype}. Convert the inputs."
            )
        bins = self._bins(values)
        if self.output_mode == "int":
            # A NumPy array of the output dtype, converted without a dtype:
            # JAX narrows int64 to int32 itself, without a warning.
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
            input_shape, self.output_mode, self.num_bins
        )

    def compute_output_spec(self, inputs):
        return KerasTensor(
            self.compute_output_shape(inputs.shape),
            dtype=self.compute_dtype,
            sparse=self.sparse,
        )

    def get_config(self):
        return {
            **super().get_config(),
            "num_bins": self.num_bins,
            "salt": self.salt,
            "mask_value": self.mask_value,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
        }
