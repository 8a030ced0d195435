"""`StringLookup`: maps strings to vocabulary indices (or back)."""

from keras_core._src.api_export import keras_public
from keras_core._src.layers.preprocessing import index_lookup_utils as utils
from keras_core._src.layers.preprocessing.index_lookup import IndexLookup

__all__ = ["StringLookup"]


@keras_public("keras.layers")
class StringLookup(IndexLookup):
    """Maps strings to integer indices in a vocabulary (or indices back).

    The vocabulary comes from the `vocabulary` argument, `set_vocabulary()`
    or `adapt()` (which keeps the most frequent strings, most frequent
    first, ties by decreasing string). Indices are laid out as
    `[mask_token] + [oov_token] * num_oov_indices + vocabulary` in `"int"`
    mode; in the encoded modes the mask token has no index and encodes to
    nothing. Out-of-vocabulary strings go to one OOV index, or with several
    to the bucket `Fingerprint64(string) % num_oov_indices` (keyed SipHash
    with a `salt`), the buckets Keras picks.

    Inputs are Python or NumPy strings (`str`, `bytes` or object arrays) on
    every backend, and string tensors on TensorFlow, including inside
    `tf.function` and `tf.data`. The lookup runs on the host with NumPy
    (TensorFlow is never imported for it); outputs are backend tensors.
    With `invert=True` outputs are strings: string tensors where the
    backend has them (tensorflow, numpy), else NumPy arrays.

    Args:
        max_tokens: The largest vocabulary size, special tokens included,
            or None for no limit.
        num_oov_indices: How many indices out-of-vocabulary strings hash
            to (0: such strings are an error).
        mask_token: The string that maps to index 0 (`"int"` mode) or to
            nothing (encoded modes), or None for no mask.
        oov_token: The string `invert=True` returns for OOV indices.
        vocabulary: A list or array of strings, or the path of a text file
            with one per line (read now: the model saves the vocabulary
            itself), or None to `adapt()` later.
        idf_weights: With `output_mode="tf_idf"` and a `vocabulary`, the
            inverse document frequency of each vocabulary string.
        invert: Whether to map indices back to strings.
        output_mode: `"int"` (indices), `"one_hot"`, `"multi_hot"`,
            `"count"` or `"tf_idf"` (encodings of the last axis).
        pad_to_max_tokens: Whether encoded outputs have `max_tokens`
            entries even when the vocabulary is smaller.
        sparse: Whether encoded outputs are sparse tensors (tensorflow and
            jax only).
        encoding: The text encoding of bytes inputs and vocabularies.
        name: The layer's name.
        salt: None, an int or two ints: OOV buckets use SipHash keyed by
            it instead of FarmHash.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.StringLookup(vocabulary=["a", "b", "c"])
    >>> keras_core.ops.convert_to_numpy(layer(["a", "c", "z"])).tolist()
    [1, 3, 0]
    >>> layer = keras_core.layers.StringLookup(
    ...     vocabulary=["a", "b"], output_mode="multi_hot")
    >>> keras_core.ops.convert_to_numpy(layer([["a", "z"]])).tolist()
    [[1.0, 1.0, 0.0]]
    """

    _token_kind = "string"

    def __init__(
        self,
        max_tokens=None,
        num_oov_indices=1,
        mask_token=None,
        oov_token="[UNK]",
        vocabulary=None,
        idf_weights=None,
        invert=False,
        output_mode="int",
        pad_to_max_tokens=False,
        sparse=False,
        encoding="utf-8",
        name=None,
        salt=None,
        **kwargs,
    ):
        # Keras's configs carry it; strings are always hashed.
        oov_method = kwargs.pop("oov_method", "floormod")
        for argument, token in (("mask_token", mask_token), ("oov_token", oov_token)):
            if token is not None and not isinstance(token, (str, bytes)):
                raise ValueError(
                    f"StringLookup: `{argument}` must be a string or None. "
                    f"Received: {argument}={token!r}"
                )
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=utils.decode(mask_token, encoding),
            oov_token=utils.decode(oov_token, encoding),
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            pad_to_max_tokens=pad_to_max_tokens,
            sparse=sparse,
            oov_method=oov_method,
            salt=salt,
            encoding=encoding,
            name=name,
            **kwargs,
        )

    def _parse_tokens(self, values, what):
        tokens = [utils.decode(value, self.encoding) for value in values]
        for token in tokens:
            if not isinstance(token, str):
                raise ValueError(
                    f"Layer '{self.name}' (StringLookup): {what} must hold "
                    f"strings, but holds {token!r} of type "
                    f"{type(token).__name__}. Use IntegerLookup for integers."
                )
        return tokens

    def _host_tokens(self, values):
        return utils.to_string_array(values, self.encoding, self.name)

    def get_config(self):
        config, lookup_config = self._base_config()
        config.update(lookup_config)
        config["encoding"] = self.encoding
        return config
