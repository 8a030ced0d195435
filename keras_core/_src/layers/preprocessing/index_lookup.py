"""`IndexLookup`: the shared base of `StringLookup` and `IntegerLookup`.

A lookup layer maps tokens to indices in a vocabulary, laid out as Keras
lays it out: in `"int"` mode, `[mask token] + [OOV token] * num_oov_indices
+ vocabulary`; in the encoded modes (`one_hot`, `multi_hot`, `count`,
`tf_idf`) the mask token has no index (it encodes to nothing).

The vocabulary lives on the host (see `index_lookup_utils`): concrete
inputs are looked up with NumPy and the indices become backend tensors;
the encoded modes then compute with `keras_core.ops`. Inputs with no
values yet are handled where they can be: integer tokens in a traced
function (`jit`, `tf.function`) are looked up with ops, and TensorFlow
string tensors in a graph (`tf.function`, `tf.data`) run the NumPy lookup
as a graph op.

The vocabulary is saved inside the model: in the config when it was given
as a list, else as the asset `vocabulary.txt` (one token per line, special
tokens first, as Keras writes it); TF-IDF weights are saved as the variable
`idf_weights`. Loading never opens a path named in a config.
"""

import os
import sys

import numpy as np

from keras_core import ops
from keras_core._src import backend
from keras_core._src.backend.common import dtypes
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import index_lookup_utils as utils
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = []

OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")
VOCABULARY_FILE = "vocabulary.txt"
_STRING_CAPABLE = {}


def tensorflow_string_ops(x):
    """The TensorFlow host-call helpers when `x` is a symbolic TensorFlow
    tensor (a graph being traced), else None.

    TensorFlow is only looked for once the user has imported it: a symbolic
    TensorFlow tensor cannot exist otherwise.
    """
    if "tensorflow" not in sys.modules:
        return None
    from keras_core._src.backend.tensorflow import string_ops

    return string_ops if string_ops.is_symbolic_tensor(x) else None


def index_dtype():
    """The dtype of indices (and integer tokens): `"int64"`, narrowed to
    `"int32"` on backends whose integer results are 32-bit."""
    return dtypes.narrowed_dtype("int64")


def string_output(array):
    """A NumPy string array as the backend's tensor where the backend has
    string tensors (tensorflow, numpy), else as the NumPy array itself."""
    core = backend.core
    capable = _STRING_CAPABLE.get(id(core))
    if capable is None:
        try:
            core.convert_to_tensor(np.array([""]))
            capable = True
        except (TypeError, ValueError):  # jax and torch have no string dtype
            capable = False
        _STRING_CAPABLE[id(core)] = capable
    return core.convert_to_tensor(array) if capable else array


def refuse_vocabulary_path(cls, config):
    """Raises if a config names a vocabulary file: loading never opens a
    path named in a config (the vocabulary is saved inside the model)."""
    if isinstance(config.get("vocabulary"), str):
        raise ValueError(
            f"{cls.__name__}.from_config() received a vocabulary file path, "
            f"vocabulary={config['vocabulary']!r}. Files named in a config are "
            "never opened: a saved model stores its vocabulary itself. Pass the "
            "tokens as a list, or call set_vocabulary() on the layer."
        )


class _VocabularyState:
    """Everything a lookup layer knows about its vocabulary.

    Kept in one plain object so that the layer's attribute tracking does
    not wrap (and walk) long token lists.
    """

    def __init__(self):
        self.tokens = None
        self.token_idf = None
        self.oov_idf = None
        self.saved_idf = None
        self.config_tokens = None
        self.config_idf = None
        self.static = False
        self.counter = None
        self.table = None
        self.idf_array = None


class IndexLookup(DataLayer):
    """Maps tokens to vocabulary indices (the base of the lookup layers).

    Subclasses set `_token_kind` (`"string"` or `"int"`) and define
    `_parse_tokens(values, what)` (vocabulary entries -> Python tokens) and
    `_host_tokens(array)` (input values -> a NumPy token array).

    Args:
        max_tokens: The largest vocabulary size, special tokens included,
            or None for no limit.
        num_oov_indices: How many indices out-of-vocabulary tokens hash to.
        mask_token: The token that maps to index 0 (`"int"` mode) or to
            nothing (encoded modes), or None.
        oov_token: The token `invert=True` returns for OOV indices.
        vocabulary: A list or array of tokens, a path to a text file with
            one token per line (read now, never at load time), or None.
        idf_weights: With `output_mode="tf_idf"` and a `vocabulary`, the
            inverse document frequency of each vocabulary token.
        invert: Whether to map indices back to tokens instead.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or
            `"tf_idf"`.
        pad_to_max_tokens: Whether encoded outputs have `max_tokens`
            entries even when the vocabulary is smaller.
        sparse: Whether encoded outputs are sparse tensors (backends with
            sparse tensors only).
        oov_method: How integer OOV tokens pick their bucket:
            `"floormod"` or `"farmhash"`.
        salt: None, an int or two ints: keys SipHash instead of FarmHash
            for hashed OOV buckets.
        encoding: The text encoding of bytes tokens.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.StringLookup(vocabulary=["a", "b"])
    >>> layer.get_vocabulary()
    ['[UNK]', 'a', 'b']
    """

    _token_kind = "string"

    def __init__(
        self,
        max_tokens,
        num_oov_indices,
        mask_token,
        oov_token,
        vocabulary=None,
        idf_weights=None,
        invert=False,
        output_mode="int",
        pad_to_max_tokens=False,
        sparse=False,
        oov_method="floormod",
        salt=None,
        encoding="utf-8",
        **kwargs,
    ):
        # Written by `get_config` so that a model rebuilt from its config
        # knows encoded output sizes before its vocabulary asset is loaded.
        expected_size = kwargs.pop("vocabulary_size", None)
        super().__init__(**kwargs)
        self._check_arguments(
            max_tokens,
            num_oov_indices,
            invert,
            output_mode,
            pad_to_max_tokens,
            sparse,
            oov_method,
            idf_weights,
        )
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.invert = invert
        self.output_mode = output_mode
        self.pad_to_max_tokens = pad_to_max_tokens
        self.sparse = sparse
        self.oov_method = oov_method
        salt = utils.normalize_salt(salt, self.name)
        self.salt = None if salt is None else tuple(salt)
        self.encoding = encoding
        self._expected_vocabulary_size = expected_size
        self._state = _VocabularyState()
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True
        # As in Keras: compiled (XLA) steps cannot run host lookups.
        self.supports_jit = not self._lookup_needs_host()
        if vocabulary is not None:
            self._set_vocabulary(vocabulary, idf_weights, from_argument=True)
        elif idf_weights is not None:
            raise ValueError(
                f"Layer '{self.name}': `idf_weights` goes with a `vocabulary` "
                "(one weight per token). Pass both, or neither and call "
                "`adapt()`."
            )
        self.built = True

    def _check_arguments(
        self,
        max_tokens,
        num_oov_indices,
        invert,
        output_mode,
        pad_to_max_tokens,
        sparse,
        oov_method,
        idf_weights,
    ):
        where = f"Layer '{self.name}' ({type(self).__name__})"
        if max_tokens is not None and (
            not isinstance(max_tokens, int) or isinstance(max_tokens, bool)
        ):
            raise ValueError(
                f"{where}: `max_tokens` must be None or an int. Received: "
                f"max_tokens={max_tokens!r}"
            )
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                f"{where}: if set, `max_tokens` must be greater than 1 (it "
                f"counts the special tokens too). Received: max_tokens={max_tokens}"
            )
        if not isinstance(num_oov_indices, int) or num_oov_indices < 0:
            raise ValueError(
                f"{where}: `num_oov_indices` must be an int >= 0. Received: "
                f"num_oov_indices={num_oov_indices!r}"
            )
        if output_mode not in OUTPUT_MODES:
            raise ValueError(
                f"{where}: unknown value for `output_mode`. Allowed values are "
                f"{OUTPUT_MODES}. Received: output_mode={output_mode!r}"
            )
        if invert and output_mode != "int":
            raise ValueError(
                f"{where}: `output_mode` must be 'int' when `invert=True` (it "
                f"maps indices back to tokens). Received: output_mode={output_mode!r}"
            )
        if pad_to_max_tokens and max_tokens is None:
            raise ValueError(
                f"{where}: `pad_to_max_tokens=True` pads outputs to "
                "`max_tokens`, which must then be set. Received: max_tokens=None"
            )
        if oov_method not in utils.OOV_METHODS:
            raise ValueError(
                f"{where}: unknown value for `oov_method`. Allowed values are "
                f"{utils.OOV_METHODS}. Received: oov_method={oov_method!r}"
            )
        if idf_weights is not None and output_mode != "tf_idf":
            raise ValueError(
                f"{where}: `idf_weights` should only be set if `output_mode` "
                f"is 'tf_idf'. Received: output_mode={output_mode!r}"
            )
        if sparse and output_mode == "int":
            raise ValueError(
                f"{where}: `sparse=True` needs an encoded output: set "
                "`output_mode` to 'one_hot', 'multi_hot', 'count' or 'tf_idf', "
                "or use sparse=False. Received: output_mode='int'"
            )
        if sparse and not backend.core.SUPPORTS_SPARSE_TENSORS:
            raise ValueError(
                f"{where}: `sparse=True` needs a backend with sparse tensors "
                f"(tensorflow or jax); the backend is '{backend.backend()}'. "
                "Use sparse=False."
            )

    # Vocabulary.

    def _special_tokens(self):
        specials = []
        if self.mask_token is not None and self.output_mode == "int":
            specials.append(self.mask_token)
        return specials + [self.oov_token] * self.num_oov_indices

    def _oov_start_index(self):
        return int(self.mask_token is not None and self.output_mode == "int")

    def get_vocabulary(self, include_special_tokens=True):
        """Returns the vocabulary, ordered by index.

        Args:
            include_special_tokens: Whether the mask and OOV tokens (at
                the start) are included.

        Returns:
            A list of tokens.
        """
        tokens = list(self._state.tokens or [])
        return self._special_tokens() + tokens if include_special_tokens else tokens

    def vocabulary_size(self):
        """Returns the number of indices, special tokens included."""
        return len(self._special_tokens()) + len(self._state.tokens or [])

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Sets the vocabulary (and, for `"tf_idf"`, the IDF weights).

        Args:
            vocabulary: A list or array of tokens, or a path to a text file
                with one token per line. It may start with the special
                tokens (mask, then OOV), as `get_vocabulary()` returns them.
            idf_weights: The IDF weight of each vocabulary token (required
                with `output_mode="tf_idf"`, refused otherwise).
        """
        self._set_vocabulary(vocabulary, idf_weights, from_argument=False)

    def _tokens_of(self, vocabulary, what):
        if isinstance(vocabulary, str):
            lines = utils.read_vocabulary_file(
                vocabulary,
                self.encoding,
                self.name,
                allow_empty_first=self.mask_token == "",
            )
            return self._parse_tokens(lines, "the vocabulary file")
        values = preprocessing_utils.to_numpy_data(vocabulary)
        return self._parse_tokens(np.asarray(values).reshape(-1).tolist(), what)

    def _set_vocabulary(self, vocabulary, idf_weights, from_argument):
        where = f"Layer '{self.name}' ({type(self).__name__})"
        if self.output_mode == "tf_idf" and idf_weights is None:
            raise ValueError(
                f"{where}: with output_mode='tf_idf', `idf_weights` must be "
                "given with the vocabulary (one weight per token)."
            )
        if self.output_mode != "tf_idf" and idf_weights is not None:
            raise ValueError(
                f"{where}: `idf_weights` should only be set if `output_mode` "
                f"is 'tf_idf'. Received: output_mode={self.output_mode!r}"
            )
        tokens = self._tokens_of(vocabulary, "`vocabulary`")
        idf = None
        if idf_weights is not None:
            idf = np.asarray(
                preprocessing_utils.to_numpy_data(idf_weights), dtype="float32"
            ).reshape(-1)
            if len(idf) != len(tokens):
                raise ValueError(
                    f"{where}: `idf_weights` must have one weight per "
                    f"vocabulary token. len(idf_weights) is {len(idf)}; "
                    f"len(vocabulary) is {len(tokens)}"
                )
        from_file = isinstance(vocabulary, str)
        self._state.saved_idf = None
        self._install(
            tokens,
            None if idf is None else idf.tolist(),
            config_tokens=tokens if from_argument and not from_file else None,
            config_idf=None if idf is None or not from_argument else idf.tolist(),
        )
        self._state.static = True

    def _install(self, tokens, idf=None, config_tokens=None, config_idf=None):
        """Validates and installs a vocabulary (special tokens may lead)."""
        where = f"Layer '{self.name}' ({type(self).__name__})"
        specials = self._special_tokens()
        count = len(specials)
        oov_idf = None
        if count and tokens[:count] == specials:
            tokens = tokens[count:]
            if idf is not None:
                oov_idf = idf[count - self.num_oov_indices : count]
                idf = idf[count:]
        seen = set()
        repeated = []
        for token in tokens:
            if token in seen and token not in repeated:
                repeated.append(token)
            seen.add(token)
        if repeated:
            raise ValueError(
                f"{where}: the vocabulary has repeated tokens; each token must "
                f"appear once. The repeated tokens are: {repeated[:10]}"
            )
        if self.mask_token is not None and self.mask_token in tokens:
            raise ValueError(
                f"{where}: found the mask token {self.mask_token!r} inside the "
                "vocabulary. The vocabulary does not need the mask and OOV "
                "tokens; either leave them out, or put them only at its start, "
                f"in precisely this order: {specials}"
            )
        if self.max_tokens is not None and count + len(tokens) > self.max_tokens:
            raise ValueError(
                f"{where}: the vocabulary has {count + len(tokens)} entries with "
                f"the special tokens, more than max_tokens={self.max_tokens}. "
                "Shorten the vocabulary or raise `max_tokens`."
            )
        state = self._state
        state.tokens = list(tokens)
        state.token_idf = None if idf is None else list(idf)
        state.oov_idf = oov_idf
        state.config_tokens = None if config_tokens is None else list(config_tokens)
        state.config_idf = config_idf
        state.static = False
        state.table = None
        state.idf_array = None
        if state.saved_idf is not None:
            self._apply_saved_idf()

    def _check_vocabulary_is_set(self):
        if self._state.tokens is None:
            raise RuntimeError(
                f"Layer '{self.name}' ({type(self).__name__}) has no vocabulary "
                "yet. Pass a `vocabulary` argument to the layer, or call "
                "`adapt()` with some sample data, before calling it."
            )

    def _output_depth(self):
        if self.pad_to_max_tokens:
            return self.max_tokens
        if self._state.tokens is not None:
            return self.vocabulary_size()
        return self._expected_vocabulary_size

    def _idf_array(self):
        state = self._state
        if state.idf_array is None:
            depth = self._output_depth()
            array = np.zeros((depth,), dtype="float32")
            token_idf = state.token_idf or []
            oov_idf = state.oov_idf
            if oov_idf is None:
                mean = float(np.mean(token_idf)) if token_idf else 0.0
                oov_idf = [mean] * self.num_oov_indices
            array[: self.num_oov_indices] = oov_idf
            start = self.num_oov_indices
            array[start : start + len(token_idf)] = token_idf
            state.idf_array = array
        return state.idf_array

    @property
    def idf_weights(self):
        """The IDF weight of each output index (`"tf_idf"` mode), or None."""
        if self.output_mode != "tf_idf" or self._state.tokens is None:
            return None
        return ops.convert_to_tensor(self._idf_array())

    # Adapting.

    def adapt(self, data, steps=None):
        """Builds the vocabulary from data: the most frequent tokens first.

        Args:
            data: An array, tensor, `tf.data.Dataset` or iterable of batches.
            steps: The most batches to read (all by default).

        Example:

        >>> layer = keras_core.layers.StringLookup()
        >>> layer.adapt(["b", "a", "b"])
        >>> layer.get_vocabulary()
        ['[UNK]', 'b', 'a']
        """
        self.reset_state()
        for batch in preprocessing_utils.adapt_batches(data, steps=steps):
            self.update_state(batch)
        self.finalize_state()

    def _counter(self):
        if self._state.static:
            raise ValueError(
                f"Cannot adapt layer '{self.name}' after setting a static "
                "vocabulary via the `vocabulary` argument or `set_vocabulary()`."
                " Create the layer without a vocabulary to adapt it."
            )
        if self._state.counter is None:
            self._state.counter = utils.TokenCounter([self.mask_token, self.oov_token])
        return self._state.counter

    def update_state(self, data):
        """Counts the tokens of one batch (see `adapt`).

        Args:
            data: A batch: each row (each element of a 1D batch) is a
                document for the IDF weights.
        """
        counter = self._counter()
        tokens = self._host_tokens(preprocessing_utils.to_numpy_data(data))
        counter.update_array(tokens)

    def finalize_state(self):
        """Installs the vocabulary counted since the last `reset_state`."""
        counter = self._counter()
        limit = None
        if self.max_tokens is not None:
            limit = self.max_tokens - len(self._special_tokens())
        tokens, idf = counter.vocabulary(limit)
        self._state.saved_idf = None
        self._install(tokens, idf if self.output_mode == "tf_idf" else None)
        self._state.counter = None

    def reset_state(self):
        """Forgets the token counts `update_state` accumulated."""
        self._state.counter = None

    # Calling.

    def _lookup_needs_host(self):
        return True

    def _lookup_traced(self, inputs):
        raise TypeError(
            f"Layer '{self.name}' ({type(self).__name__}) looks its tokens up "
            "on the host, so it cannot run inside a traced function (jit) on "
            f"this backend. Received: {inputs!r:.80}. Call the layer eagerly "
            "before the model, or in a tf.data pipeline."
        )

    def _invert_traced(self, inputs):
        return self._lookup_traced(inputs)

    def _table(self):
        state = self._state
        if state.table is None:
            start = len(self._special_tokens())
            state.table = utils.VocabularyTable(state.tokens, start, self._token_kind)
        return state.table

    def _lookup_host(self, tokens):
        """Token array -> int64 index array (NumPy, any shape)."""
        flat = tokens.reshape(-1)
        indices, found = self._table().find(flat)
        indices = indices.copy()
        missing = ~found
        if self.mask_token is not None:
            is_mask = flat == self.mask_token
            indices[is_mask] = 0 if self.output_mode == "int" else -1
            missing &= ~is_mask
        if missing.any():
            indices[missing] = self._oov_indices(flat[missing])
        return indices.reshape(tokens.shape)

    def _oov_indices(self, tokens):
        start = self._oov_start_index()
        if self.num_oov_indices == 0:
            raise ValueError(
                f"Layer '{self.name}' ({type(self).__name__}): tokens "
                f"{tokens[:5].tolist()} are not in the vocabulary, and "
                "`num_oov_indices=0` leaves no index for them. Add them to the "
                "vocabulary, or set num_oov_indices >= 1."
            )
        if self.num_oov_indices == 1:
            return start
        buckets = utils.oov_buckets(
            tokens, self.num_oov_indices, self.oov_method, self.salt, self.encoding
        )
        return start + buckets

    def _lookup_raw(self, value):
        return self._lookup_host(self._host_tokens(value))

    def _invert_host(self, indices):
        indices = np.asarray(indices)
        if indices.dtype.kind not in "iu":
            raise TypeError(
                f"Layer '{self.name}' ({type(self).__name__}) with invert=True "
                f"maps integer indices to tokens, but received dtype "
                f"{indices.dtype}. Pass integer indices."
            )
        dtype = str if self._token_kind == "string" else np.int64
        table = np.array(self.get_vocabulary(), dtype=dtype)
        if not len(table):
            return np.full(indices.shape, self.oov_token, dtype=dtype)
        valid = (indices >= 0) & (indices < len(table))
        picked = table[np.clip(indices, 0, len(table) - 1)]
        return np.where(valid, picked, np.array(self.oov_token, dtype=dtype))

    def call(self, inputs):
        self._check_vocabulary_is_set()
        if self.invert:
            return self._invert(inputs)
        indices = self._lookup(inputs)
        if self.output_mode == "int":
            return indices
        idf = None
        if self.output_mode == "tf_idf":
            idf = ops.convert_to_tensor(self._idf_array(), self.compute_dtype)
        return preprocessing_utils.encode_categorical_inputs(
            indices,
            self.output_mode,
            self._output_depth(),
            dtype=self.compute_dtype,
            sparse=self.sparse,
            idf_weights=idf,
        )

    def _lookup(self, inputs):
        string_ops = tensorflow_string_ops(inputs)
        values = None if string_ops else preprocessing_utils.concrete_values(inputs)
        if values is not None:
            return ops.convert_to_tensor(self._lookup_raw(values), index_dtype())
        if string_ops is not None and self._lookup_needs_host():
            return string_ops.host_call(self._lookup_raw, inputs, "int64", inputs.shape)
        return self._lookup_traced(inputs)

    def _invert(self, inputs):
        string_ops = tensorflow_string_ops(inputs)
        values = None if string_ops else preprocessing_utils.concrete_values(inputs)
        if values is not None:
            tokens = self._invert_host(values)
            if self._token_kind == "string":
                return string_output(tokens)
            return ops.convert_to_tensor(tokens, index_dtype())
        if string_ops is not None and self._token_kind == "string":
            return string_ops.host_call(
                self._invert_host, inputs, "string", inputs.shape
            )
        return self._invert_traced(inputs)

    def _output_dtype(self):
        if self.output_mode != "int":
            return self.compute_dtype
        if self.invert and self._token_kind == "string":
            return "string"
        return index_dtype()

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        return preprocessing_utils.encoded_output_shape(
            input_shape, self.output_mode, self._output_depth()
        )

    def compute_output_spec(self, inputs):
        return KerasTensor(
            self.compute_output_shape(inputs.shape),
            dtype=self._output_dtype(),
            sparse=self.sparse,
        )

    # Saving.

    def save_own_variables(self, store):
        if self.output_mode == "tf_idf" and self._state.tokens is not None:
            store["idf_weights"] = self._idf_array()

    def load_own_variables(self, store):
        if "idf_weights" in list(store):
            self._state.saved_idf = np.asarray(store["idf_weights"], dtype="float32")
            if self._state.tokens is not None:
                self._apply_saved_idf()

    def _apply_saved_idf(self):
        state = self._state
        saved = state.saved_idf
        count = self.num_oov_indices
        state.oov_idf = saved[:count].tolist()
        state.token_idf = saved[count : count + len(state.tokens)].tolist()
        state.idf_array = None

    def save_assets(self, dir_path):
        state = self._state
        if state.tokens is None or state.config_tokens is not None:
            return
        utils.write_vocabulary_file(
            os.path.join(dir_path, VOCABULARY_FILE), self.get_vocabulary(), self.name
        )

    def load_assets(self, dir_path):
        path = os.path.join(dir_path, VOCABULARY_FILE)
        if not os.path.isfile(path):
            return
        lines = utils.read_vocabulary_file(
            path, "utf-8", self.name, allow_empty_first=self.mask_token == ""
        )
        self._install(self._parse_tokens(lines, "the saved vocabulary"))

    @classmethod
    def from_config(cls, config):
        refuse_vocabulary_path(cls, config)
        return super().from_config(config)

    def _base_config(self):
        config = super().get_config()
        state = self._state
        config.update(
            {
                "invert": self.invert,
                "max_tokens": self.max_tokens,
                "num_oov_indices": self.num_oov_indices,
                "oov_token": self.oov_token,
                "mask_token": self.mask_token,
                "output_mode": self.output_mode,
                "sparse": self.sparse,
                "pad_to_max_tokens": self.pad_to_max_tokens,
            }
        )
        return config, {
            "idf_weights": None if state.config_idf is None else list(state.config_idf),
            "vocabulary": (
                None if state.config_tokens is None else list(state.config_tokens)
            ),
            "vocabulary_size": self.vocabulary_size(),
            "oov_method": self.oov_method,
            "salt": None if self.salt is None else list(self.salt),
        }
