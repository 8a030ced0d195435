"""JAX steps: pure functions of an explicit state, compiled with `jax.jit`.

The state is `(trainable, non_trainable, optimizer, metrics)` values.
During a loop it lives here, not in the Variables: each jitted step
takes it (donated, so buffers are reused in place) and returns the new
one. The Variables are written back when the loop ends, or after each
step while callbacks that may read weights are attached.
"""

import jax

from keras_core._src.backend.common.scopes import StatelessScope


def _set_untracked(obj, name, value):
    # Plain attributes: Layer tracking would wrap the state lists.
    object.__setattr__(obj, name, value)


def _mapping(groups):
    """`(variable, value)` pairs of `(variables, values)` groups."""
    pairs = []
    for variables, values in groups:
        pairs.extend(zip(variables, values, strict=True))
    return pairs


class JaxTrainer:
    """The JAX steps of `Model` (see `keras_core/_src/trainers/trainer.py`)."""

    # jax.jit takes NumPy batches directly: adapters need not convert.
    accepts_numpy_batches = True
    _jax_state = None
    _jax_state_kind = None
    _jax_sync_each_step = False

    def _backend_jit_default(self):
        return True

    def _state_groups(self, kind):
        groups = [self.trainable_variables, self.non_trainable_variables]
        if kind == "train":
            groups.append(self.optimizer.variables)
        if kind in ("train", "test"):
            groups.append(self.metrics_variables)
        return groups

    def _loss_on_values(
        self,
        trainable_variables,
        non_trainable_variables,
        metrics_variables,
        x,
        y,
        sample_weight,
        training,
        update_metrics,
    ):
        """Forward pass and loss (and metric updates) on values.

        Returns:
            `(scaled_loss, unscaled_loss, y_pred, non_trainable_values,
            metrics_values, logs)`; logs are None without metric updates.
        """
        groups = (
            (self.trainable_variables, trainable_variables),
            (self.non_trainable_variables, non_trainable_variables),
            (self.metrics_variables, metrics_variables),
        )
        logs = None
        with (
            StatelessScope(
                state_mapping=_mapping(groups), collect_losses=True
            ) as scope,
            self._step_context(),
        ):
            y_pred = self(x, training=training)
            loss = self.compute_loss(x, y, y_pred, sample_weight, training=training)
            if update_metrics:
                self._update_loss_tracker(loss, x)
                logs = self.compute_metrics(x, y, y_pred, sample_weight)
        scaled = loss
        if training and self.optimizer is not None:
            scaled = self.optimizer.scale_loss(loss)
        return (
            scaled,
            loss,
            y_pred,
            scope.current_values(*groups[1]),
            scope.current_values(*groups[2]),
            logs,
        )

    def _stateless_forward(
        self,
        trainable_variables,
        non_trainable_variables,
        metrics_variables,
        data,
        training,
    ):
        """The default steps' loss, in the form `jax.value_and_grad(...,
        has_aux=True)` takes: `(scaled_loss, (non_trainable, metrics, logs))`."""
        from keras_core._src.trainers.trainer import _unpack

        x, y, sample_weight = _unpack(data)
        scaled, _, _, non_trainable, metrics, logs = self._loss_on_values(
            trainable_variables,
            non_trainable_variables,
            metrics_variables,
            x,
            y,
            sample_weight,
            training,
            update_metrics=True,
        )
        return scaled, (non_trainable, metrics, logs)

    def compute_loss_and_updates(
        self,
        trainable_variables,
        non_trainable_variables,
        metrics_variables,
        x,
        y,
        sample_weight,
        training=False,
        optimizer_variables=None,
    ):
        """The loss on values, for `jax.value_and_grad(..., has_aux=True)`.

        Returns:
            `(loss, (unscaled_loss, y_pred, non_trainable_values,
            metrics_values))`; the loss is scaled by a LossScaleOptimizer
            when training.
        """
        del optimizer_variables
        scaled, unscaled, y_pred, non_trainable, metrics, _ = self._loss_on_values(
            trainable_variables,
            non_trainable_variables,
            metrics_variables,
            x,
            y,
            sample_weight,
            training,
            update_metrics=False,
        )
        return scaled, (unscaled, y_pred, non_trainable, metrics)

    def train_step(self, state, data):
        """One training step on values: returns `(logs, new_state)`."""
        trainable, non_trainable, optimizer_values, metrics_values = state
        grad_fn = jax.value_and_grad(self._stateless_forward, has_aux=True)
        (_, (non_trainable, metrics_values, logs)), grads = grad_fn(
            trainable, non_trainable, metrics_values, data, True
        )
        trainable, optimizer_values = self.optimizer.stateless_apply(
            optimizer_values, grads, trainable
        )
        return logs, (trainable, non_trainable, optimizer_values, metrics_values)

    def test_step(self, state, data):
        """One evaluation step on values: returns `(logs, new_state)`."""
        trainable, non_trainable, metrics_values = state
        _, (non_trainable, metrics_values, logs) = self._stateless_forward(
            trainable, non_trainable, metrics_values, data, False
        )
        return logs, (trainable, non_trainable, metrics_values)

    def predict_step(self, state, data):
        """The outputs on a batch: returns `(outputs, non_trainable_values)`."""
        from keras_core._src.trainers.trainer import _unpack

        trainable, non_trainable = state
        x, _, _ = _unpack(data)
        with self._step_context():
            outputs, non_trainable = self.stateless_call(
                trainable, non_trainable, x, training=False
            )
        return outputs, non_trainable

    def _logging_loop(self, step):
        """`function(state, batches) -> (last logs, state)` over `step`."""
        if self.jit_compile:
            step = jax.jit(step, donate_argnums=0)

        def function(state, batches):
            for data in batches:
                logs, state = step(state, data)
            return logs, state

        return function

    def make_train_function(self, force=False):
        """Creates (once) `train_function(state, batches) -> (logs, state)`."""
        if self.train_function is None or force:
            _set_untracked(self, "train_function", self._logging_loop(self.train_step))
        return self.train_function

    def make_test_function(self, force=False):
        """Creates (once) `test_function(state, batches) -> (logs, state)`."""
        if self.test_function is None or force:
            _set_untracked(self, "test_function", self._logging_loop(self.test_step))
        return self.test_function

    def make_predict_function(self, force=False):
        """Creates (once) `predict_function(state, batches) -> (outputs, state)`."""
        if self.predict_function is None or force:
            # Non-trainable state is not donated: predictions change nothing.
            step = jax.jit(self.predict_step) if self.jit_compile else self.predict_step

            def predict_function(state, batches):
                outputs = []
                for data in batches:
                    batch_outputs, non_trainable = step(state, data)
                    outputs.append(batch_outputs)
                    state = (state[0], non_trainable)
                return outputs, state

            _set_untracked(self, "predict_function", predict_function)
        return self.predict_function

    # State kept across the steps of a loop.

    def _loop_begin(self, kind):
        _set_untracked(self, "_jax_state", None)
        _set_untracked(self, "_jax_state_kind", kind)

    def _gathered_state(self, kind):
        if self._jax_state is None or self._jax_state_kind != kind:
            state = tuple(
                [variable.value for variable in group]
                for group in self._state_groups(kind)
            )
            _set_untracked(self, "_jax_state", state)
            _set_untracked(self, "_jax_state_kind", kind)
        return self._jax_state

    def _run_train_batches(self, batches):
        logs, state = self.train_function(self._gathered_state("train"), batches)
        _set_untracked(self, "_jax_state", state)
        return logs

    def _run_test_batches(self, batches):
        logs, state = self.test_function(self._gathered_state("test"), batches)
        _set_untracked(self, "_jax_state", state)
        return logs

    def _run_predict_batches(self, batches):
        outputs, state = self.predict_function(self._gathered_state("predict"), batches)
        _set_untracked(self, "_jax_state", state)
        return outputs

    def jax_state_sync(self):
        """Writes the state held by a running loop into the Variables."""
        if self._jax_state is None:
            return
        groups = self._state_groups(self._jax_state_kind)
        for variables, values in zip(groups, self._jax_state, strict=True):
            for variable, value in zip(variables, values, strict=True):
                variable.assign(value)

    def _set_sync_each_step(self, flag):
        _set_untracked(self, "_jax_sync_each_step", flag)

    def _sync_for_callbacks(self):
        if self._jax_sync_each_step:
            self.jax_state_sync()

    def _loop_end(self, kind):
        del kind
        self.jax_state_sync()
        _set_untracked(self, "_jax_state", None)
