"""Batches of a `tf.data.Dataset`, on any backend.

A dataset is recognized by the module of its type, so TensorFlow is never
imported here: a user who made a dataset has imported it already. On the
tensorflow backend its tensors go to the steps as they are; elsewhere they
pass through NumPy.
"""

from keras_core._src.trainers.data_adapters.data_adapter import DataAdapter
from keras_core._src.tree import tree_api as tree

# tf.data's cardinality for an endless dataset, and for one it cannot count
# (after `filter`, for instance).
_INFINITE = -1
_UNKNOWN = -2


def is_tf_dataset(x):
    """Whether `x` is a `tf.data.Dataset` (checked without importing TF)."""
    return any(
        cls.__module__.startswith("tensorflow.python.data.")
        and cls.__name__ == "DatasetV2"
        for cls in type(x).__mro__
    )


class TFDatasetAdapter(DataAdapter):
    """Batches of a batched `tf.data.Dataset`, one pass per epoch.

    Args:
        dataset: The dataset. Its elements must be batches:
            `(x,)`, `(x, y)`, `(x, y, sample_weight)` or `x`.
        class_weight: Optional dict from class index to weight.
    """

    source = "The tf.data.Dataset"
    # tf.data guarantees every element has the structure of its spec.
    checks_structure = False

    def __init__(self, dataset, class_weight=None):
        super().__init__(class_weight=class_weight)
        self._dataset = dataset
        for spec in tree.flatten(dataset.element_spec):
            rank = getattr(getattr(spec, "shape", None), "rank", None)
            if rank == 0:
                raise ValueError(
                    "The tf.data.Dataset yields scalars, but its elements must "
                    "be batches (each array with a batch axis first). Did you "
                    f"forget `.batch(batch_size)`? Element spec: "
                    f"{dataset.element_spec}"
                )
        cardinality = int(dataset.cardinality())
        if cardinality == 0:
            raise ValueError(
                "The tf.data.Dataset yielded no batches: its cardinality is 0. "
                "Check that it is not empty (`take(0)`, a `filter` that drops "
                "everything, a batch size with drop_remainder=True larger "
                "than the data)."
            )
        self._num_batches = (
            None if cardinality in (_INFINITE, _UNKNOWN) else cardinality
        )

    @property
    def num_batches(self):
        return self._num_batches

    def _raw_batches(self):
        return iter(self._dataset)
