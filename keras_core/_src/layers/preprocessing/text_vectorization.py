"""`TextVectorization`: maps raw text to token indices or token encodings."""

import numpy as np

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing import text_standardize as text
from keras_core._src.layers.preprocessing.data_layer import DataLayer
from keras_core._src.layers.preprocessing.index_lookup import index_dtype
from keras_core._src.layers.preprocessing.index_lookup import refuse_vocabulary_path
from keras_core._src.layers.preprocessing.index_lookup import tensorflow_string_ops
from keras_core._src.layers.preprocessing.string_lookup import StringLookup
from keras_core._src.saving import serialization_lib

__all__ = ["TextVectorization"]


def _import_tensorflow_string_ops():
    from keras_core._src.backend.tensorflow import string_ops

    return string_ops


@keras_public("keras.layers")
class TextVectorization(DataLayer):
    """Maps text to sequences of token indices, or to token encodings.

    Each string is standardized (`standardize`), split into tokens
    (`split`), optionally joined into n-grams (`ngrams`), and the tokens
    are looked up in a vocabulary (a `StringLookup` with mask token `""`
    at index 0 and OOV token `"[UNK]"` at index 1 in `"int"` mode). In
    `"int"` mode the output is `(batch, sequence_length)` indices, padded
    with 0 (or truncated) to `output_sequence_length`, else to the longest
    sequence of the batch. The other modes encode each string's tokens:
    `(batch, num_tokens)` for `"multi_hot"`, `"count"` and `"tf_idf"`,
    `(batch, sequence_length, num_tokens)` for `"one_hot"`.

    The vocabulary comes from `vocabulary` or `adapt()` (the most frequent
    tokens first, ties by decreasing token). Inputs are Python or NumPy
    strings of shape `(batch,)` or `(batch, 1)` on every backend, and
    string tensors on TensorFlow, including inside `tf.function` and
    `tf.data`. Text is processed on the host with Python and NumPy (no
    TensorFlow import); outputs are backend tensors.

    Args:
        max_tokens: The largest vocabulary size, special tokens included,
            or None for no limit.
        standardize: `"lower_and_strip_punctuation"`, `"lower"` (ASCII
            letters), `"strip_punctuation"` (ASCII punctuation), None, or
            a callable taking and returning a NumPy array of strings.
        split: `"whitespace"` (ASCII whitespace), `"character"` (Unicode
            code points), None (each string is one token), or a callable
            returning one list of tokens per string.
        ngrams: None, an int `n` (n-grams of widths 1 to n) or a tuple of
            widths.
        output_mode: `"int"`, `"multi_hot"`, `"count"`, `"tf_idf"` or
            `"one_hot"`.
        output_sequence_length: In `"int"` mode, pad or truncate outputs
            to this many tokens.
        pad_to_max_tokens: Whether encoded outputs have `max_tokens`
            entries even when the vocabulary is smaller.
        vocabulary: A list or array of tokens, or the path of a text file
            with one per line (read now: the model saves the vocabulary
            itself).
        idf_weights: With `output_mode="tf_idf"` and a `vocabulary`, the
            inverse document frequency of each vocabulary token.
        sparse: Whether encoded outputs are sparse tensors (tensorflow and
            jax only).
        ragged: Whether `"int"` outputs are `tf.RaggedTensor`s (tensorflow
            only).
        encoding: The text encoding of bytes inputs.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> layer = keras_core.layers.TextVectorization(vocabulary=["the", "cat"])
    >>> keras_core.ops.convert_to_numpy(layer(["The cat!", "a cat"])).tolist()
    [[2, 3], [1, 3]]
    """

    def __init__(
        self,
        max_tokens=None,
        standardize="lower_and_strip_punctuation",
        split="whitespace",
        ngrams=None,
        output_mode="int",
        output_sequence_length=None,
        pad_to_max_tokens=False,
        vocabulary=None,
        idf_weights=None,
        sparse=False,
        ragged=False,
        encoding="utf-8",
        name=None,
        **kwargs,
    ):
        expected_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        standardize = _deserialize_callable(standardize)
        split = _deserialize_callable(split)
        self._check_arguments(
            standardize, split, ngrams, output_mode, output_sequence_length, ragged
        )
        self.max_tokens = max_tokens
        self.standardize = standardize
        self.split = split
        self.ngrams = tuple(ngrams) if isinstance(ngrams, (list, tuple)) else ngrams
        self.output_mode = output_mode
        self.output_sequence_length = output_sequence_length
        self.pad_to_max_tokens = pad_to_max_tokens
        self.sparse = sparse
        self.ragged = ragged
        self.encoding = encoding
        self._ngram_widths = text.ngram_widths(self.ngrams)
        self._lookup_layer = StringLookup(
            max_tokens=max_tokens,
            mask_token="" if output_mode == "int" else None,
            vocabulary=vocabulary,
            idf_weights=idf_weights,
            output_mode=output_mode,
            pad_to_max_tokens=pad_to_max_tokens,
            sparse=sparse,
            encoding=encoding,
            vocabulary_size=expected_size,
            name=f"{self.name}_string_lookup",
            dtype=self.dtype_policy,
        )
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True
        # As in Keras: compiled (XLA) steps cannot process text on the host.
        self.supports_jit = False
        self.built = True

    def _check_arguments(
        self, standardize, split, ngrams, output_mode, output_sequence_length, ragged
    ):
        where = f"Layer '{self.name}' (TextVectorization)"
        if not (
            standardize is None
            or callable(standardize)
            or standardize in text.STANDARDIZE_MODES
        ):
            raise ValueError(
                f"{where}: unknown value for `standardize`. Allowed values are "
                f"{text.STANDARDIZE_MODES}, None or a callable. Received: "
                f"standardize={standardize!r}"
            )
        if not (split is None or callable(split) or split in text.SPLIT_MODES):
            raise ValueError(
                f"{where}: unknown value for `split`. Allowed values are "
                f"{text.SPLIT_MODES}, None or a callable. Received: split={split!r}"
            )
        valid_ngrams = ngrams is None or (
            isinstance(ngrams, int) and not isinstance(ngrams, bool) and ngrams >= 1
        )
        if isinstance(ngrams, (list, tuple)):
            valid_ngrams = bool(ngrams) and all(
                isinstance(n, int) and not isinstance(n, bool) and n >= 1
                for n in ngrams
            )
        if not valid_ngrams:
            raise ValueError(
                f"{where}: `ngrams` must be None, an int >= 1, or a tuple of "
                f"ints >= 1. Received: ngrams={ngrams!r}"
            )
        if output_sequence_length is not None:
            if output_mode != "int":
                raise ValueError(
                    f"{where}: `output_sequence_length` must not be set if "
                    f"`output_mode` is not 'int'. Received: "
                    f"output_sequence_length={output_sequence_length!r}, "
                    f"output_mode={output_mode!r}"
                )
            if (
                not isinstance(output_sequence_length, int)
                or isinstance(output_sequence_length, bool)
                or output_sequence_length < 1
            ):
                raise ValueError(
                    f"{where}: `output_sequence_length` must be None or an int "
                    f">= 1. Received: output_sequence_length={output_sequence_length!r}"
                )
        if ragged and output_mode != "int":
            raise ValueError(
                f"{where}: `ragged=True` only applies to output_mode='int'. "
                f"Received: output_mode={output_mode!r}"
            )
        if ragged and output_sequence_length is not None:
            raise ValueError(
                f"{where}: `ragged=True` and `output_sequence_length` exclude "
                "each other (ragged outputs are not padded). Set only one."
            )
        if ragged and not backend.core.SUPPORTS_RAGGED_TENSORS:
            raise ValueError(
                f"{where}: `ragged=True` needs a backend with ragged tensors "
                f"(tensorflow); the backend is '{backend.backend()}'. Use "
                "ragged=False (outputs padded with 0)."
            )

    # Vocabulary.

    def get_vocabulary(self, include_special_tokens=True):
        """Returns the vocabulary, ordered by index.

        Args:
            include_special_tokens: Whether the mask (`""`, `"int"` mode)
                and OOV (`"[UNK]"`) tokens are included.
        """
        return self._lookup_layer.get_vocabulary(include_special_tokens)

    def vocabulary_size(self):
        """Returns the number of indices, special tokens included."""
        return self._lookup_layer.vocabulary_size()

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Sets the vocabulary (and, for `"tf_idf"`, the IDF weights).

        Args:
            vocabulary: A list or array of tokens, or a path to a text file
                with one token per line.
            idf_weights: The IDF weight of each vocabulary token (required
                with `output_mode="tf_idf"`).
        """
        self._lookup_layer.set_vocabulary(vocabulary, idf_weights)

    def adapt(self, data, batch_size=None, steps=None):
        """Builds the vocabulary from text: the most frequent tokens first.

        Args:
            data: Strings: an array, tensor, `tf.data.Dataset` or iterable
                of batches. Each string is a document for the IDF weights.
            batch_size: Strings per batch when `data` is an array.
            steps: The most batches to read (all by default).

        Example:

        >>> layer = keras_core.layers.TextVectorization()
        >>> layer.adapt(["the cat", "the dog"])
        >>> layer.get_vocabulary()
        ['', '[UNK]', 'the', 'dog', 'cat']
        """
        self.reset_state()
        for batch in preprocessing_utils.adapt_batches(data, batch_size, steps):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        """Counts the tokens of one batch of strings (see `adapt`)."""
        counter = self._lookup_layer._counter()
        rows = self._token_rows(preprocessing_utils.to_numpy_data(data))
        lengths = [len(row) for row in rows]
        tokens = np.array([token for row in rows for token in row], dtype=str)
        counter.update(tokens, np.repeat(np.arange(len(rows)), lengths), len(rows))

    def finalize_state(self):
        """Installs the vocabulary counted since the last `reset_state`."""
        self._lookup_layer.finalize_state()

    def reset_state(self):
        """Forgets the token counts `update_state` accumulated."""
        self._lookup_layer.reset_state()

    # Calling.

    def _strings_of(self, values):
        strings = self._lookup_layer._host_tokens(values)
        if strings.ndim == 2 and strings.shape[-1] == 1:
            return strings[:, 0]
        if strings.ndim > 1:
            raise ValueError(
                f"Layer '{self.name}' (TextVectorization) tokenizes strings of "
                "shape (batch,) or (batch, 1): the input rank must be 1 or the "
                f"last dimension 1. Received: inputs.shape={strings.shape} with "
                f"rank={strings.ndim}"
            )
        return strings.reshape(-1)

    def _token_rows(self, values):
        strings = self._strings_of(values)
        standardized = text.standardize(
            strings, self.standardize, self.encoding, self.name
        )
        rows = text.split(standardized, self.split, self.encoding, self.name)
        return text.make_ngrams(rows, self._ngram_widths)

    def _flat_indices(self, values):
        rows = self._token_rows(values)
        lengths = np.array([len(row) for row in rows], dtype=np.int64)
        tokens = np.array([token for row in rows for token in row], dtype=str)
        return self._lookup_layer._lookup_host(tokens), lengths

    def _elementwise(self):
        # Unsplit strings are one token each (n-grams of width > 1 of one
        # token are empty), so "int" outputs keep the input's shape.
        widths = self._ngram_widths
        return (
            self.output_mode == "int"
            and self.split is None
            and self.output_sequence_length is None
            and (widths is None or 1 in widths)
        )

    def _indices(self, values):
        """Padded int64 indices `(batch, length)` of a batch of strings."""
        values = np.asarray(values)
        if self._elementwise():
            # One token per string: the indices keep the input's shape.
            flat, _ = self._flat_indices(values.reshape(-1))
            return flat.reshape(values.shape)
        flat, lengths = self._flat_indices(values)
        length = self.output_sequence_length
        if length is None:
            length = int(lengths.max()) if len(lengths) else 0
        padding = 0 if self.output_mode == "int" else -1
        padded = np.full((len(lengths), length), padding, dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        for row, size in enumerate(lengths.tolist()):
            size = min(size, length)
            padded[row, :size] = flat[offsets[row] : offsets[row] + size]
        return padded

    def call(self, inputs):
        lookup = self._lookup_layer
        lookup._check_vocabulary_is_set()
        string_ops = tensorflow_string_ops(inputs)
        values = None if string_ops else preprocessing_utils.concrete_values(inputs)
        if values is None and string_ops is None:
            raise TypeError(
                f"Layer '{self.name}' (TextVectorization) processes text on the "
                "host, so it cannot run inside a traced function (jit) on this "
                f"backend. Received: {inputs!r:.80}. Call the layer on the data "
                "before the model, or in a tf.data pipeline."
            )
        scalar = len(inputs.shape if values is None else values.shape) == 0
        if scalar:
            inputs = ops.expand_dims(inputs, 0) if values is None else values[None]
            values = None if string_ops else inputs
        if self.ragged:
            if string_ops is not None:
                outputs = string_ops.host_call_ragged(
                    self._flat_indices, inputs, "int64"
                )
            else:
                outputs = _import_tensorflow_string_ops().ragged_from_row_lengths(
                    *self._flat_indices(values), "int64"
                )
        else:
            if string_ops is not None:
                shape = self.compute_output_shape(tuple(inputs.shape))
                if self.output_mode != "int":
                    shape = (shape[0], None)
                indices = string_ops.host_call(self._indices, inputs, "int64", shape)
            else:
                indices = ops.convert_to_tensor(self._indices(values), index_dtype())
            outputs = self._encode(indices)
        return outputs[0] if scalar else outputs

    def _encode(self, indices):
        lookup = self._lookup_layer
        if self.output_mode == "int":
            return indices
        depth = lookup._output_depth()
        if self.output_mode == "one_hot":
            return ops.one_hot(indices, depth, dtype=self.compute_dtype)
        idf = None
        if self.output_mode == "tf_idf":
            idf = ops.convert_to_tensor(lookup._idf_array(), self.compute_dtype)
        return preprocessing_utils.encode_categorical_inputs(
            indices,
            self.output_mode,
            depth,
            dtype=self.compute_dtype,
            sparse=self.sparse,
            idf_weights=idf,
        )

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        batch = input_shape[:1]
        if self.output_mode == "int":
            if self._elementwise():
                return input_shape
            return (*batch, self.output_sequence_length)
        depth = self._lookup_layer._output_depth()
        if self.output_mode == "one_hot":
            return (*batch, None, depth)
        return (*batch, depth)

    def compute_output_spec(self, inputs):
        dtype = index_dtype() if self.output_mode == "int" else self.compute_dtype
        return KerasTensor(
            self.compute_output_shape(inputs.shape),
            dtype=dtype,
            sparse=self.sparse,
            ragged=self.ragged,
        )

    # Saving: the lookup layer is private, so this layer saves its state.

    def save_own_variables(self, store):
        self._lookup_layer.save_own_variables(store)

    def load_own_variables(self, store):
        self._lookup_layer.load_own_variables(store)

    def save_assets(self, dir_path):
        self._lookup_layer.save_assets(dir_path)

    def load_assets(self, dir_path):
        self._lookup_layer.load_assets(dir_path)

    @classmethod
    def from_config(cls, config):
        refuse_vocabulary_path(cls, config)
        return super().from_config(config)

    def get_config(self):
        config = super().get_config()
        lookup_config = self._lookup_layer.get_config()
        config.update(
            {
                "max_tokens": self.max_tokens,
                "standardize": self.standardize,
                "split": self.split,
                "ngrams": self.ngrams,
                "output_mode": self.output_mode,
                "output_sequence_length": self.output_sequence_length,
                "pad_to_max_tokens": self.pad_to_max_tokens,
                "sparse": self.sparse,
                "ragged": self.ragged,
                "vocabulary": lookup_config["vocabulary"],
                "idf_weights": lookup_config["idf_weights"],
                "encoding": self.encoding,
                "vocabulary_size": self.vocabulary_size(),
            }
        )
        return config


def _deserialize_callable(value):
    # A saved config holds a callable `standardize`/`split` serialized.
    if isinstance(value, dict):
        return serialization_lib.deserialize_keras_object(value)
    return value
