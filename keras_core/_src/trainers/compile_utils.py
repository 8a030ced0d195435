"""What `compile()` turns its `loss` and `metrics` arguments into.

`CompileLoss` matches the losses (one, a list or a dict) to the model's
outputs and sums them with their weights; `CompileMetrics` does the same
for metrics and is itself a Metric named "compile_metrics", as in Keras.
Both resolve their structure once, from the shapes of the first batch
(`build`), before any step is traced: variables cannot be created inside
a compiled step.
"""

from keras_core import ops
from keras_core._src.metrics.metric import Metric
from keras_core._src.metrics.reduction_metrics import Mean
from keras_core._src.metrics.reduction_metrics import MeanMetricWrapper
from keras_core._src.tree import tree_api

# Losses whose targets are class indices, one rank below the predictions.
_SPARSE_LOSS_NAMES = ("sparse_categorical_crossentropy",)
_BINARY_LOSS_NAMES = ("binary_crossentropy", "binary_focal_crossentropy")


def output_names(model):
    """The names Keras gives a model's outputs (for logs and loss dicts).

    Functional models name each output after the layer producing it (or
    by its key for dict outputs); other models have `output_0`, ... .
    """
    structure = getattr(model, "_outputs_struct", None)
    if isinstance(structure, dict):
        return sorted(structure)
    outputs = getattr(model, "_outputs", None)
    if not outputs and getattr(model, "_layers", None) and hasattr(model, "pop"):
        # A Sequential model's output is its last layer's.
        return [model._layers[-1].name]
    if outputs:
        names = []
        for tensor in outputs:
            history = getattr(tensor, "_keras_history", None)
            names.append(history.operation.name if history else tensor.name)
        return names
    return None


def _flat_outputs(y_pred, names):
    """`y_pred` as a flat list, in the order of `names` for dicts."""
    if isinstance(y_pred, dict):
        return [y_pred[name] for name in sorted(y_pred)]
    return tree_api.flatten(y_pred)


def _flat_targets(y_true, y_pred, names, what):
    """`y_true` flattened to line up with `_flat_outputs(y_pred)`."""
    if isinstance(y_true, dict):
        keys = sorted(y_pred) if isinstance(y_pred, dict) else names
        missing = [key for key in keys or () if key not in y_true]
        if keys is None or missing:
            raise ValueError(
                f"The targets `y` are a dict with keys {sorted(y_true)}, but "
                f"the model's outputs are {keys}: {what} needs a target for "
                f"each output. Missing: {missing}."
            )
        return [y_true[key] for key in keys]
    flat = tree_api.flatten(y_true)
    count = len(_flat_outputs(y_pred, names))
    if len(flat) != count:
        raise ValueError(
            f"The model has {count} output(s) but the targets `y` hold "
            f"{len(flat)} array(s). Pass one target per output (a list in "
            f"output order, or a dict keyed by output name: {names})."
        )
    return flat


def _spread(spec, names, count, what):
    """A per-output list from one spec, a list or a dict keyed by name."""
    if isinstance(spec, dict):
        if names is None:
            raise ValueError(
                f"`{what}` was given as a dict ({sorted(spec)}), but the "
                "model's outputs have no names: pass a list in output order."
            )
        unknown = [key for key in spec if key not in names]
        if unknown:
            raise ValueError(
                f"`{what}` has keys {unknown} that are not output names of "
                f"the model. The outputs are named {names}."
            )
        return [spec.get(name) for name in names]
    if isinstance(spec, (list, tuple)):
        if len(spec) != count:
            raise ValueError(
                f"`{what}` is a list of {len(spec)} entries, but the model "
                f"has {count} output(s) ({names}). Give one entry per output "
                "(None for an output without one), or a dict keyed by "
                "output name."
            )
        return list(spec)
    return [spec] * count


def _rank(spec):
    return len(spec.shape)


def _last_dim(spec):
    return spec.shape[-1] if spec.shape else None


def _check_target_fits(loss_name, y_true, y_pred, output_name):
    """Raises if `y_true` cannot line up with `y_pred` for this loss."""
    true_shape, pred_shape = tuple(y_true.shape), tuple(y_pred.shape)
    if loss_name in _SPARSE_LOSS_NAMES:
        if len(true_shape) == len(pred_shape) and true_shape[-1] not in (1, None):
            raise ValueError(
                f"Output '{output_name}' uses `{loss_name}`, which expects "
                "integer class indices of shape (batch,) or (batch, 1), but "
                f"received targets of shape {true_shape} for predictions of "
                f"shape {pred_shape}. For one-hot targets use "
                "`categorical_crossentropy`."
            )
        return
    if len(true_shape) == len(pred_shape) - 1:
        true_shape = (*true_shape, 1)
    if len(true_shape) != len(pred_shape):
        return
    for true_dim, pred_dim in zip(true_shape[1:], pred_shape[1:], strict=True):
        if None in (true_dim, pred_dim) or true_dim == pred_dim:
            continue
        if 1 in (true_dim, pred_dim):
            continue
        raise ValueError(
            f"Targets of shape {tuple(y_true.shape)} do not fit output "
            f"'{output_name}' of shape {pred_shape} (loss `{loss_name}`). "
            "Give `y` the output's shape, or change the model's last layer "
            f"to produce {tuple(y_true.shape)}."
        )


def _loss_name(loss):
    return getattr(loss, "name", None) or getattr(loss, "__name__", "")


class CompileLoss:
    """The losses given to `compile()`, matched to the outputs and summed.

    Args:
        loss: A loss (name, function or `Loss`), or a list/dict of them
            per output.
        loss_weights: A float, or a list/dict of floats per output.
        reduction: The reduction of losses given as functions or names.
    """

    def __init__(self, loss, loss_weights=None, reduction="sum_over_batch_size"):
        self._loss_spec = loss
        self._weights_spec = loss_weights
        self._reduction = reduction
        self.built = False
        self.losses = None
        self.weights = None
        self.output_names = None
        self.trackers = []

    def build(self, y_true, y_pred, names):
        """Resolves the losses per output from (symbolic) targets and outputs."""
        from keras_core._src.losses import loss as loss_module
        from keras_core._src.losses.serialization import get as get_loss

        flat_pred = _flat_outputs(y_pred, names)
        count = len(flat_pred)
        if names is None or len(names) != count:
            names = [f"output_{index}" for index in range(count)]
        self.output_names = names
        specs = _spread(self._loss_spec, names, count, "loss")
        if isinstance(self._loss_spec, dict):
            missing = [n for n, spec in zip(names, specs, strict=True) if spec is None]
            if missing:
                raise ValueError(
                    f"The `loss` dict has no entry for output(s) {missing}. "
                    f"Expected keys {names}; give each output a loss."
                )
        weights = _spread(self._weights_spec, names, count, "loss_weights")
        flat_true = _flat_targets(y_true, y_pred, names, "the loss")
        self.losses = []
        for spec, true, pred, name in zip(
            specs, flat_true, flat_pred, names, strict=True
        ):
            if spec is None:
                self.losses.append(None)
                continue
            loss = get_loss(spec)
            if not isinstance(loss, loss_module.Loss):
                loss = loss_module.LossFunctionWrapper(
                    loss, reduction=self._reduction, name=_loss_name(loss)
                )
            if true is not None:
                _check_target_fits(_loss_name(loss), true, pred, name)
            self.losses.append(loss)
        self.weights = [1.0 if w is None else float(w) for w in weights]
        active = [n for n, loss in zip(names, self.losses, strict=True) if loss]
        # Keras logs each output's loss when there are several outputs.
        self.trackers = (
            [Mean(name=f"{name}_loss") for name in active] if count > 1 else []
        )
        self.built = True

    def __call__(self, y_true, y_pred, sample_weight=None):
        """Returns `(total_loss, [loss per output with a loss])`."""
        flat_pred = _flat_outputs(y_pred, self.output_names)
        flat_true = _flat_targets(y_true, y_pred, self.output_names, "the loss")
        flat_weights = self._flat_sample_weights(sample_weight, len(flat_pred))
        total = None
        per_output = []
        for loss, weight, true, pred, sample in zip(
            self.losses, self.weights, flat_true, flat_pred, flat_weights, strict=True
        ):
            if loss is None:
                continue
            value = loss(true, pred, sample_weight=sample)
            per_output.append(value)
            if weight != 1.0 or getattr(loss, "dtype", None) != "float32":
                value = ops.cast(value, "float32") * weight
            total = value if total is None else total + value
        if total is None:
            total = ops.zeros((), dtype="float32")
        return total, per_output

    def _flat_sample_weights(self, sample_weight, count):
        if sample_weight is None:
            return [None] * count
        if isinstance(sample_weight, dict):
            return [sample_weight.get(name) for name in self.output_names]
        if isinstance(sample_weight, (list, tuple)):
            if len(sample_weight) != count:
                raise ValueError(
                    f"`sample_weight` is a list of {len(sample_weight)} "
                    f"arrays but the model has {count} outputs: give one "
                    "per output, or a single array for all."
                )
            return list(sample_weight)
        return [sample_weight] * count

    def get_config_spec(self):
        return self._loss_spec


def _is_binary(loss_name, y_pred):
    return loss_name in _BINARY_LOSS_NAMES or _last_dim(y_pred) == 1


def _is_sparse(loss_name, y_true, y_pred):
    if loss_name in _SPARSE_LOSS_NAMES:
        return True
    if _rank(y_true) == _rank(y_pred) - 1:
        return True
    return _last_dim(y_true) == 1 and _last_dim(y_pred) not in (1, None)


def _resolve_metric(identifier, loss_name, y_true, y_pred):
    """A Metric object for one entry of `metrics`."""
    from keras_core._src.metrics import accuracy_metrics
    from keras_core._src.metrics import probabilistic_metrics
    from keras_core._src.metrics.serialization import get as get_metric

    if isinstance(identifier, str) and identifier in ("accuracy", "acc"):
        if _is_binary(loss_name, y_pred):
            return accuracy_metrics.BinaryAccuracy(name=identifier)
        if y_true is not None and _is_sparse(loss_name, y_true, y_pred):
            return accuracy_metrics.SparseCategoricalAccuracy(name=identifier)
        return accuracy_metrics.CategoricalAccuracy(name=identifier)
    if isinstance(identifier, str) and identifier == "crossentropy":
        if _is_binary(loss_name, y_pred):
            return probabilistic_metrics.BinaryCrossentropy(name=identifier)
        if y_true is not None and _is_sparse(loss_name, y_true, y_pred):
            return probabilistic_metrics.SparseCategoricalCrossentropy(name=identifier)
        return probabilistic_metrics.CategoricalCrossentropy(name=identifier)
    metric = get_metric(identifier)
    if isinstance(metric, Metric):
        if isinstance(identifier, str):
            # Logs use the name the user wrote ("mae", not the class name).
            metric.name = identifier
        return metric
    if callable(metric):
        name = identifier if isinstance(identifier, str) else None
        return MeanMetricWrapper(metric, name=name or getattr(metric, "__name__", None))
    raise ValueError(
        f"Could not interpret metric identifier: {identifier!r}. Expected a "
        "metric name, a Metric instance or a function (y_true, y_pred)."
    )


class CompileMetrics(Metric):
    """The `metrics` and `weighted_metrics` of `compile()`, per output.

    Its `result()` is a dict `{log name: value}`; names get the output's
    name as a prefix when the model has several outputs.

    Args:
        metrics: Metrics (names, functions or `Metric`s): a list applied
            to a single output, or a list of lists / dict of lists per
            output.
        weighted_metrics: The same, updated with the sample weights.
        name: The metric's name.
    """

    def __init__(self, metrics, weighted_metrics, name="compile_metrics"):
        super().__init__(name=name)
        self._metrics_spec = metrics
        self._weighted_spec = weighted_metrics
        self.built = False
        self._per_output = []
        self._weighted_per_output = []
        self.output_names = None

    @property
    def metrics(self):
        """Every metric object, unweighted ones first, in output order."""
        flat = [m for group in self._per_output for m in group]
        return flat + [m for group in self._weighted_per_output for m in group]

    @property
    def variables(self):
        return [v for metric in self.metrics for v in metric.variables]

    def _resolve_groups(self, spec, names, y_true, y_pred, loss_names, what):
        count = len(y_pred)
        if spec is None:
            return [[] for _ in range(count)]
        nested = all(isinstance(item, (list, tuple, type(None))) for item in spec)
        if count > 1 and isinstance(spec, (list, tuple)) and not nested:
            raise ValueError(
                f"The model has {count} outputs {names}, so `{what}` must "
                "be a dict keyed by output name or a list with one list "
                f"of metrics per output. Received: {what}={spec!r}"
            )
        if count == 1 and not isinstance(spec, dict):
            groups = [spec]
        else:
            groups = _spread(spec, names, count, what)
        resolved = []
        for index, group in enumerate(groups):
            if group is None:
                resolved.append([])
                continue
            if not isinstance(group, (list, tuple)):
                group = [group]
            true = y_true[index] if y_true is not None else None
            resolved.append(
                [
                    _resolve_metric(item, loss_names[index], true, y_pred[index])
                    for item in group
                ]
            )
        return resolved

    def build(self, y_true, y_pred, names, loss_names):
        """Creates the metric objects (and variables) for these shapes."""
        flat_pred = _flat_outputs(y_pred, names)
        count = len(flat_pred)
        if names is None or len(names) != count:
            names = [f"output_{index}" for index in range(count)]
        self.output_names = names
        flat_true = (
            None
            if y_true is None
            else _flat_targets(y_true, y_pred, names, "the metrics")
        )
        loss_names = loss_names or [""] * count
        self._per_output = self._resolve_groups(
            self._metrics_spec, names, flat_true, flat_pred, loss_names, "metrics"
        )
        self._weighted_per_output = self._resolve_groups(
            self._weighted_spec,
            names,
            flat_true,
            flat_pred,
            loss_names,
            "weighted_metrics",
        )
        if count > 1:
            for groups in (self._per_output, self._weighted_per_output):
                for name, group in zip(names, groups, strict=True):
                    for metric in group:
                        metric.name = f"{name}_{metric.name}"
        self._dedupe_weighted_names()
        # Metrics whose state depends on the data's shapes (F-scores, R2)
        # create it now: variables cannot be made inside a traced step.
        for groups in (self._per_output, self._weighted_per_output):
            for index, group in enumerate(groups):
                for metric in group:
                    if hasattr(metric, "_build") and not getattr(metric, "built", True):
                        true_shape = (
                            flat_pred[index].shape
                            if flat_true is None
                            else flat_true[index].shape
                        )
                        metric._build(true_shape, flat_pred[index].shape)
        self.built = True

    def _dedupe_weighted_names(self):
        plain = {m.name for group in self._per_output for m in group}
        for group in self._weighted_per_output:
            for metric in group:
                if metric.name in plain:
                    metric.name = f"weighted_{metric.name}"

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Updates every metric with its output's targets and predictions."""
        if not self.built:
            return
        flat_pred = _flat_outputs(y_pred, self.output_names)
        flat_true = _flat_targets(y_true, y_pred, self.output_names, "the metrics")
        weights = _flat_weights(sample_weight, self.output_names, len(flat_pred))
        for index, group in enumerate(self._per_output):
            for metric in group:
                metric.update_state(flat_true[index], flat_pred[index])
        for index, group in enumerate(self._weighted_per_output):
            for metric in group:
                metric.update_state(
                    flat_true[index], flat_pred[index], sample_weight=weights[index]
                )

    def result(self):
        """`{name: value}` for every metric."""
        return {metric.name: metric.result() for metric in self.metrics}

    def reset_state(self):
        for metric in self.metrics:
            metric.reset_state()


def _flat_weights(sample_weight, names, count):
    if sample_weight is None:
        return [None] * count
    if isinstance(sample_weight, dict):
        return [sample_weight.get(name) for name in names]
    if isinstance(sample_weight, (list, tuple)) and len(sample_weight) == count:
        return list(sample_weight)
    return [sample_weight] * count
