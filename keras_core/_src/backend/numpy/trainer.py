"""NumPy: evaluation and prediction only (no gradients to train with)."""


class NumpyTrainer:
    """Makes `fit` and `train_on_batch` say why they cannot run."""

    def _check_can_train(self):
        raise NotImplementedError(
            "The numpy backend computes no gradients, so fit() and "
            "train_on_batch() cannot run on it; evaluate() and predict() "
            "can. Set KERAS_BACKEND to 'jax', 'torch' or 'tensorflow' to "
            "train."
        )
