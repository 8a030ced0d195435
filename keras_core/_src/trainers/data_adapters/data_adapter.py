"""The base of every data adapter: one pass of batches, ready for the steps.

An adapter yields raw batches from its source; the base checks their form
and structure, turns `class_weight` into sample weights and converts the
values for the backend once, here, so the compiled steps never see
foreign types:

- NumPy arrays stay NumPy where the backend's steps take them directly
  (`BackendTrainer.accepts_numpy_batches`: `jax.jit` takes NumPy); elsewhere
  they become the backend's tensors on its default device.
- Tensors of another framework (a torch `DataLoader` on the jax backend)
  pass through NumPy.
- Floats become `floatx()`: every float array for in-memory arrays (as
  Keras does), only float64 for streams (JAX without x64 cannot hold it,
  and every backend must see the same values). Integers, bools and
  strings keep their dtype.
"""

import numpy as np

from keras_core._src import backend
from keras_core._src.backend.common import config
from keras_core._src.backend.common.dtypes import standardize_dtype
from keras_core._src.backend.common.numpy_dtypes import to_numpy_dtype
from keras_core._src.trainers.data_adapters import data_utils
from keras_core._src.tree import tree_api as tree

_BATCH_FORMS = (
    "a tuple `(x,)`, `(x, y)` or `(x, y, sample_weight)`, an array, or a dict of arrays"
)


class _Placeholder:
    """Stands for a leaf when a batch structure is shown in an error."""

    def __init__(self, leaf):
        self.name = "None" if leaf is None else type(leaf).__name__

    def __repr__(self):
        return self.name


def describe_structure(structure):
    """`structure` with each leaf shown as its type name, for errors."""
    return repr(tree.map_structure(_Placeholder, structure))


def _none_positions(structure):
    return [leaf is None for leaf in tree.flatten(structure)]


def _numpy_batches():
    return bool(getattr(backend.BackendTrainer, "accepts_numpy_batches", False))


class DataAdapter:
    """A source of batches for fit/evaluate/predict.

    Subclasses implement `_raw_batches()` (one pass over the data, as
    `(x,)`, `(x, y)`, `(x, y, sample_weight)` or bare `x`) and
    `num_batches`, and name their source in `source` for errors.

    Args:
        class_weight: Optional dict from class index to weight, applied to
            the targets of each batch.
    """

    source = "the data"
    casts_all_floats = False
    checks_structure = True

    def __init__(self, class_weight=None):
        if class_weight is not None:
            data_utils.check_class_weight(class_weight)
        self._class_weight = class_weight
        self._first_structure = None
        self._numpy_batches = _numpy_batches()
        self._floatx = config.floatx()

    @property
    def num_batches(self):
        """Batches in one pass, or None when unknown (or infinite)."""
        return None

    def on_epoch_begin(self):
        """Called before the batches of each epoch."""

    def on_epoch_end(self):
        """Called after the batches of each epoch."""

    def _raw_batches(self):
        raise NotImplementedError(
            f"{type(self).__name__} must implement `_raw_batches()`."
        )

    def get_batches(self):
        """Yields one pass of batches, packed and converted for the backend."""
        for index, raw in enumerate(self._raw_batches()):
            x, y, sample_weight = self.standardize_batch(raw, index)
            if self._class_weight is not None:
                x, y, sample_weight = data_utils.class_weight_batch(
                    x, y, sample_weight, self._class_weight, self.source
                )
            if type(x) is np.ndarray and y is None and sample_weight is None:
                # predict() on one array: the structure walk costs more than
                # the conversion.
                yield self._convert_leaf(x)
                continue
            batch = tree.map_structure(self._convert_leaf, (x, y, sample_weight))
            yield data_utils.pack_x_y_sample_weight(*batch)

    def standardize_batch(self, raw, index):
        """`(x, y, sample_weight)` of a raw batch, after checking its form."""
        if isinstance(raw, (tuple, list)):
            if not 1 <= len(raw) <= 3:
                raise ValueError(
                    f"{self.source} yielded a batch that is a "
                    f"{type(raw).__name__} of {len(raw)} items: "
                    f"{describe_structure(raw)}. Expected {_BATCH_FORMS}."
                )
        elif not (isinstance(raw, dict) or data_utils.is_array_like(raw)):
            raise ValueError(
                f"{self.source} yielded a batch of type {type(raw).__name__}: "
                f"{raw!r:.200}. Expected {_BATCH_FORMS}."
            )
        batch = data_utils.unpack_x_y_sample_weight(raw)
        if self.checks_structure:
            self._check_structure(batch, index)
        return batch

    def _check_structure(self, batch, index):
        if self._first_structure is None:
            self._first_structure = batch
            return
        first = self._first_structure
        try:
            tree.assert_same_structure(first, batch)
            same = _none_positions(first) == _none_positions(batch)
        except ValueError:
            same = False
        if not same:
            raise ValueError(
                f"{self.source} yielded batches of different structures: the "
                f"first was (x, y, sample_weight) = {describe_structure(first)}"
                f", but batch {index} of this pass is "
                f"{describe_structure(batch)}. Every batch must have the "
                "structure of the first one."
            )

    def _casts(self, dtype):
        try:
            dtype = standardize_dtype(dtype)
        except (TypeError, ValueError):
            # Object arrays and the like: the backend's conversion names them.
            return False
        if dtype == self._floatx or not dtype.startswith(("float", "bfloat")):
            return False
        return self.casts_all_floats or dtype == "float64"

    def _convert_leaf(self, leaf):
        if leaf is None:
            return None
        if isinstance(leaf, np.ndarray):
            array = leaf
        elif backend.core.is_tensor(leaf):
            dtype = self._floatx if self._casts(leaf.dtype) else None
            return backend.core.convert_to_tensor(leaf, dtype=dtype)
        else:
            array = data_utils.to_numpy(leaf)
        if self._casts(array.dtype):
            array = array.astype(to_numpy_dtype(self._floatx))
        if self._numpy_batches:
            return array
        return backend.core.convert_to_tensor(array)
