"""`IntegerLookup`: maps integers to vocabulary indices (or back)."""

import numpy as np

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing.index_lookup import IndexLookup
from keras_core._src.layers.preprocessing.index_lookup import index_dtype

__all__ = ["IntegerLookup"]


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


@keras_public("keras.layers")
class IntegerLookup(IndexLookup):
    """Maps integers to indices in a vocabulary (or indices back).

    The vocabulary comes from the `vocabulary` argument, `set_vocabulary()`
    or `adapt()` (which keeps the most frequent values, most frequent
    first, ties by decreasing value). Indices are laid out as
    `[mask_token] + [oov_token] * num_oov_indices + vocabulary` in `"int"`
    mode; in the encoded modes the mask token has no index and encodes to
    nothing. With several OOV indices, an out-of-vocabulary value `v` goes
    to bucket `v mod num_oov_indices` (`oov_method="floormod"`), or to
    `Fingerprint64(str(v)) % num_oov_indices` (`"farmhash"`, SipHash with
    a `salt`), the buckets Keras picks.

    Concrete inputs are looked up on the host with NumPy; inside a traced
    function (`jit`, `tf.function`) the lookup runs with `keras_core.ops`
    (`"farmhash"` buckets there need TensorFlow graphs or eager calls).

    Args:
        max_tokens: The largest vocabulary size, special tokens included,
            or None for no limit.
        num_oov_indices: How many indices out-of-vocabulary values hash to
            (0: eager calls raise for them; traced ones give -1).
        mask_token: The value that maps to index 0 (`"int"` mode) or to
            nothing (encoded modes), or None for no mask.
        oov_token: The value `invert=True` returns for OOV indices.
        vocabulary: A list or array of integers, or the path of a text file
            with one per line (read now: the model saves the vocabulary
            itself), or None to `adapt()` later.
        vocabulary_dtype: The dtype of the values; only `"int64"`.
        idf_weights: With `output_mode="tf_idf"` and a `vocabulary`, the
            inverse document frequency of each vocabulary value.
        invert: Whether to map indices back to values.
        output_mode: `"int"` (indices), `"one_hot"`, `"multi_hot"`,
            `"count"` or `"tf_idf"` (encodings of the last axis).
        sparse: Whether encoded outputs are sparse tensors (tensorflow and
            jax only).
        pad_to_max_tokens: Whether encoded outputs have `max_tokens`
            entries even when the vocabulary is smaller.
        oov_method: `"floormod"` or `"farmhash"` (see above).
        salt: None, an int or two ints: with `oov_method="farmhash"`, OOV
            buckets use SipHash keyed by it.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.IntegerLookup(vocabulary=[12, 36, 1138])
    >>> keras_core.ops.convert_to_numpy(layer([12, 1138, 7])).tolist()
    [1, 3, 0]
    """

    _token_kind = "int"

    def __init__(
        self,
        max_tokens=None,
        num_oov_indices=1,
        mask_token=None,
        oov_token=-1,
        vocabulary=None,
        vocabulary_dtype="int64",
        idf_weights=None,
        invert=False,
        output_mode="int",
        sparse=False,
        pad_to_max_tokens=False,
        oov_method="floormod",
        salt=None,
        name=None,
        **kwargs,
    ):
        if vocabulary_dtype != "int64":
            raise ValueError(
                "IntegerLookup: only `vocabulary_dtype='int64'` is supported. "
                f"Received: vocabulary_dtype={vocabulary_dtype!r}"
            )
        if not _is_int(oov_token):
            raise ValueError(
                f"IntegerLookup: `oov_token` must be an int. Received: "
                f"oov_token={oov_token!r}"
            )
        if mask_token is not None and not _is_int(mask_token):
            raise ValueError(
                f"IntegerLookup: `mask_token` must be an int or None. Received: "
                f"mask_token={mask_token!r}"
            )
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=None if mask_token is None else int(mask_token),
            oov_token=int(oov_token),
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            pad_to_max_tokens=pad_to_max_tokens,
            sparse=sparse,
            oov_method=oov_method,
            salt=salt,
            name=name,
            **kwargs,
        )
        self.vocabulary_dtype = vocabulary_dtype

    def _parse_tokens(self, values, what):
        tokens = []
        for value in values:
            try:
                tokens.append(int(value))
            except (TypeError, ValueError):
                raise ValueError(
                    f"Layer '{self.name}' (IntegerLookup): {what} must hold "
                    f"integers, but holds {value!r}. Use StringLookup for "
                    "strings."
                ) from None
        return tokens

    def _host_tokens(self, values):
        values = np.asarray(values)
        if values.dtype.kind not in "iubf":
            raise TypeError(
                f"Layer '{self.name}' (IntegerLookup) expects integer inputs, "
                f"but received an array of dtype {values.dtype} and shape "
                f"{values.shape}. Use StringLookup for strings."
            )
        return values.astype(np.int64)

    def _lookup_needs_host(self):
        return self.oov_method == "farmhash" and self.num_oov_indices > 1

    def _lookup_traced(self, inputs):
        if self._lookup_needs_host():
            return super()._lookup_traced(inputs)
        table = self._table()
        values = ops.cast(inputs, index_dtype())
        oov_start = self._oov_start_index()
        if self.num_oov_indices == 0:
            # Nothing can be raised from inside a traced function.
            indices = ops.full_like(values, -1)
        elif self.num_oov_indices == 1:
            indices = ops.full_like(values, oov_start)
        else:
            indices = oov_start + ops.mod(values, self.num_oov_indices)
        if len(table.sorted_keys):
            keys = ops.convert_to_tensor(table.sorted_keys)
            positions = ops.minimum(
                ops.searchsorted(keys, values), len(table.sorted_keys) - 1
            )
            found = ops.equal(ops.take(keys, positions), values)
            in_vocabulary = ops.take(
                ops.convert_to_tensor(table.sorted_indices), positions
            )
            indices = ops.where(found, in_vocabulary, indices)
        if self.mask_token is not None:
            mask_index = 0 if self.output_mode == "int" else -1
            indices = ops.where(ops.equal(values, self.mask_token), mask_index, indices)
        return ops.cast(indices, index_dtype())

    def _invert_traced(self, inputs):
        table = ops.convert_to_tensor(np.array(self.get_vocabulary(), dtype=np.int64))
        size = int(table.shape[0])
        indices = ops.cast(inputs, index_dtype())
        if size == 0:
            return ops.full_like(indices, self.oov_token)
        valid = ops.logical_and(indices >= 0, indices < size)
        picked = ops.take(table, ops.clip(indices, 0, size - 1))
        return ops.cast(ops.where(valid, picked, self.oov_token), index_dtype())

    def get_config(self):
        config, lookup_config = self._base_config()
        config["vocabulary_dtype"] = self.vocabulary_dtype
        config.update(lookup_config)
        return config
