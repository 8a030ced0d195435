"""`Discretization`: buckets continuous values into ranges."""

import itertools

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.dtypes import is_float_dtype
from keras_core._src.backend.common.dtypes import is_int_dtype
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.preprocessing import preprocessing_utils
from keras_core._src.layers.preprocessing import quantiles
from keras_core._src.layers.preprocessing.data_layer import DataLayer

__all__ = ["Discretization"]


@keras_public("keras.layers")
class Discretization(DataLayer):
    """Buckets numbers into ranges given by sorted bin boundaries.

    With boundaries `[0., 1., 2.]` the bins are `(-inf, 0)`, `[0, 1)`,
    `[1, 2)` and `[2, inf)`, indexed 0 to 3 (NaN goes to the last bin).
    The boundaries are given, or learned with `adapt()` as approximate
    quantiles splitting the data into `num_bins` bins of equal size. Learned
    boundaries are part of the layer's config, so they are saved with it.

    Args:
        bin_boundaries: Sorted list of boundaries; exclusive with `num_bins`.
        num_bins: The number of bins to learn with `adapt()`.
        epsilon: The resolution of the quantile summary `adapt()` keeps:
            about `1 / epsilon` points; smaller is more exact and slower.
        output_mode: `"int"` (bin indices), `"one_hot"`, `"multi_hot"` or
            `"count"` (see `CategoryEncoding`).
        sparse: Whether encoded outputs are sparse tensors (jax and
            tensorflow; not with `"int"`).
        dtype: The dtype of encoded outputs (int outputs are int32).
        name: The layer's name.

    Example:

    >>> layer = keras_core.layers.Discretization(bin_boundaries=[0.0, 1.0])
    >>> numpy.asarray(layer(numpy.array([-0.5, 0.5, 1.0, 2.0]))).tolist()
    [0, 1, 2, 2]
    """

    def __init__(
        self,
        bin_boundaries=None,
        num_bins=None,
        epsilon=0.01,
        output_mode="int",
        sparse=False,
        dtype=None,
        name=None,
    ):
        super().__init__(name=name, dtype=dtype)
        if bin_boundaries is not None and num_bins is not None:
            raise ValueError(
                "Discretization: set either `num_bins` (to learn the boundaries "
                "with adapt()) or `bin_boundaries`, not both. Received: "
                f"num_bins={num_bins!r} and bin_boundaries={bin_boundaries!r}"
            )
        if bin_boundaries is None and num_bins is None:
            raise ValueError(
                "Discretization: set either `num_bins` (and call adapt()) or "
                "`bin_boundaries`. Received neither."
            )
        if num_bins is not None and (
            not isinstance(num_bins, int) or isinstance(num_bins, bool) or num_bins < 1
        ):
            raise ValueError(
                "Discretization: `num_bins` must be a positive int. Received: "
                f"num_bins={num_bins!r}"
            )
        if not 0 < epsilon < 1:
            raise ValueError(
                "Discretization: `epsilon` must be between 0 and 1 (exclusive). "
                f"Received: epsilon={epsilon!r}"
            )
        preprocessing_utils.check_output_mode("Discretization", output_mode)
        preprocessing_utils.check_sparse("Discretization", sparse, output_mode)
        self.input_bin_boundaries = bin_boundaries
        self.bin_boundaries = _checked_boundaries(bin_boundaries)
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse
        self.summary = quantiles.empty_summary()
        self.built = True

    @property
    def input_dtype(self):
        # Values are bucketed as floats even when encoded outputs are ints.
        dtype = self.compute_dtype
        return dtype if is_float_dtype(dtype) else "float32"

    def _depth(self):
        if self.bin_boundaries is not None:
            return len(self.bin_boundaries) + 1
        return self.num_bins

    def _output_dtype(self):
        if self.output_mode == "int":
            return self.compute_dtype if is_int_dtype(self.compute_dtype) else "int32"
        return self.compute_dtype

    def adapt(self, data, steps=None):
        """Learns `num_bins` bins of equal size from `data` (approximate quantiles).

        Args:
            data: A NumPy array, a backend tensor, a `tf.data.Dataset`, or an
                iterable of batches (arrays or tensors).
            steps: The most batches to read (all by default).
        """
        if self.input_bin_boundaries is not None:
            raise ValueError(
                f"Discretization '{self.name}' was created with `bin_boundaries`; "
                "adapt() cannot change them. Create the layer with `num_bins` "
                "to learn the boundaries from data."
            )
        self.reset_state()
        for batch in preprocessing_utils.adapt_batches(data, steps=steps):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        """Adds one batch of values to the quantile summary."""
        batch = quantiles.summarize(
            preprocessing_utils.to_numpy_data(data), self.epsilon
        )
        self.summary = quantiles.merge(self.summary, batch, self.epsilon)

    def finalize_state(self):
        """Sets `bin_boundaries` from the summary gathered so far."""
        if self.input_bin_boundaries is not None:
            return
        if self.summary.shape[1] == 0:
            raise ValueError(
                f"Discretization '{self.name}': adapt() received no data. Pass "
                "a non-empty array, tensor or dataset."
            )
        self.bin_boundaries = quantiles.bin_boundaries(self.summary, self.num_bins)

    def reset_state(self):
        """Forgets the data summarized so far (the boundaries stay until adapted)."""
        if self.input_bin_boundaries is not None:
            return
        self.summary = quantiles.empty_summary()

    def call(self, inputs):
        if self.bin_boundaries is None:
            raise ValueError(
                f"Discretization '{self.name}' has no bin boundaries yet: pass "
                "`bin_boundaries` when creating it, or call `adapt(data)` "
                "before using it."
            )
        inputs = ops.convert_to_tensor(inputs)
        if not is_float_dtype(inputs.dtype):
            inputs = ops.cast(inputs, self.input_dtype)
        indices = ops.digitize(inputs, self.bin_boundaries)
        return preprocessing_utils.encode_categorical_inputs(
            indices,
            output_mode=self.output_mode,
            depth=self._depth(),
            dtype=self._output_dtype(),
            sparse=self.sparse,
        )

    def compute_output_shape(self, input_shape):
        return preprocessing_utils.encoded_output_shape(
            input_shape, self.output_mode, self._depth()
        )

    def compute_output_spec(self, inputs):
        return KerasTensor(
            self.compute_output_shape(inputs.shape),
            dtype=self._output_dtype(),
            sparse=self.sparse,
        )

    def get_config(self):
        return {
            "bin_boundaries": (
                None if self.bin_boundaries is None else list(self.bin_boundaries)
            ),
            "num_bins": self.num_bins,
            "epsilon": self.epsilon,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype_policy.name,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        bin_boundaries = config.get("bin_boundaries")
        if bin_boundaries is None or config.get("num_bins") is None:
            return cls(**config)
        # An adapted layer's config has both: rebuild it as adapted.
        config["bin_boundaries"] = None
        layer = cls(**config)
        layer.bin_boundaries = _checked_boundaries(bin_boundaries)
        return layer


def _checked_boundaries(bin_boundaries):
    if bin_boundaries is None:
        return None
    boundaries = [float(value) for value in bin_boundaries]
    if any(high < low for low, high in itertools.pairwise(boundaries)):
        raise ValueError(
            "Discretization: `bin_boundaries` must be sorted in increasing "
            f"order. Received: bin_boundaries={list(bin_boundaries)}"
        )
    return boundaries
