"""`PyDataset` (also `Sequence`): a dataset of batches, indexed by number."""

__all__ = ["PyDataset", "Sequence"]


def _check_positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"PyDataset: `{name}` must be a positive int. Received: {name}={value!r}"
        )
    return value


class PyDataset:
    """Base class for datasets of batches, read in parallel by fit().

    Subclass it and implement `__getitem__(index)`, returning batch number
    `index` as `(x,)`, `(x, y)`, `(x, y, sample_weight)` or `x` alone, and
    `__len__()`, the number of batches (or override `num_batches` to return
    None for an endless dataset, read up to `steps_per_epoch`). Batches are
    read in the order of their indices (shuffled each epoch when fit() has
    `shuffle=True`), with `workers` threads, or processes when
    `use_multiprocessing=True`, fetching up to `max_queue_size` batches
    ahead. `__getitem__` must return the same batch for an index whichever
    worker asks, which makes it safe for parallel reading, unlike a
    generator.

    Args:
        workers: The number of threads (or processes) reading batches.
            1 reads them in the training loop's own thread, unless
            `use_multiprocessing=True`.
        use_multiprocessing: Whether the workers are processes (the
            dataset is copied into each; batches must be picklable). Use it
            when `__getitem__` is Python-heavy, as threads share one
            interpreter lock.
        max_queue_size: How many batches may be read ahead of the loop.

    Example:

    >>> class Squares(keras_core.utils.PyDataset):
    ...     def __init__(self, x, batch_size, **kwargs):
    ...         super().__init__(**kwargs)
    ...         self.x, self.batch_size = x, batch_size
    ...     def __len__(self):
    ...         return -(-len(self.x) // self.batch_size)
    ...     def __getitem__(self, index):
    ...         batch = self.x[index * self.batch_size : (index + 1) * self.batch_size]
    ...         return batch, batch**2
    >>> dataset = Squares(np.arange(10.0), batch_size=4, workers=2)
    >>> dataset.num_batches
    3
    """

    def __init__(self, workers=1, use_multiprocessing=False, max_queue_size=10):
        self._workers = _check_positive_int("workers", workers)
        self._use_multiprocessing = bool(use_multiprocessing)
        self._max_queue_size = _check_positive_int("max_queue_size", max_queue_size)

    # The properties fall back to the defaults for subclasses whose
    # __init__ forgets to call super().__init__().

    @property
    def workers(self):
        """The number of threads or processes reading batches."""
        return getattr(self, "_workers", 1)

    @workers.setter
    def workers(self, value):
        self._workers = _check_positive_int("workers", value)

    @property
    def use_multiprocessing(self):
        """Whether the workers are processes rather than threads."""
        return getattr(self, "_use_multiprocessing", False)

    @use_multiprocessing.setter
    def use_multiprocessing(self, value):
        self._use_multiprocessing = bool(value)

    @property
    def max_queue_size(self):
        """How many batches may be read ahead of the training loop."""
        return getattr(self, "_max_queue_size", 10)

    @max_queue_size.setter
    def max_queue_size(self, value):
        self._max_queue_size = _check_positive_int("max_queue_size", value)

    def __getitem__(self, index):
        """Returns batch number `index` (from 0).

        Args:
            index: The position of the batch in the dataset.

        Returns:
            `(x,)`, `(x, y)`, `(x, y, sample_weight)` or `x`.
        """
        raise NotImplementedError(
            f"{type(self).__name__} must implement `__getitem__(index)`, "
            "returning the batch at that index."
        )

    def __len__(self):
        """Returns the number of batches in the dataset."""
        raise NotImplementedError(
            f"{type(self).__name__} must implement `__len__()` (the number "
            "of batches), or override `num_batches` to return None for an "
            "endless dataset."
        )

    @property
    def num_batches(self):
        """The number of batches: `len(self)`, or None when it has no length.

        Returns:
            An int, or None for an endless dataset (read `steps_per_epoch`
            batches per epoch).
        """
        try:
            return len(self)
        except NotImplementedError:
            return None

    def on_epoch_begin(self):
        """Called at the start of every epoch."""

    def on_epoch_end(self):
        """Called at the end of every epoch (for example, to reshuffle)."""


Sequence = PyDataset
