"""NumPy: evaluation and prediction only (no gradients to train with)."""


class NumpyTrainer:
    """Makes `fit` and `train_on_batch` say why they cannot run."""

    # NumPy is this backend's tensor type: adapters need not convert.
    accepts_numpy_batches = True

    def _check_can_train(self):
        raise NotImplementedError(
            "The numpy backend computes no gradients, so fit() and "
            "train_on_batch() cannot run on it; evaluate() and predict() "
            "can. Set KERAS_BACKEND to 'jax', 'torch' or 'tensorflow' to "
            "train."
        )
