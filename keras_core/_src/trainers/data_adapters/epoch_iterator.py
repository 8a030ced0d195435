"""`EpochIterator`: the batches of each epoch, grouped for the steps.

Epochs and passes over the data differ when `steps_per_epoch` (or
`keras_core.config.max_steps_per_epoch()`) is set: an epoch then takes that
many batches and the next one continues the same pass, as in Keras. A pass
that runs out ends the epoch early, and the next epoch starts a new pass
(for a generator, which cannot restart, that new pass is empty). Without a
limit, each epoch is one whole pass.
"""

import types
import warnings

import numpy as np

from keras_core._src.backend.common import config
from keras_core._src.trainers.data_adapters import data_utils
from keras_core._src.trainers.data_adapters.array_adapter import EXPECTED_DATA
from keras_core._src.trainers.data_adapters.array_adapter import ArrayDataAdapter
from keras_core._src.trainers.data_adapters.generator_adapter import (
    GeneratorDataAdapter,
)
from keras_core._src.trainers.data_adapters.py_dataset_adapter import PyDatasetAdapter
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import TFDatasetAdapter
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import is_tf_dataset
from keras_core._src.trainers.data_adapters.torch_dataloader_adapter import (
    TorchDataLoaderAdapter,
)
from keras_core._src.trainers.data_adapters.torch_dataloader_adapter import (
    is_torch_dataloader,
)
from keras_core._src.tree import tree_api as tree
from keras_core._src.utils.py_dataset import PyDataset


def _is_iterator(x):
    return isinstance(x, types.GeneratorType) or (
        hasattr(x, "__next__") and hasattr(x, "__iter__")
    )


def _check_no_arrays_with(kind, y, sample_weight):
    """Raises if `y`/`sample_weight` come with data that yields batches."""
    for name, value, where in (
        ("y", y, "the targets"),
        ("sample_weight", sample_weight, "the sample weights"),
    ):
        if value is not None:
            raise ValueError(
                f"When providing `x` as {kind}, `{name}` should not be "
                f"passed. Instead, {where} should be included as part of "
                f"{kind} (batches of (x, y, sample_weight))."
            )


def get_data_adapter(
    x,
    y=None,
    sample_weight=None,
    batch_size=None,
    steps_per_epoch=None,
    shuffle=False,
    class_weight=None,
):
    """Returns the data adapter for `x` (and, for arrays, `y`, `sample_weight`).

    Args:
        x: Arrays (NumPy, backend tensors, pandas, or nested lists, tuples
            and dicts of them), a `tf.data.Dataset`, a torch `DataLoader`, a
            Python generator or iterator, or a `keras_core.utils.PyDataset`.
        y: Targets, for array data only.
        sample_weight: Sample weights, for array data only.
        batch_size: Samples per batch for arrays (None: 32). Datasets,
            loaders, generators and PyDatasets batch themselves, and ignore
            it, as in Keras (so one `batch_size` can serve training arrays
            and a validation dataset).
        steps_per_epoch: Batches per epoch (a positive int), or None.
        shuffle: `True`, `False` or `"batch"` (see `ArrayDataAdapter`).
        class_weight: Optional dict from class index to weight.

    Returns:
        A `DataAdapter`.

    Raises:
        ValueError: For data of an unknown type, `y` or `sample_weight`
            given with data that yields batches, and bad arguments.

    Example:

    >>> get_data_adapter(np.zeros((10, 2)), batch_size=4).num_batches
    3
    """
    if steps_per_epoch is not None and (
        isinstance(steps_per_epoch, bool)
        or not isinstance(steps_per_epoch, int)
        or steps_per_epoch < 1
    ):
        raise ValueError(
            "Argument `steps_per_epoch` (`steps` in evaluate() and predict()) "
            "must be a positive int, or None to go through the data once. "
            f"Received: steps_per_epoch={steps_per_epoch!r}"
        )
    if shuffle not in (True, False, "batch"):
        raise ValueError(
            "Argument `shuffle` must be True, False or 'batch'. Received: "
            f"shuffle={shuffle!r}"
        )
    if is_tf_dataset(x):
        _check_no_arrays_with("a tf.data.Dataset", y, sample_weight)
        return TFDatasetAdapter(x, class_weight=class_weight)
    if is_torch_dataloader(x):
        _check_no_arrays_with("a torch DataLoader", y, sample_weight)
        return TorchDataLoaderAdapter(x, class_weight=class_weight)
    if isinstance(x, PyDataset):
        _check_no_arrays_with("a PyDataset", y, sample_weight)
        return PyDatasetAdapter(x, shuffle=shuffle, class_weight=class_weight)
    if _is_iterator(x):
        _check_no_arrays_with("a generator", y, sample_weight)
        return GeneratorDataAdapter(x, class_weight=class_weight)
    if data_utils.is_array_like(x) or tree.is_nested(x):
        return ArrayDataAdapter(
            x,
            y=y,
            sample_weight=sample_weight,
            batch_size=batch_size,
            shuffle=shuffle,
            class_weight=class_weight,
        )
    raise ValueError(
        f"Unrecognized data type: x={x!r:.200} (of type {type(x).__name__}). "
        f"Expected {EXPECTED_DATA}."
    )


def _check_positive_int(name, value, hint=""):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(
            f"Argument `{name}` must be a positive int{hint}. Received: "
            f"{name}={value!r}"
        )
    return int(value)


class EpochIterator:
    """Iterates the batches of fit/evaluate/predict epoch by epoch.

    Args:
        x: The data: arrays (or nested structures of them), a
            `tf.data.Dataset`, a torch `DataLoader`, a generator or a
            `keras_core.utils.PyDataset`.
        y: Targets, for array data only.
        sample_weight: Sample weights, for array data only.
        batch_size: Samples per batch for array data (None: 32); ignored
            for the other kinds, which batch themselves.
        steps_per_epoch: Batches per epoch, or None for one pass.
        shuffle: For arrays, `True`, `False` or `"batch"`; for a
            `PyDataset`, whether to shuffle the batch order.
        class_weight: Optional dict from class index to weight.
        steps_per_execution: Batches handed to the steps at a time.

    Example:

    >>> iterator = EpochIterator(np.zeros((10, 2)), batch_size=4,
    ...                          steps_per_execution=2)
    >>> [(step, len(batches)) for step, batches in iterator.enumerate_epoch()]
    [(0, 2), (2, 1)]
    """

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        steps_per_epoch=None,
        shuffle=False,
        class_weight=None,
        steps_per_execution=1,
    ):
        self._steps_per_execution = _check_positive_int(
            "steps_per_execution", steps_per_execution
        )
        self._adapter = get_data_adapter(
            x,
            y=y,
            sample_weight=sample_weight,
            batch_size=batch_size,
            steps_per_epoch=steps_per_epoch,
            shuffle=shuffle,
            class_weight=class_weight,
        )
        self._steps_per_epoch = steps_per_epoch
        self._pass = None
        self._consumed = 0

    @property
    def num_batches(self):
        """Batches per epoch, or None while unknown (an endless generator)."""
        count = self._steps_per_epoch
        if count is None:
            count = self._adapter.num_batches
        cap = config.max_steps_per_epoch()
        if cap is not None:
            count = cap if count is None else min(count, cap)
        return count

    def reset(self):
        """Drops the current pass: the next epoch starts from the beginning."""
        if self._pass is not None:
            self._pass.close()
        self._pass = None
        self._consumed = 0

    def _new_pass(self):
        self.reset()
        self._pass = self._adapter.get_batches()

    def _epoch_batches(self, limit):
        """Yields the batches of one epoch (at most `limit`, if not None)."""
        fresh = self._pass is None
        if fresh:
            self._new_pass()
        count = 0
        while limit is None or count < limit:
            try:
                batch = next(self._pass)
            except StopIteration:
                self._pass = None
                if count == 0 and not fresh:
                    # The previous epoch ended this pass exactly: restart.
                    self._new_pass()
                    fresh = True
                    continue
                if limit is not None and self._steps_per_epoch is not None:
                    warnings.warn(
                        "Your input ran out of data; interrupting the epoch "
                        f"after {count} of steps_per_epoch={limit} batches. "
                        "Make sure that your data can generate at least "
                        "`steps_per_epoch * epochs` batches (use `.repeat()` "
                        "on a tf.data.Dataset).",
                        stacklevel=3,
                    )
                return
            self._consumed += 1
            count += 1
            yield batch
        known = self._adapter.num_batches
        if known is not None and self._consumed >= known:
            self.reset()

    def enumerate_epoch(self):
        """Yields `(step, batches)` for the next epoch.

        `batches` is a list of 1 to `steps_per_execution` consecutive
        batches; `step` is the index of its first batch in the epoch (from 0).
        The last group of an epoch may be shorter.
        """
        limit = self._steps_per_epoch
        cap = config.max_steps_per_epoch()
        if cap is not None:
            # The cap acts as a steps_per_epoch: later epochs continue the pass.
            limit = cap if limit is None else min(limit, cap)
        self._adapter.on_epoch_begin()
        try:
            group = []
            step = 0
            for batch in self._epoch_batches(limit):
                group.append(batch)
                if len(group) == self._steps_per_execution:
                    yield step, group
                    step += len(group)
                    group = []
            if group:
                yield step, group
        finally:
            if limit is None:
                self.reset()
            self._adapter.on_epoch_end()
