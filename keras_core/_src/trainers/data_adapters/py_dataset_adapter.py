"""Batches of a `PyDataset`, read in order or by a pool of threads/processes."""

import collections
import concurrent.futures
import itertools
import multiprocessing
import sys

import numpy as np

from keras_core._src.trainers.data_adapters.data_adapter import DataAdapter

# The dataset a worker process reads, set once when the process starts.
_worker_dataset = None


def _set_worker_dataset(dataset):
    global _worker_dataset
    _worker_dataset = dataset


def _read_in_worker(index):
    return _worker_dataset[index]


def _process_context():
    # Forked workers inherit the dataset as it is, so its class need not be
    # importable by name (a class defined in a script or a test works).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _read_in_parallel(dataset, indices, workers, use_processes, max_queue_size):
    """Yields `dataset[i]` for `indices` in order, up to the queue size ahead."""
    if use_processes:
        executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_process_context(),
            initializer=_set_worker_dataset,
            initargs=(dataset,),
        )
        read = _read_in_worker
    else:
        executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
        read = dataset.__getitem__
    indices = iter(indices)
    pending = collections.deque()
    try:
        for index in itertools.islice(indices, max_queue_size):
            pending.append(executor.submit(read, index))
        while pending:
            batch = pending.popleft().result()
            for index in itertools.islice(indices, 1):
                pending.append(executor.submit(read, index))
            yield batch
    finally:
        # Reached when the pass ends, fails or is dropped (steps_per_epoch
        # reached on an endless dataset, or a reset): no worker outlives it.
        executor.shutdown(wait=True, cancel_futures=True)


class PyDatasetAdapter(DataAdapter):
    """Batches of a `keras_core.utils.PyDataset`.

    Args:
        dataset: The `PyDataset`.
        shuffle: Whether to read the batches in a new random order each
            pass (`"batch"` counts as True; an endless dataset is read in
            order).
        class_weight: Optional dict from class index to weight.
    """

    source = "The PyDataset"

    def __init__(self, dataset, shuffle=False, class_weight=None):
        super().__init__(class_weight=class_weight)
        self._dataset = dataset
        self._shuffle = bool(shuffle)
        count = dataset.num_batches
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, (int, np.integer))
        ):
            raise ValueError(
                f"{type(dataset).__name__}.num_batches must be an int, or None "
                f"for an endless dataset. Received: {count!r}"
            )
        if count is not None and count < 1:
            raise ValueError(
                f"The PyDataset yielded no batches: {type(dataset).__name__} "
                f"has num_batches={count}. Its `__len__` must return the "
                "number of batches, at least 1."
            )

    @property
    def num_batches(self):
        return self._dataset.num_batches

    def on_epoch_begin(self):
        self._dataset.on_epoch_begin()

    def on_epoch_end(self):
        self._dataset.on_epoch_end()

    def _indices(self):
        count = self._dataset.num_batches
        if count is None:
            return itertools.count()
        if self._shuffle:
            return np.random.permutation(count).tolist()
        return range(count)

    def _raw_batches(self):
        dataset = self._dataset
        indices = self._indices()
        if dataset.workers == 1 and not dataset.use_multiprocessing:
            return (dataset[index] for index in indices)
        return _read_in_parallel(
            dataset,
            indices,
            dataset.workers,
            dataset.use_multiprocessing,
            dataset.max_queue_size,
        )
