"""Batches of in-memory arrays: NumPy, backend tensors, pandas, nested.

Every array becomes NumPy once, when the adapter is made (a GPU tensor is
copied to the host): batches are then cheap NumPy slices, shuffled with the
NumPy global generator that `keras_core.utils.set_random_seed` seeds.
"""

import math

import numpy as np

from keras_core._src.trainers.data_adapters import data_utils
from keras_core._src.trainers.data_adapters.data_adapter import DataAdapter
from keras_core._src.tree import tree_api as tree

DEFAULT_BATCH_SIZE = 32

EXPECTED_DATA = (
    "NumPy arrays, backend tensors or pandas objects (or nested lists, "
    "tuples and dicts of them), a tf.data.Dataset, a torch DataLoader, a "
    "Python generator or a keras_core.utils.PyDataset"
)


def _path_name(name, path):
    return name + "".join(f"[{key!r}]" for key in path)


def _as_numpy(name, structure):
    """`structure` with its arrays as NumPy, after checking each one."""
    if structure is None:
        return None
    checked = []
    for path, leaf in tree.flatten_with_path(structure):
        where = _path_name(name, path)
        if leaf is None:
            checked.append(None)
            continue
        if not data_utils.is_array_like(leaf):
            raise ValueError(
                f"Unrecognized data type: {where}={leaf!r:.100} (of type "
                f"{type(leaf).__name__}). Expected {EXPECTED_DATA}. A list "
                "of numbers must be made an array first: np.array(...)."
            )
        array = data_utils.to_numpy(leaf)
        if array.ndim == 0:
            raise ValueError(
                f"{where} is a scalar, but arrays need a batch axis (their "
                f"first axis counts the samples). Received: {where}={leaf!r:.100}"
            )
        if array.dtype.kind in "OSU":
            raise ValueError(
                f"{where} has dtype {array.dtype}, but array data must be "
                "numbers or bools. Encode strings as integer ids (for "
                "example with a StringLookup layer applied beforehand), or "
                "feed them through a tf.data.Dataset on the tensorflow backend."
            )
        checked.append(array)
    return tree.pack_sequence_as(structure, checked)


def check_batch_size(batch_size):
    """`batch_size`, or the default 32 when None; raises unless a positive int."""
    if batch_size is None:
        return DEFAULT_BATCH_SIZE
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise ValueError(
            "Argument `batch_size` must be a positive int (or None for 32). "
            f"Received: batch_size={batch_size!r}"
        )
    if batch_size < 1:
        raise ValueError(
            f"Argument `batch_size` must be a positive int. Received: "
            f"batch_size={batch_size}"
        )
    return int(batch_size)


class ArrayDataAdapter(DataAdapter):
    """Batches of arrays, shuffled each pass if asked.

    Args:
        x: The inputs: an array or a nested structure of arrays.
        y: The targets, likewise, or None.
        sample_weight: The sample weights, likewise, or None.
        batch_size: Samples per batch (None: 32). The last batch keeps the
            remaining samples, however few.
        shuffle: `False`, `True` (a new permutation of the samples each
            pass) or `"batch"` (the samples are shuffled within each batch,
            the batches keep their order, as Keras does for HDF5 data).
        class_weight: Optional dict from class index to weight.
    """

    source = "The array data"
    casts_all_floats = True
    checks_structure = False

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        shuffle=False,
        class_weight=None,
    ):
        super().__init__(class_weight=class_weight)
        if shuffle not in (True, False, "batch"):
            raise ValueError(
                "Argument `shuffle` must be True, False or 'batch'. "
                f"Received: shuffle={shuffle!r}"
            )
        self._batch_size = check_batch_size(batch_size)
        self._shuffle = shuffle
        x = _as_numpy("x", x)
        y = _as_numpy("y", y)
        sample_weight = _as_numpy("sample_weight", sample_weight)
        self._num_samples = data_utils.check_num_samples(
            (("x", x), ("y", y), ("sample_weight", sample_weight)), "The data"
        )
        if not self._num_samples:
            raise ValueError(
                "The array data yielded no batches: x has no samples "
                f"(x={x!r:.100}). Pass arrays with at least one sample."
            )
        if self._class_weight is not None:
            # Weighed once for all the samples: errors come before any step.
            x, y, sample_weight = data_utils.class_weight_batch(
                x, y, sample_weight, self._class_weight, "the array data"
            )
            self._class_weight = None
        self._data = (x, y, sample_weight)

    @property
    def num_batches(self):
        return math.ceil(self._num_samples / self._batch_size)

    @property
    def batch_size(self):
        """Samples per batch (the last one may have fewer)."""
        return self._batch_size

    def _batch_indices(self):
        total, size = self._num_samples, self._batch_size
        if self._shuffle is True:
            order = np.random.permutation(total)
            for start in range(0, total, size):
                yield order[start : start + size]
        elif self._shuffle == "batch":
            for start in range(0, total, size):
                stop = min(start + size, total)
                yield start + np.random.permutation(stop - start)
        else:
            for start in range(0, total, size):
                yield slice(start, start + size)

    def _raw_batches(self):
        x, y, sample_weight = self._data
        for index in self._batch_indices():
            yield data_utils.pack_x_y_sample_weight(
                _take(x, index), _take(y, index), _take(sample_weight, index)
            )


def _take(structure, index):
    if structure is None:
        return None
    if type(structure) is np.ndarray:
        return structure[index]
    return tree.map_structure(
        lambda leaf: None if leaf is None else leaf[index], structure
    )
