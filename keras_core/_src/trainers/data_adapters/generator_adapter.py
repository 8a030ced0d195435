"""Batches from a Python generator (or any iterator).

A generator is one-shot: epochs continue where the previous one stopped,
and once it is exhausted later passes yield nothing. Its first batch is
read when the adapter is made, to catch an empty generator and a
malformed batch before any step runs.
"""

from keras_core._src.trainers.data_adapters import data_utils
from keras_core._src.trainers.data_adapters.data_adapter import DataAdapter


class GeneratorDataAdapter(DataAdapter):
    """Batches yielded by a generator: `(x,)`, `(x, y)`, `(x, y, sw)` or `x`.

    Args:
        generator: A Python generator or iterator of batches.
        class_weight: Optional dict from class index to weight.
    """

    source = "The generator"

    def __init__(self, generator, class_weight=None):
        super().__init__(class_weight=class_weight)
        self._generator = generator
        try:
            first = next(generator)
        except StopIteration:
            raise ValueError(
                "The generator yielded no batches: it is empty (or was "
                "already exhausted). Pass a generator that yields at least "
                "one batch."
            ) from None
        batch = self.standardize_batch(first, 0)
        if self._class_weight is not None:
            data_utils.class_weight_batch(*batch, self._class_weight, "the generator")
        self._pending = [first]

    def _raw_batches(self):
        while self._pending:
            yield self._pending.pop(0)
        # A loop, not `yield from`: closing this pass must not close the
        # user's generator, which later calls may continue.
        for batch in self._generator:  # noqa: UP028
            yield batch
