"""The host-side (NumPy) machinery of the lookup layers.

Vocabularies of `StringLookup`, `IntegerLookup` and `TextVectorization`
live on the host as Python lists: token -> index lookups run with NumPy
(`VocabularyTable`), out-of-vocabulary tokens are hashed into OOV buckets
as Keras does (`oov_buckets`), and `adapt()` counts tokens and documents
(`TokenCounter`) and orders the vocabulary as Keras does: by decreasing
frequency, ties by decreasing token.

Strings are Python `str` throughout; bytes are decoded with the layer's
`encoding` and `surrogateescape`, so bytes that are not valid text still
round-trip (and hash) exactly.
"""

import functools
import math
import os

import numpy as np

from keras_core._src.layers.preprocessing import farmhash
from keras_core._src.layers.preprocessing import siphash

__all__ = []

OOV_METHODS = ("floormod", "farmhash")


def decode(value, encoding):
    """A token as a Python `str` (bytes decoded), anything else unchanged."""
    if isinstance(value, bytes):
        return value.decode(encoding, "surrogateescape")
    if isinstance(value, np.str_):
        return str(value)
    return value


def to_string_array(values, encoding, layer_name):
    """Any string data as a NumPy unicode array of the same shape.

    Args:
        values: A NumPy array of `str_`, `bytes_` or objects (str/bytes).
        encoding: The text encoding of bytes.
        layer_name: Names the layer in errors.

    Raises:
        TypeError: If `values` holds something other than strings.
    """
    values = np.asarray(values)
    if values.dtype.kind == "U":
        return values
    if values.dtype.kind in "SO":
        flat = [decode(item, encoding) for item in values.reshape(-1)]
        if all(isinstance(item, str) for item in flat):
            return np.array(flat, dtype=str).reshape(values.shape)
    raise TypeError(
        f"Layer '{layer_name}' expects string inputs (Python or NumPy strings, "
        f"bytes, or string tensors), but received an array of dtype "
        f"{values.dtype} and shape {values.shape}. Pass strings, or use "
        "IntegerLookup for integer tokens."
    )


def read_vocabulary_file(path, encoding, layer_name, allow_empty_first=False):
    """The tokens of a vocabulary file: one per line.

    Args:
        path: The file's path.
        encoding: Its text encoding.
        layer_name: Names the layer in errors.
        allow_empty_first: Whether an empty first line is a token (the
            mask token `""` of a vocabulary written by `save_assets`).

    Returns:
        A list of `str`.
    """
    if not os.path.isfile(path):
        raise ValueError(
            f"Layer '{layer_name}': vocabulary file {path} does not exist. "
            "Pass an existing file (one token per line) or a list of tokens."
        )
    with open(path, "rb") as stream:
        text = stream.read().decode(encoding, "surrogateescape")
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    for number, line in enumerate(lines):
        if line == "" and not (allow_empty_first and number == 0):
            raise ValueError(
                f"Layer '{layer_name}': vocabulary file {path} has an empty "
                f"line at line {number + 1}. Each line must hold one token; "
                "remove the empty lines."
            )
    return lines


def write_vocabulary_file(path, tokens, layer_name):
    """Writes one token per line (no final newline), as Keras does."""
    lines = [str(token) for token in tokens]
    for line in lines:
        if "\n" in line:
            raise ValueError(
                f"Layer '{layer_name}' cannot save its vocabulary: the token "
                f"{line!r} holds a newline, and the vocabulary file has one "
                "token per line. Remove newlines from the vocabulary."
            )
    with open(path, "wb") as stream:
        stream.write("\n".join(lines).encode("utf-8", "surrogateescape"))


def normalize_salt(salt, layer_name):
    """`salt` as a `[k0, k1]` SipHash key, or None.

    Args:
        salt: None, an int, or two ints.
        layer_name: Names the layer in errors.
    """
    if salt is None:
        return None
    if isinstance(salt, int) and not isinstance(salt, bool):
        return [salt, salt]
    if (
        isinstance(salt, (list, tuple))
        and len(salt) == 2
        and all(isinstance(k, int) and not isinstance(k, bool) for k in salt)
    ):
        return list(salt)
    raise ValueError(
        f"Layer '{layer_name}': `salt` must be None, an int, or a tuple of 2 "
        f"ints (a SipHash key). Received: salt={salt!r}"
    )


@functools.lru_cache(maxsize=65536)
def _bucket(data, num_buckets, key):
    if key is None:
        return farmhash.fingerprint64(data) % num_buckets
    return siphash.siphash24(key, data) % num_buckets


def oov_buckets(tokens, num_buckets, oov_method, salt, encoding):
    """The OOV bucket of each token, in `[0, num_buckets)`, as Keras picks it.

    Strings hash with FarmHash `Fingerprint64` (TensorFlow's
    `to_hash_bucket_fast`) or, with a salt, keyed SipHash-2-4
    (`to_hash_bucket_strong`). Integers take `token mod num_buckets` with
    `oov_method="floormod"`, else their decimal text is hashed as a string.

    Args:
        tokens: A 1D NumPy array of `str` or of ints.
        num_buckets: The number of OOV indices.
        oov_method: `"floormod"` or `"farmhash"` (integers only).
        salt: None or a `[k0, k1]` key.
        encoding: The text encoding strings are hashed in.

    Returns:
        An int64 NumPy array of `tokens`' shape.

    Example:

    >>> oov_buckets(numpy.array([4, -1]), 3, "floormod", None, "utf-8")
    array([1, 2])
    """
    is_string = tokens.dtype.kind == "U"
    if not is_string and oov_method == "floormod":
        return np.mod(tokens.astype(np.int64), num_buckets)
    key = None if salt is None else (salt[0], salt[1])
    uniques, inverse = np.unique(tokens, return_inverse=True)
    buckets = np.empty(len(uniques), dtype=np.int64)
    for position, token in enumerate(uniques.tolist()):
        text = token if is_string else str(int(token))
        buckets[position] = _bucket(
            text.encode(encoding, "surrogateescape"), num_buckets, key
        )
    return buckets[inverse.reshape(-1)]


class VocabularyTable:
    """Token -> index and index -> token mappings of one vocabulary.

    Args:
        tokens: The vocabulary without special tokens (a list).
        start_index: The index of `tokens[0]`.
        kind: `"string"` or `"int"`.
    """

    def __init__(self, tokens, start_index, kind):
        dtype = str if kind == "string" else np.int64
        keys = np.array(tokens, dtype=dtype).reshape(-1)
        order = np.argsort(keys, kind="stable")
        self.sorted_keys = keys[order]
        self.sorted_indices = order.astype(np.int64) + start_index

    def find(self, flat_tokens):
        """Index of each token (1D), and whether it was in the vocabulary."""
        if not len(self.sorted_keys):
            return (
                np.zeros(flat_tokens.shape, dtype=np.int64),
                np.zeros(flat_tokens.shape, dtype=bool),
            )
        positions = np.searchsorted(self.sorted_keys, flat_tokens)
        positions = np.minimum(positions, len(self.sorted_keys) - 1)
        found = self.sorted_keys[positions] == flat_tokens
        return self.sorted_indices[positions], found


def inverse_document_frequency(document_counts, num_documents):
    """`log(1 + num_documents / (1 + document_count))` per token."""
    return [math.log(1.0 + num_documents / (1.0 + count)) for count in document_counts]


class TokenCounter:
    """Token and document frequencies accumulated over `adapt()` batches.

    Args:
        excluded: Tokens never counted (the mask and OOV tokens).
    """

    def __init__(self, excluded):
        self.excluded = [token for token in excluded if token is not None]
        self.counts = {}
        self.document_counts = {}
        self.num_documents = 0

    def update(self, tokens, document_ids, num_documents):
        """Counts a batch of tokens.

        Args:
            tokens: A 1D NumPy array of tokens.
            document_ids: The document (in `[0, num_documents)`) of each.
            num_documents: How many documents the batch holds.
        """
        self.num_documents += num_documents
        if self.excluded and len(tokens):
            keep = ~np.isin(tokens, np.array(self.excluded))
            tokens, document_ids = tokens[keep], document_ids[keep]
        if not len(tokens):
            return
        uniques, inverse, counts = np.unique(
            tokens, return_inverse=True, return_counts=True
        )
        inverse = inverse.reshape(-1)
        # Each (document, token) pair counts once towards the document count.
        pairs = np.unique(document_ids.astype(np.int64) * len(uniques) + inverse)
        in_documents = np.bincount(pairs % len(uniques), minlength=len(uniques))
        for token, count, documents in zip(
            uniques.tolist(), counts.tolist(), in_documents.tolist(), strict=True
        ):
            self.counts[token] = self.counts.get(token, 0) + count
            self.document_counts[token] = self.document_counts.get(token, 0) + documents

    def update_array(self, batch):
        """Counts an array batch: each row (each element of a 1D batch) is
        one document."""
        batch = np.asarray(batch)
        if batch.ndim == 0:
            batch = batch.reshape(1)
        num_documents = batch.shape[0]
        rows = batch.reshape(num_documents, -1)
        document_ids = np.repeat(np.arange(num_documents), rows.shape[1])
        self.update(rows.reshape(-1), document_ids, num_documents)

    def vocabulary(self, limit=None):
        """The counted tokens by decreasing count, ties by decreasing token.

        Args:
            limit: The most tokens to keep (all by default).

        Returns:
            `(tokens, idf_weights)`: lists (IDF from the document counts).
        """
        ordered = sorted(
            self.counts.items(), key=lambda item: (item[1], item[0]), reverse=True
        )
        if limit is not None:
            ordered = ordered[: max(limit, 0)]
        tokens = [token for token, _ in ordered]
        idf = inverse_document_frequency(
            [self.document_counts[token] for token in tokens], self.num_documents
        )
        return tokens, idf
