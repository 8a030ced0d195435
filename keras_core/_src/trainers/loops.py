"""The epoch loops of fit, evaluate and predict, written once.

They iterate batches (`data_adapters.EpochIterator`), hand groups of
`steps_per_execution` batches to the model's backend step functions and
call the callbacks. Batch logs stay backend tensors (reading them would
wait for the device); epoch logs become Python floats.
"""

import warnings

import numpy as np

from keras_core._src.backend.common import config
from keras_core._src.tree import tree_api as tree


def _callback_list(model, callbacks, verbose, epochs, steps):
    from keras_core._src.callbacks.callback_list import CallbackList

    if isinstance(callbacks, CallbackList):
        return callbacks
    return CallbackList(
        callbacks,
        add_history=True,
        add_progbar=verbose != 0,
        verbose=verbose,
        epochs=epochs,
        steps=steps,
        model=model,
    )


def _resolve_verbose(verbose):
    # "auto" (a progress bar) stays as given: callbacks see it in `params`.
    if verbose not in (0, 1, 2, "auto"):
        raise ValueError(
            "Argument `verbose` must be 0, 1, 2 or 'auto'. "
            f"Received: verbose={verbose!r}"
        )
    return verbose


def _epoch_iterator(
    x, y, sample_weight, batch_size, steps, shuffle, class_weight, model
):
    from keras_core._src.trainers.data_adapters import EpochIterator

    return EpochIterator(
        x=x,
        y=y,
        sample_weight=sample_weight,
        batch_size=batch_size,
        steps_per_epoch=steps,
        shuffle=shuffle,
        class_weight=class_weight,
        steps_per_execution=model.steps_per_execution,
    )


def to_python_logs(logs):
    """Backend scalars in `logs` as Python floats (nested dicts flattened)."""
    from keras_core._src import backend

    flat = {}
    for key, value in logs.items():
        if isinstance(value, dict):
            flat.update(to_python_logs(value))
            continue
        if value is None or isinstance(value, (int, float, str)):
            flat[key] = value
            continue
        array = np.asarray(backend.core.convert_to_numpy(value))
        flat[key] = array.item() if array.size == 1 else array
    return flat


def _check_epochs(epochs, initial_epoch):
    if not isinstance(epochs, int) or epochs < 0:
        raise ValueError(
            f"Argument `epochs` of fit() must be a non-negative int. Received: "
            f"epochs={epochs!r}"
        )
    if not isinstance(initial_epoch, int) or initial_epoch < 0:
        raise ValueError(
            "Argument `initial_epoch` of fit() must be a non-negative int. "
            f"Received: initial_epoch={initial_epoch!r}"
        )


def _validation_split(x, y, sample_weight, validation_split):
    from keras_core._src.trainers.data_adapters.data_utils import train_validation_split

    (x, y, sample_weight), validation = train_validation_split(
        (x, y, sample_weight), validation_split=validation_split
    )
    return x, y, sample_weight, validation


def fit(
    model,
    x,
    y,
    batch_size,
    epochs,
    verbose,
    callbacks,
    validation_split,
    validation_data,
    shuffle,
    class_weight,
    sample_weight,
    initial_epoch,
    steps_per_epoch,
    validation_steps,
    validation_batch_size,
    validation_freq,
):
    """`Model.fit` (see its docstring)."""
    from keras_core._src.trainers.data_adapters.data_utils import (
        unpack_x_y_sample_weight,
    )

    model._assert_compiled("fit")
    model._check_can_train()
    verbose = _resolve_verbose(verbose)
    _check_epochs(epochs, initial_epoch)
    if not isinstance(validation_freq, int) or validation_freq < 1:
        raise ValueError(
            "Argument `validation_freq` of fit() must be a positive int. "
            f"Received: validation_freq={validation_freq!r}"
        )
    max_epochs = config.max_epochs()
    if max_epochs is not None:
        epochs = min(epochs, max_epochs)
    if validation_split and validation_data is None:
        x, y, sample_weight, validation_data = _validation_split(
            x, y, sample_weight, validation_split
        )
    validation = None
    if validation_data is not None:
        validation = unpack_x_y_sample_weight(validation_data)
    iterator = _epoch_iterator(
        x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight, model
    )
    callbacks = _callback_list(model, callbacks, verbose, epochs, iterator.num_batches)
    model.stop_training = False
    model._initial_epoch = None
    model._set_sync_each_step(_reads_weights_per_batch(callbacks))
    model.make_train_function()
    callbacks.on_train_begin()
    if model._initial_epoch is not None:
        initial_epoch = model._initial_epoch
    validation_iterator = None
    epoch_logs = {}
    model._loop_begin("train")
    try:
        for epoch in range(initial_epoch, epochs):
            model.reset_metrics()
            callbacks.on_epoch_begin(epoch)
            logs = _train_epoch(model, iterator, callbacks, epoch == initial_epoch)
            model._loop_end("train")
            if logs is None:
                break
            epoch_logs = to_python_logs(model.get_metrics_result() if logs else {})
            if validation is not None and (epoch + 1) % validation_freq == 0:
                if validation_iterator is None:
                    validation_iterator = _epoch_iterator(
                        *validation,
                        validation_batch_size or batch_size,
                        validation_steps,
                        False,
                        None,
                        model,
                    )
                val_logs = evaluate(
                    model,
                    x=None,
                    y=None,
                    batch_size=None,
                    verbose=0,
                    sample_weight=None,
                    steps=None,
                    callbacks=callbacks,
                    return_dict=True,
                    _iterator=validation_iterator,
                )
                epoch_logs.update({f"val_{key}": v for key, v in val_logs.items()})
            callbacks.on_epoch_end(epoch, epoch_logs)
            if model.stop_training:
                break
            model._loop_begin("train")
    finally:
        model._loop_end("train")
    if getattr(model.optimizer, "use_ema", False):
        model.optimizer.finalize_variable_values(model.trainable_variables)
    callbacks.on_train_end(logs=epoch_logs)
    return model.history


def _reads_weights_per_batch(callbacks):
    """Whether a callback acts on batch ends (and may read the weights)."""
    from keras_core._src.callbacks.callback import Callback
    from keras_core._src.callbacks.history import History
    from keras_core._src.callbacks.progbar_logger import ProgbarLogger

    for callback in getattr(callbacks, "callbacks", ()):
        # A callback may say whether it reads weights after batches
        # (checkpoints saving every N batches do, epoch-level ones not).
        declared = getattr(callback, "_reads_weights_per_batch", None)
        if declared is not None:
            if declared:
                return True
            continue
        if isinstance(callback, (History, ProgbarLogger)):
            continue
        kind = type(callback)
        hooks = (
            "on_train_batch_begin",
            "on_train_batch_end",
            "on_batch_begin",
            "on_batch_end",
        )
        for hook in hooks:
            overridden = getattr(kind, hook, None) is not getattr(Callback, hook)
            if overridden or hook in vars(callback):
                return True
    return False


def _train_epoch(model, iterator, callbacks, first_epoch):
    logs = None
    for step, batches in iterator.enumerate_epoch():
        callbacks.on_train_batch_begin(step)
        if _needs_build(model):
            model._symbolic_build(batches[0])
        logs = model._run_train_batches(batches)
        model._sync_for_callbacks()
        callbacks.on_train_batch_end(step + len(batches) - 1, logs)
        if model.stop_training:
            break
    if logs is None and not first_epoch:
        # A finite generator is spent after one pass: stop, as Keras does.
        warnings.warn(
            "The training data ran out of batches; training stops here. Give "
            "`steps_per_epoch` and a repeating dataset or generator, or data "
            "that can be iterated once per epoch (arrays, PyDataset).",
            stacklevel=3,
        )
        model.stop_training = True
        return None
    if logs is None:
        raise ValueError(
            "The training data yielded no batches: fit() needs at least one "
            "batch per epoch. Check that the dataset or generator is not "
            "empty (or exhausted) and that `steps_per_epoch` is positive."
        )
    return logs


def _needs_build(model):
    compile_loss, compile_metrics = model._compile_loss, model._compile_metrics
    return (
        not model.built
        or (compile_loss is not None and not compile_loss.built)
        or (compile_metrics is not None and not compile_metrics.built)
        or (model.optimizer is not None and not model.optimizer.built)
    )


def evaluate(
    model,
    x,
    y,
    batch_size,
    verbose,
    sample_weight,
    steps,
    callbacks,
    return_dict,
    _iterator=None,
    **kwargs,
):
    """`Model.evaluate` (see its docstring)."""
    if kwargs:
        raise ValueError(f"Arguments not recognized by evaluate(): {sorted(kwargs)}")
    model._assert_compiled("evaluate")
    verbose = _resolve_verbose(verbose)
    iterator = _iterator or _epoch_iterator(
        x, y, sample_weight, batch_size, steps, False, None, model
    )
    inside_fit = _iterator is not None
    if not inside_fit:
        callbacks = _callback_list(model, callbacks, verbose, 1, iterator.num_batches)
    model.make_test_function()
    model.stop_evaluating = False
    callbacks.on_test_begin()
    model.reset_metrics()
    model._loop_begin("test")
    logs = None
    try:
        for step, batches in iterator.enumerate_epoch():
            callbacks.on_test_batch_begin(step)
            if _needs_build(model):
                model._symbolic_build(batches[0])
            logs = model._run_test_batches(batches)
            callbacks.on_test_batch_end(step + len(batches) - 1, logs)
            if model.stop_evaluating:
                break
    finally:
        model._loop_end("test")
    if logs is None:
        raise ValueError(
            "The evaluation data yielded no batches: evaluate() needs at "
            "least one batch. Check that the dataset is not empty."
        )
    logs = to_python_logs(model.get_metrics_result())
    callbacks.on_test_end(logs)
    if return_dict:
        return logs
    return _logs_as_list(model, logs)


def _logs_as_list(model, logs):
    """Logs in `metrics_names` order, loss first; a scalar if just the loss."""
    ordered = []
    if "loss" in logs:
        ordered.append(logs["loss"])
    loss_trackers = model._compile_loss.trackers if model._compile_loss else []
    others = [
        m
        for m in model.metrics
        if m is not model._loss_tracker and m not in loss_trackers
    ]
    for metric in [*loss_trackers, *others]:
        names = [metric.name]
        if metric is model._compile_metrics:
            names = [m.name for m in metric.metrics]
        ordered.extend(logs[name] for name in names if name in logs)
    return ordered[0] if len(ordered) == 1 else ordered


def predict(model, x, batch_size, verbose, steps, callbacks):
    """`Model.predict` (see its docstring)."""
    verbose = _resolve_verbose(verbose)
    iterator = _epoch_iterator(x, None, None, batch_size, steps, False, None, model)
    callbacks = _callback_list(model, callbacks, verbose, 1, iterator.num_batches)
    model.make_predict_function()
    model.stop_predicting = False
    callbacks.on_predict_begin()
    outputs = []
    model._loop_begin("predict")
    try:
        for step, batches in iterator.enumerate_epoch():
            callbacks.on_predict_batch_begin(step)
            batch_outputs = model._run_predict_batches(batches)
            outputs.extend(batch_outputs)
            callbacks.on_predict_batch_end(
                step + len(batches) - 1, {"outputs": batch_outputs[-1]}
            )
            if model.stop_predicting:
                break
    finally:
        model._loop_end("predict")
    if not outputs:
        raise ValueError(
            "The data given to predict() yielded no batches. Check that the "
            "dataset or generator is not empty."
        )
    result = concatenate_outputs(outputs)
    callbacks.on_predict_end()
    return result


def concatenate_outputs(outputs):
    """Per-batch output structures joined into NumPy arrays."""
    from keras_core._src import backend

    def join(*leaves):
        arrays = [np.asarray(backend.core.convert_to_numpy(leaf)) for leaf in leaves]
        if arrays[0].ndim == 0:
            return np.stack(arrays)
        return np.concatenate(arrays, axis=0)

    return tree.map_structure(join, *outputs)


def run_on_batch(model, kind, x, y, sample_weight, class_weight, return_dict):
    """`train_on_batch` and `test_on_batch`: one step on the given batch."""
    from keras_core._src.trainers.data_adapters import EpochIterator

    model._assert_compiled(f"{kind}_on_batch")
    if kind == "train":
        model._check_can_train()
    iterator = EpochIterator(
        x=x,
        y=y,
        sample_weight=sample_weight,
        batch_size=_batch_size_of(x),
        class_weight=class_weight,
    )
    (_, batches), *_ = list(iterator.enumerate_epoch())
    if _needs_build(model):
        model._symbolic_build(batches[0])
    if kind == "train":
        model.make_train_function()
        model._loop_begin("train")
        try:
            model._run_train_batches(batches[:1])
        finally:
            model._loop_end("train")
    else:
        model.make_test_function()
        model.reset_metrics()
        model._loop_begin("test")
        try:
            model._run_test_batches(batches[:1])
        finally:
            model._loop_end("test")
    logs = to_python_logs(model.get_metrics_result())
    if return_dict:
        return logs
    return _logs_as_list(model, logs)


def _batch_size_of(x):
    leaves = tree.flatten(x)
    if not leaves or not hasattr(leaves[0], "shape") or not leaves[0].shape:
        raise ValueError(
            "The inputs of *_on_batch() must be arrays (or nested structures "
            f"of arrays) with a batch axis. Received: {type(x).__name__}"
        )
    return int(leaves[0].shape[0])


def predict_on_batch(model, x):
    """`predict_on_batch`: the outputs on one batch, as NumPy."""
    model.make_predict_function()
    model._loop_begin("predict")
    try:
        outputs = model._run_predict_batches([(x,)])
    finally:
        model._loop_end("predict")
    return concatenate_outputs(outputs)
