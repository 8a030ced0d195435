"""Batches of a torch `DataLoader`, on any backend.

A loader is recognized by the module of its type, so torch is never
imported here. On the torch backend its tensors go to the steps (on the
default device); elsewhere they pass through NumPy. The loader does its
own batching, shuffling and parallel reading.
"""

from keras_core._src.trainers.data_adapters.data_adapter import DataAdapter


def is_torch_dataloader(x):
    """Whether `x` is a `torch.utils.data.DataLoader` (without importing torch)."""
    return any(
        cls.__module__.startswith("torch.utils.data") and cls.__name__ == "DataLoader"
        for cls in type(x).__mro__
    )


class TorchDataLoaderAdapter(DataAdapter):
    """Batches of a torch `DataLoader`, one pass per epoch.

    The default collation turns a dataset's `(x, y)` items into `[x, y]`
    batches, which count as `(x, y)`.

    Args:
        dataloader: The `DataLoader`.
        class_weight: Optional dict from class index to weight.
    """

    source = "The torch DataLoader"

    def __init__(self, dataloader, class_weight=None):
        super().__init__(class_weight=class_weight)
        self._dataloader = dataloader
        try:
            count = len(dataloader)
        except TypeError:
            # An IterableDataset without `__len__`: the count is unknown.
            count = None
        if count == 0:
            raise ValueError(
                "The torch DataLoader yielded no batches: its length is 0. "
                "Check that its dataset is not empty and that drop_last=True "
                "does not drop the only batch."
            )
        self._num_batches = count

    @property
    def num_batches(self):
        return self._num_batches

    def _raw_batches(self):
        return iter(self._dataloader)
