"""`CategoryEncoding`: one-hot, multi-hot or count encoding of integer tokens."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["CategoryEncoding"]

_MODES = ("one_hot", "multi_hot", "count")


@keras_public("keras.layers")
class CategoryEncoding(DataLayer):
    """Encodes integer tokens in `[0, num_tokens)` as dense (or sparse) vectors.

    - `"one_hot"`: each token becomes a vector of `num_tokens` with a 1 at
      its index; a trailing axis of size 1 is replaced by the encoding, so
      `(batch, 1)` gives `(batch, num_tokens)`.
    - `"multi_hot"`: each sample (the last axis) becomes one vector with a 1
      at every token present; `(batch, length)` gives
      `(batch, num_tokens)`, and a rank-1 input is one sample.
    - `"count"`: like `"multi_hot"`, counting each token's occurrences
      (summing `count_weights` instead, when given).

    Tokens must be in `[0, num_tokens)`; eagerly this is checked, while in a
    compiled function an out-of-range token encodes to nothing.

    Args:
        num_tokens: The number of distinct tokens (the output size).
        output_mode: `"one_hot"`, `"multi_hot"` (the default) or `"count"`.
        sparse: Whether to return sparse tensors (jax and tensorflow).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: Integer tokens, of rank 0 or more.
        count_weights: Weights of `inputs`' shape, summed per token in
            `"count"` mode.

    Example:

    >>> layer = keras_core.layers.CategoryEncoding(num_tokens=4, output_mode="count")
    >>> numpy.asarray(layer(numpy.array([[0, 1, 1], [3, 3, 2]]))).tolist()
    [[1.0, 2.0, 0.0, 0.0], [0.0, 0.0, 1.0, 2.0]]
    """

    def __init__(
        self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs
    ):
        super().__init__(**kwargs)
        if num_tokens is None:
            raise ValueError(
                "CategoryEncoding: `num_tokens` must be set to use this layer. "
                "If the number of tokens is not known beforehand, use the "
                "IntegerLookup layer instead."
            )
        if (
            not isinstance(num_tokens, int)
            or isinstance(num_tokens, bool)
            or num_tokens < 1
        ):
            raise ValueError(
                "CategoryEncoding: `num_tokens` must be an int >= 1. Received: "
                f"num_tokens={num_tokens!r}"
            )
        preprocessing_utils.check_output_mode("CategoryEncoding", output_mode, _MODES)
        preprocessing_utils.check_sparse("CategoryEncoding", sparse, output_mode)
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse
        # Tokens must reach `call` as given: autocast would turn float
        # tokens into floats of the compute dtype, int outputs into ints.
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True

    def call(self, inputs, count_weights=None):
        if count_weights is not None and self.output_mode != "count":
            raise ValueError(
                f"CategoryEncoding '{self.name}': `count_weights` is only used "
                f"with output_mode='count', but output_mode={self.output_mode!r}. "
                "Drop `count_weights`, or use output_mode='count'."
            )
        inputs = ops.convert_to_tensor(inputs)
        if not is_int_dtype(inputs.dtype):
            inputs = ops.cast(inputs, "int32")
        self._check_token_range(inputs)
        if count_weights is not None:
            count_weights = ops.convert_to_tensor(count_weights)
            if tuple(count_weights.shape) != tuple(inputs.shape):
                raise ValueError(
                    f"CategoryEncoding '{self.name}': `count_weights` must have "
                    f"the inputs' shape {tuple(inputs.shape)}. Received: "
                    f"count_weights of shape {tuple(count_weights.shape)}"
                )
        return preprocessing_utils.encode_categorical_inputs(
            inputs,
            output_mode=self.output_mode,
            depth=self.num_tokens,
            dtype=self.compute_dtype,
            sparse=self.sparse,
            count_weights=count_weights,
        )

    def _check_token_range(self, inputs):
        values = preprocessing_utils.concrete_values(inputs)
        if values is None or values.size == 0:
            return
        low, high = values.min(), values.max()
        if low < 0 or high >= self.num_tokens:
            raise ValueError(
                f"CategoryEncoding '{self.name}': input tokens must be in the "
                f"range [0, num_tokens) = [0, {self.num_tokens}), but received "
                f"values from {low} to {high}. Increase `num_tokens`, or map the "
                "inputs to indices first (e.g. with IntegerLookup)."
            )

    def compute_output_shape(self, input_shape):
        return preprocessing_utils.encoded_output_shape(
            input_shape, self.output_mode, self.num_tokens
        )

    def compute_output_spec(self, inputs, count_weights=None):
        return KerasTensor(
            self.compute_output_shape(inputs.shape),
            dtype=self.compute_dtype,
            sparse=self.sparse,
        )

    def get_config(self):
        # Keras's config has no `sparse`; the same keys keep files compatible.
        return {
            **super().get_config(),
            "num_tokens": self.num_tokens,
            "output_mode": self.output_mode,
        }
