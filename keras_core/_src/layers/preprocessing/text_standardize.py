"""Text standardization, splitting and n-grams of `TextVectorization`.

Host-side Python, with Keras's (TensorFlow's) semantics:

- `"lower"` lowercases ASCII letters only (`tf.strings.lower`), other
  letters are kept as they are;
- `"strip_punctuation"` removes ASCII punctuation, ``!"#$%&'()*+,-./:;<=>?@
  [\\]^_`{|}~``, and nothing else;
- `"whitespace"` splits on runs of ASCII whitespace (space, tab, newline,
  carriage return, vertical tab, form feed), dropping empty pieces;
- `"character"` splits into Unicode code points;
- n-grams join consecutive tokens with a space, all n-grams of the first
  width first.

User callables receive a NumPy unicode array of shape `(batch,)` and may
return NumPy arrays, lists, or TensorFlow tensors (dense, or ragged for
`split`).
"""

import re
import string

import numpy as np

from keras_core._src.layers.preprocessing import index_lookup_utils as utils

__all__ = []

STANDARDIZE_MODES = ("lower_and_strip_punctuation", "lower", "strip_punctuation")
SPLIT_MODES = ("whitespace", "character")

_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_STRIP = str.maketrans("", "", string.punctuation)
_LOWER_AND_STRIP = str.maketrans(
    string.ascii_uppercase,
    string.ascii_lowercase,
    string.punctuation,
)
_TABLES = {
    "lower": _LOWER,
    "strip_punctuation": _STRIP,
    "lower_and_strip_punctuation": _LOWER_AND_STRIP,
}
_WORD = re.compile("[^ \t\n\r\x0b\x0c]+")


def _to_host(result):
    if hasattr(result, "to_list"):  # a tf.RaggedTensor
        return result.to_list()
    if hasattr(result, "numpy"):  # a TensorFlow (or PyTorch) tensor
        return result.numpy()
    return result


def standardize(strings, mode, encoding, layer_name):
    """Standardizes a batch of strings.

    Args:
        strings: A 1D NumPy unicode array.
        mode: None, one of `STANDARDIZE_MODES`, or a callable.
        encoding: The text encoding of bytes a callable may return.
        layer_name: Names the layer in errors.

    Returns:
        A list of `str`, one per input string.

    Example:

    >>> standardize(numpy.array(["Hé, WORLD!"]), "lower_and_strip_punctuation",
    ...             "utf-8", "tv")
    ['hé world']
    """
    if mode is None:
        return strings.tolist()
    if not callable(mode):
        table = _TABLES[mode]
        return [text.translate(table) for text in strings.tolist()]
    result = np.asarray(_to_host(mode(strings)), dtype=object).reshape(-1)
    if len(result) != len(strings):
        raise ValueError(
            f"Layer '{layer_name}': the `standardize` callable must return one "
            f"string per input string: it received {len(strings)} and returned "
            f"{len(result)}."
        )
    return [utils.decode(item, encoding) for item in result.tolist()]


def split(strings, mode, encoding, layer_name):
    """Splits each string into tokens.

    Args:
        strings: A list of `str`.
        mode: None (each string is one token), one of `SPLIT_MODES`, or a
            callable.
        encoding: The text encoding of bytes a callable may return.
        layer_name: Names the layer in errors.

    Returns:
        A list (one per string) of lists of `str`.

    Example:

    >>> split(["a  b\\tc"], "whitespace", "utf-8", "tv")
    [['a', 'b', 'c']]
    """
    if mode is None:
        return [[text] for text in strings]
    if mode == "whitespace":
        return [_WORD.findall(text) for text in strings]
    if mode == "character":
        return [list(text) for text in strings]
    result = _to_host(mode(np.array(strings, dtype=str).reshape(len(strings))))
    rows = result.tolist() if isinstance(result, np.ndarray) else list(result)
    if len(rows) != len(strings):
        raise ValueError(
            f"Layer '{layer_name}': the `split` callable must return one row of "
            f"tokens per input string: it received {len(strings)} and returned "
            f"{len(rows)}."
        )
    return [
        [
            utils.decode(token, encoding)
            for token in np.asarray(row).reshape(-1).tolist()
        ]
        for row in rows
    ]


def ngram_widths(ngrams):
    """The n-gram widths `ngrams` asks for (`n` -> 1..n), or None."""
    if ngrams is None:
        return None
    if isinstance(ngrams, int):
        return tuple(range(1, ngrams + 1))
    return tuple(ngrams)


def make_ngrams(rows, widths):
    """Replaces each row of tokens by its n-grams of each width, in order.

    Args:
        rows: A list of lists of tokens.
        widths: The n-gram widths, or None to keep the rows.

    Example:

    >>> make_ngrams([["a", "b", "c"]], (1, 2))
    [['a', 'b', 'c', 'a b', 'b c']]
    """
    if widths is None:
        return rows
    return [
        [
            " ".join(row[start : start + width])
            for width in widths
            for start in range(len(row) - width + 1)
        ]
        for row in rows
    ]
