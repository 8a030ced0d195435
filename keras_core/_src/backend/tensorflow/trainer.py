"""TensorFlow steps: `tf.GradientTape`, compiled with `tf.function`.

"auto" compilation means XLA (`jit_compile=True`), as in Keras.
"""

import tensorflow as tf


class TensorFlowTrainer:
    """The TensorFlow steps of `Model` (see `keras_core/_src/trainers/`)."""

    def _backend_jit_default(self):
        # As Keras 3 on TensorFlow: `tf.function` steps without XLA unless
        # asked (XLA compiles slowly on CPU and lacks string/gamma kernels).
        return False

    def train_step(self, data):
        """One training step on a batch; returns the logs."""
        from keras_core._src.trainers.trainer import _unpack

        x, y, sample_weight = _unpack(data)
        trainable = self.trainable_variables
        with self._step_context():
            with tf.GradientTape() as tape:
                y_pred = self(x, training=True)
                loss = self.compute_loss(x, y, y_pred, sample_weight, training=True)
                scaled = self.optimizer.scale_loss(loss)
            if trainable:
                grads = tape.gradient(scaled, [v.value for v in trainable])
                self.optimizer.apply(grads, trainable)
            self._update_loss_tracker(loss, x)
            return self.compute_metrics(x, y, y_pred, sample_weight)

    def _compile_step_function(self, function, kind):
        del kind
        if self.run_eagerly:
            return function
        # No autograph: the steps have no data-dependent Python control
        # flow, and converting the library's functions costs seconds.
        return tf.function(
            function,
            jit_compile=self.jit_compile,
            reduce_retracing=True,
            autograph=False,
        )
