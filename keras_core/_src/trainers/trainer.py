"""The training API of `Model`: compile, losses, metrics and the loops.

`Trainer` is written once for every backend. A backend adds only its
steps and how they are compiled (`keras_core/_src/backend/<name>/trainer.py`:
`train_step`, `test_step`, `predict_step`, `make_*_function`); the epoch
loops live in `loops.py`.
"""

from keras_core import ops
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.backend.common.scopes import StatelessScope
from keras_core._src.backend.common.variables import initialize_all_variables
from keras_core._src.layers import call_context
from keras_core._src.metrics.reduction_metrics import Mean
from keras_core._src.trainers import compile_utils
from keras_core._src.trainers import loops
from keras_core._src.trainers import state_tree
from keras_core._src.tree import tree_api as tree


def _set_untracked(obj, name, value):
    # Compile-time objects (loss tracker, compile metrics, optimizer) are
    # not model state: Layer attribute tracking must not adopt them.
    object.__setattr__(obj, name, value)


def _unpack(data):
    from keras_core._src.trainers.data_adapters.data_utils import (
        unpack_x_y_sample_weight,
    )

    return unpack_x_y_sample_weight(data)


def _symbolic(value):
    """A KerasTensor like `value` with an unknown batch size (None stays None)."""
    if value is None:
        return None
    from keras_core._src.backend.common.dtypes import standardize_dtype

    shape = tuple(value.shape)
    # The batch size varies (the last batch may be partial).
    if shape:
        shape = (None, *shape[1:])
    return KerasTensor(shape, dtype=standardize_dtype(value.dtype))


def _builds_from_shape(model, x_spec):
    from keras_core._src.models.sequential import Sequential

    return isinstance(model, Sequential) and isinstance(x_spec, KerasTensor)


class Trainer:
    """compile / fit / evaluate / predict, shared by every backend."""

    compiled = False
    optimizer = None
    _compile_loss = None
    _compile_metrics = None
    _loss_tracker = None
    _compile_config = None
    _jit_compile = None
    _run_eagerly = False
    _initial_epoch = None
    train_function = None
    test_function = None
    predict_function = None
    stop_training = False
    history = None
    steps_per_execution = 1

    def compile(
        self,
        optimizer="rmsprop",
        loss=None,
        loss_weights=None,
        metrics=None,
        weighted_metrics=None,
        run_eagerly=False,
        steps_per_execution=1,
        jit_compile="auto",
        auto_scale_loss=True,
    ):
        """Configures the model for training.

        Args:
            optimizer: An optimizer name or instance.
            loss: A loss (name, function or `keras_core.losses.Loss`), or a
                list or dict of them, one per output.
            loss_weights: Factors of each output's loss in the total: a
                list or dict per output.
            metrics: Metrics to compute (names such as "accuracy", functions
                or `Metric`s): a list for a single output, a list of lists
                or a dict of lists for several.
            weighted_metrics: Like `metrics`, but weighted by the sample
                weights of `fit`/`evaluate`.
            run_eagerly: Whether to run steps eagerly (for debugging).
            steps_per_execution: Batches run per call of the step function.
            jit_compile: Whether to compile the steps with XLA (`jax.jit`,
                `tf.function(jit_compile=True)`, `torch.compile`); "auto"
                compiles on JAX and TensorFlow.
            auto_scale_loss: Whether to wrap the optimizer in a
                `LossScaleOptimizer` under the "mixed_float16" policy.

        Example:

        >>> model.compile(optimizer="adam", loss="mse", metrics=["mae"])
        """
        from keras_core._src.optimizers import serialization as optimizers
        from keras_core._src.optimizers.loss_scale_optimizer import LossScaleOptimizer

        if not isinstance(steps_per_execution, int) or steps_per_execution < 1:
            raise ValueError(
                "Argument `steps_per_execution` of compile() must be a positive "
                f"int. Received: steps_per_execution={steps_per_execution!r}"
            )
        optimizer = optimizers.get(optimizer)
        if (
            auto_scale_loss
            and self.dtype_policy.name == "mixed_float16"
            and not isinstance(optimizer, LossScaleOptimizer)
        ):
            optimizer = LossScaleOptimizer(optimizer, name="loss_scale_optimizer")
        _set_untracked(self, "optimizer", optimizer)
        _set_untracked(
            self,
            "_compile_loss",
            None if loss is None else compile_utils.CompileLoss(loss, loss_weights),
        )
        has_metrics = metrics is not None or weighted_metrics is not None
        _set_untracked(
            self,
            "_compile_metrics",
            compile_utils.CompileMetrics(metrics, weighted_metrics)
            if has_metrics
            else None,
        )
        _set_untracked(self, "_loss_tracker", Mean(name="loss"))
        _set_untracked(self, "_run_eagerly", bool(run_eagerly))
        _set_untracked(self, "steps_per_execution", steps_per_execution)
        _set_untracked(self, "_jit_compile", self._resolve_jit_compile(jit_compile))
        _set_untracked(
            self,
            "_compile_config",
            {
                "optimizer": optimizer,
                "loss": loss,
                "loss_weights": loss_weights,
                "metrics": metrics,
                "weighted_metrics": weighted_metrics,
                "run_eagerly": run_eagerly,
                "steps_per_execution": steps_per_execution,
                "jit_compile": self._jit_compile,
            },
        )
        self._reset_step_functions()
        _set_untracked(self, "compiled", True)

    def _resolve_jit_compile(self, jit_compile):
        if jit_compile not in ("auto", True, False):
            raise ValueError(
                "Argument `jit_compile` of compile() must be True, False or "
                f"'auto'. Received: jit_compile={jit_compile!r}"
            )
        if self._run_eagerly:
            return False
        if jit_compile == "auto":
            # Layers that compute on the host (string lookups, hashing) or
            # use ops XLA lacks say so with `supports_jit = False`.
            supported = all(
                getattr(layer, "supports_jit", True) for layer in self._flatten_layers()
            )
            return supported and self._backend_jit_default()
        return bool(jit_compile)

    def _backend_jit_default(self):
        """Whether "auto" means compiled steps on this backend."""
        return False

    def _reset_step_functions(self):
        for name in ("train_function", "test_function", "predict_function"):
            _set_untracked(self, name, None)

    @property
    def jit_compile(self):
        """Whether the steps are compiled (XLA / `torch.compile`)."""
        if self._jit_compile is None:
            return self._backend_jit_default()
        return self._jit_compile

    @jit_compile.setter
    def jit_compile(self, value):
        _set_untracked(self, "_jit_compile", self._resolve_jit_compile(value))
        self._reset_step_functions()

    @property
    def run_eagerly(self):
        """Whether the steps run eagerly, without compilation."""
        return self._run_eagerly

    @run_eagerly.setter
    def run_eagerly(self, value):
        _set_untracked(self, "_run_eagerly", bool(value))
        if value:
            _set_untracked(self, "_jit_compile", False)
        self._reset_step_functions()

    # Metrics.

    @property
    def metrics(self):
        """The loss tracker, compiled metrics, per-output losses and layer
        metrics, in that order."""
        metrics = []
        if self.compiled:
            metrics.append(self._loss_tracker)
            if self._compile_metrics is not None:
                metrics.append(self._compile_metrics)
            if self._compile_loss is not None:
                metrics.extend(self._compile_loss.trackers)
        metrics.extend(super().metrics)
        return metrics

    @property
    def metrics_names(self):
        """The names of `metrics`."""
        return [metric.name for metric in self.metrics]

    @property
    def metrics_variables(self):
        """The state variables of every metric in `metrics`."""
        variables = []
        seen = set()
        for metric in self.metrics:
            for variable in metric.variables:
                if id(variable) not in seen:
                    seen.add(id(variable))
                    variables.append(variable)
        return variables

    def reset_metrics(self):
        """Resets the state of every metric."""
        for metric in self.metrics:
            metric.reset_state()

    def get_metrics_result(self):
        """The current result of every metric, as a flat dict of tensors."""
        logs = {}
        for metric in self.metrics:
            result = metric.result()
            if isinstance(result, dict):
                logs.update(result)
            else:
                logs[metric.name] = result
        return dict(sorted(logs.items()))

    # Losses and metrics of a step.

    def compute_loss(
        self, x=None, y=None, y_pred=None, sample_weight=None, training=True
    ):
        """The total loss of a batch: compiled losses plus `self.losses`.

        Also updates the per-output loss trackers of a multi-output model.

        Args:
            x: The inputs.
            y: The targets.
            y_pred: The model's outputs on `x`.
            sample_weight: Sample weights.
            training: Whether this is a training step.

        Returns:
            A scalar tensor.
        """
        del x
        losses = []
        if self._compile_loss is not None:
            total, per_output = self._compile_loss(y, y_pred, sample_weight)
            for tracker, value in zip(
                self._compile_loss.trackers, per_output, strict=False
            ):
                tracker.update_state(value)
            losses.append(total)
        for loss in self.losses:
            losses.append(ops.cast(loss, "float32"))
        if not losses:
            if training:
                raise ValueError(
                    f"No loss to compute for model '{self.name}'. Provide a "
                    "`loss` argument in `compile()`, or add losses in the "
                    "model with `self.add_loss()`."
                )
            return ops.zeros((), dtype="float32")
        total = losses[0]
        for loss in losses[1:]:
            total = total + loss
        return total

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        """Updates the compiled metrics and returns every metric's result.

        Args:
            x: The inputs.
            y: The targets.
            y_pred: The model's outputs.
            sample_weight: Sample weights.

        Returns:
            A dict of metric results.
        """
        del x
        if self._compile_metrics is not None:
            self._compile_metrics.update_state(y, y_pred, sample_weight)
        return self.get_metrics_result()

    def stateless_compute_loss(
        self,
        trainable_variables,
        non_trainable_variables,
        metrics_variables,
        x=None,
        y=None,
        y_pred=None,
        sample_weight=None,
        training=True,
    ):
        """`compute_loss` on values instead of the variables.

        Returns:
            `(loss, (trainable_values, non_trainable_values, metrics_values))`.
        """
        groups = (
            (self.trainable_variables, trainable_variables),
            (self.non_trainable_variables, non_trainable_variables),
            (self.metrics_variables, metrics_variables),
        )
        mapping = []
        for variables, values in groups:
            mapping.extend(zip(variables, values, strict=True))
        with StatelessScope(state_mapping=mapping) as scope:
            loss = self.compute_loss(x, y, y_pred, sample_weight, training)
        updated = tuple(scope.current_values(*group) for group in groups)
        return loss, updated

    def _update_loss_tracker(self, loss, x):
        # Weighted by batch size, so the epoch loss is a per-sample mean.
        batch_size = ops.shape(tree.flatten(x)[0])[0]
        self._loss_tracker.update_state(loss, sample_weight=batch_size)

    def _symbolic_build(self, data):
        """Builds model, compiled losses/metrics and optimizer from a batch.

        Runs before any step is compiled: variables cannot be created
        inside a traced step.
        """
        x, y, sample_weight = _unpack(data)
        needs_build = (
            not self.built
            or (self._compile_loss is not None and not self._compile_loss.built)
            or (self._compile_metrics is not None and not self._compile_metrics.built)
        )
        if needs_build:
            x_spec = tree.map_structure(_symbolic, x)
            y_spec = tree.map_structure(_symbolic, y)
            if not self.built and _builds_from_shape(self, x_spec):
                # A Sequential model without an Input builds from the data.
                self.build(tuple(x_spec.shape))
            y_pred_spec = self.compute_output_spec(x_spec)
            # Layers built by that abstract call made their variables
            # without values (it runs in a stateless scope): give them now.
            initialize_all_variables()
            names = compile_utils.output_names(self)
            loss_names = None
            if self._compile_loss is not None and not self._compile_loss.built:
                if y is None:
                    raise ValueError(
                        f"Model '{self.name}' was compiled with a loss, but "
                        "the data has no targets `y`. Pass `y` (or batches of "
                        "(x, y)), or compile without a loss and add losses "
                        "with `self.add_loss()`."
                    )
                self._compile_loss.build(y_spec, y_pred_spec, names)
            if self._compile_loss is not None:
                loss_names = [
                    compile_utils._loss_name(loss) if loss else ""
                    for loss in self._compile_loss.losses
                ]
            if self._compile_metrics is not None and not self._compile_metrics.built:
                self._compile_metrics.build(y_spec, y_pred_spec, names, loss_names)
        del sample_weight
        if self.optimizer is not None and not self.optimizer.built:
            self.optimizer.build(self.trainable_variables)

    def _assert_compiled(self, method):
        if not self.compiled:
            raise ValueError(
                f"You must call `compile()` before using the model's "
                f"`{method}()`: for example `model.compile(optimizer='adam', "
                "loss='mse')`."
            )

    def _step_context(self):
        return call_context.step_context(self)

    # Backend hooks (see keras_core/_src/backend/<name>/trainer.py).

    def _check_can_train(self):
        """Raises where the backend cannot train (NumPy)."""

    def _loop_begin(self, kind):
        """Called before the steps of a fit/evaluate/predict loop."""

    def _loop_end(self, kind):
        """Called after them: makes the variables hold the latest state."""

    def _sync_for_callbacks(self):
        """Makes the variables current while a loop is under way."""

    def _set_sync_each_step(self, flag):
        """Whether callbacks need current variables after every step."""

    def _run_train_batches(self, batches):
        return self.train_function(batches)

    def _run_test_batches(self, batches):
        return self.test_function(batches)

    def _run_predict_batches(self, batches):
        return self.predict_function(batches)

    # Steps, run eagerly; backends wrap them in their compilers.

    def train_step(self, data):
        """One training step on a batch; returns the logs.

        The backend's trainer implements it (JAX: `train_step(state, data)`).
        """
        raise NotImplementedError(
            f"Training is not available on the {self._backend_name()} backend."
        )

    def test_step(self, data):
        """One evaluation step on a batch: updates metrics, returns logs."""
        x, y, sample_weight = _unpack(data)
        with self._step_context():
            y_pred = self(x, training=False)
            loss = self.compute_loss(x, y, y_pred, sample_weight, training=False)
            self._update_loss_tracker(loss, x)
            return self.compute_metrics(x, y, y_pred, sample_weight)

    def predict_step(self, data):
        """The model's outputs on a batch."""
        x, _, _ = _unpack(data)
        return self(x, training=False)

    def _backend_name(self):
        from keras_core._src import backend

        return backend.backend()

    def _compile_step_function(self, function, kind):
        """Wraps a function of a list of batches in the backend's compiler."""
        del kind
        return function

    def make_train_function(self, force=False):
        """Creates (once) the function running train steps on batches."""
        if self.train_function is None or force:

            def train_function(batches):
                for data in batches:
                    logs = self.train_step(data)
                return logs

            _set_untracked(
                self,
                "train_function",
                self._compile_step_function(train_function, "train"),
            )
        return self.train_function

    def make_test_function(self, force=False):
        """Creates (once) the function running test steps on batches."""
        if self.test_function is None or force:

            def test_function(batches):
                for data in batches:
                    logs = self.test_step(data)
                return logs

            _set_untracked(
                self,
                "test_function",
                self._compile_step_function(test_function, "test"),
            )
        return self.test_function

    def make_predict_function(self, force=False):
        """Creates (once) the function returning outputs of batches."""
        if self.predict_function is None or force:

            def predict_function(batches):
                return [self.predict_step(data) for data in batches]

            _set_untracked(
                self,
                "predict_function",
                self._compile_step_function(predict_function, "predict"),
            )
        return self.predict_function

    # The loops.

    def fit(
        self,
        x=None,
        y=None,
        batch_size=None,
        epochs=1,
        verbose="auto",
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        class_weight=None,
        sample_weight=None,
        initial_epoch=0,
        steps_per_epoch=None,
        validation_steps=None,
        validation_batch_size=None,
        validation_freq=1,
    ):
        """Trains the model for a number of epochs.

        Args:
            x: Inputs: arrays (or nested lists/dicts of them), a tf.data
                Dataset, a torch DataLoader, a generator or a `PyDataset`
                yielding `(x, y)` or `(x, y, sample_weight)`.
            y: Targets, when `x` holds arrays.
            batch_size: Samples per step for array data (default 32).
            epochs: The epoch to stop at.
            verbose: 0 (silent), 1 (progress bar), 2 (a line per epoch) or
                "auto" (1).
            callbacks: `keras_core.callbacks.Callback`s.
            validation_split: Fraction of array data held out for
                validation (the last samples, before shuffling).
            validation_data: Data to evaluate at the end of each epoch.
            shuffle: Whether to shuffle array data each epoch.
            class_weight: Dict of class index -> weight of its samples.
            sample_weight: Per-sample weights for array data.
            initial_epoch: The epoch to start from (to resume training).
            steps_per_epoch: Steps that make an epoch.
            validation_steps: Steps per validation.
            validation_batch_size: Batch size of the validation.
            validation_freq: Validate every this many epochs.

        Returns:
            A `History` whose `history` dict has one list per log key.

        Example:

        >>> history = model.fit(x, y, epochs=3, batch_size=16, verbose=0)
        >>> sorted(history.history)
        ['loss', 'mae']
        """
        return loops.fit(
            self,
            x=x,
            y=y,
            batch_size=batch_size,
            epochs=epochs,
            verbose=verbose,
            callbacks=callbacks,
            validation_split=validation_split,
            validation_data=validation_data,
            shuffle=shuffle,
            class_weight=class_weight,
            sample_weight=sample_weight,
            initial_epoch=initial_epoch,
            steps_per_epoch=steps_per_epoch,
            validation_steps=validation_steps,
            validation_batch_size=validation_batch_size,
            validation_freq=validation_freq,
        )

    def evaluate(
        self,
        x=None,
        y=None,
        batch_size=None,
        verbose="auto",
        sample_weight=None,
        steps=None,
        callbacks=None,
        return_dict=False,
        **kwargs,
    ):
        """Returns the loss and metrics of the model on data.

        Args:
            x: Inputs (as in `fit`).
            y: Targets.
            batch_size: Samples per step for array data.
            verbose: 0, 1, 2 or "auto".
            sample_weight: Per-sample weights for array data.
            steps: Steps to run (default: the whole data).
            callbacks: Callbacks.
            return_dict: Whether to return `{name: value}` instead of a
                list ordered as `metrics_names` (loss first).
            **kwargs: Only for use by `fit` (`_use_cached_eval_dataset`).

        Returns:
            A scalar loss, a list of values, or a dict.

        Example:

        >>> loss, mae = model.evaluate(x, y, verbose=0)
        """
        return loops.evaluate(
            self,
            x=x,
            y=y,
            batch_size=batch_size,
            verbose=verbose,
            sample_weight=sample_weight,
            steps=steps,
            callbacks=callbacks,
            return_dict=return_dict,
            **kwargs,
        )

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        """Returns the model's outputs on `x`, batch by batch, as NumPy.

        Args:
            x: Inputs (arrays, dataset, generator, `PyDataset`).
            batch_size: Samples per step for array data (default 32).
            verbose: 0, 1, 2 or "auto".
            steps: Steps to run (default: the whole data).
            callbacks: Callbacks.

        Returns:
            NumPy arrays in the structure of the model's outputs.

        Example:

        >>> predictions = model.predict(x, verbose=0)
        """
        return loops.predict(
            self,
            x,
            batch_size=batch_size,
            verbose=verbose,
            steps=steps,
            callbacks=callbacks,
        )

    def train_on_batch(
        self,
        x,
        y=None,
        sample_weight=None,
        class_weight=None,
        return_dict=False,
    ):
        """Runs one training step on one batch.

        Args:
            x: Inputs.
            y: Targets.
            sample_weight: Per-sample weights.
            class_weight: Dict of class index -> weight.
            return_dict: Whether to return a dict instead of a list.

        Returns:
            The loss and metrics after the step (list, scalar or dict).

        Example:

        >>> loss = model.train_on_batch(x, y)
        """
        return loops.run_on_batch(
            self, "train", x, y, sample_weight, class_weight, return_dict
        )

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """Evaluates the model on one batch (metrics accumulate from reset).

        Returns:
            The loss and metrics (list, scalar or dict).
        """
        return loops.run_on_batch(self, "test", x, y, sample_weight, None, return_dict)

    def predict_on_batch(self, x):
        """Returns the model's outputs on one batch, as NumPy arrays."""
        return loops.predict_on_batch(self, x)

    # State as nested dicts.

    def get_state_tree(self, value_format="backend_tensor"):
        """The model's state, nested along variable paths, per group.

        Args:
            value_format: "backend_tensor" or "numpy_array".

        Returns:
            `{"trainable_variables": {...}, "non_trainable_variables": ...,
            "optimizer_variables": ..., "metrics_variables": ...}`.

        Example:

        >>> tree = model.get_state_tree("numpy_array")
        >>> tree["trainable_variables"]["sequential"]["dense"]["kernel"].shape
        (3, 1)
        """
        return state_tree.get_state_tree(self, value_format)

    def set_state_tree(self, state_tree):
        """Assigns the values of a tree made by `get_state_tree`."""
        from keras_core._src.trainers import state_tree as state_tree_module

        state_tree_module.set_state_tree(self, state_tree)

    # Configs.

    def get_compile_config(self):
        """The arguments of `compile()`, serialized ({} if not compiled)."""
        from keras_core._src.saving import serialization_lib

        if not self.compiled or self._compile_config is None:
            return {}
        return serialization_lib.serialize_keras_object(self._compile_config)

    def compile_from_config(self, config):
        """Compiles the model from the output of `get_compile_config()`."""
        from keras_core._src.saving import serialization_lib

        config = serialization_lib.deserialize_keras_object(config)
        self.compile(**config)
        if self.built and self.optimizer is not None and not self.optimizer.built:
            self.optimizer.build(self.trainable_variables)
