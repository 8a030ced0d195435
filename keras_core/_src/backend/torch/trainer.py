"""PyTorch steps: eager autograd, `torch.compile` when `jit_compile=True`."""

import torch


class TorchTrainer:
    """The PyTorch steps of `Model` (see `keras_core/_src/trainers/`)."""

    def _backend_jit_default(self):
        return False

    def train_step(self, data):
        """One training step on a batch; returns the logs."""
        from keras_core._src.trainers.trainer import _unpack

        x, y, sample_weight = _unpack(data)
        trainable = self.trainable_variables
        for variable in trainable:
            variable.value.grad = None
        with self._step_context():
            y_pred = self(x, training=True)
            loss = self.compute_loss(x, y, y_pred, sample_weight, training=True)
            if trainable:
                self.optimizer.scale_loss(loss).backward()
                grads = [variable.value.grad for variable in trainable]
                with torch.no_grad():
                    self.optimizer.apply(grads, trainable)
            with torch.no_grad():
                self._update_loss_tracker(loss.detach(), x)
                return self.compute_metrics(x, y, y_pred, sample_weight)

    def test_step(self, data):
        """One evaluation step on a batch, without autograd."""
        with torch.no_grad():
            return super().test_step(data)

    def predict_step(self, data):
        """The outputs on a batch, without autograd."""
        with torch.no_grad():
            return super().predict_step(data)

    def _compile_step_function(self, function, kind):
        del kind
        if self.jit_compile and not self.run_eagerly:
            return torch.compile(function)
        return function
