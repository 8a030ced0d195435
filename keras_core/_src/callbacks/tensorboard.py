"""`TensorBoard`: logs for TensorBoard, written without TensorFlow.

The event files (see `tensorboard_events.py`) hold what Keras's callback
writes, under the same tags, so the same dashboards show them:

- `train/`: `epoch_<name>` per epoch (step = epoch), with
  `epoch_learning_rate` and `epoch_steps_per_second`; `batch_<name>` every
  `update_freq` batches (step = batches run in this `fit`), with
  `batch_steps_per_second`; `<weight path>/histogram` and `/image`; the
  model config under `keras`.
- `validation/`: `epoch_<name>` for the `val_` logs of each epoch, and
  `evaluation_<name>_vs_iterations` after each evaluation (step = the
  optimizer's iterations).
"""

import os
import time
import warnings

import numpy as np

from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import config
from keras_core._src.callbacks import tensorboard_events as events
from keras_core._src.callbacks.callback import Callback
from keras_core._src.callbacks.monitor import as_float
from keras_core._src.layers.core.embedding import Embedding


def _check_frequency(name, value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"TensorBoard's `{name}` must be an integer >= 0 (a number of "
            f"epochs; 0 disables it). Received: {name}={value!r}"
        )


def _weight_image(value):
    """A weight as `[count, height, width, 1]` images, or None.

    Biases become one column, matrices one image with the longer side as
    width, 3-D kernels one image per output channel.
    """
    value = np.squeeze(value)
    if value.ndim == 1:
        value = value.reshape(1, value.shape[0], 1, 1)
    elif value.ndim == 2:
        if value.shape[0] > value.shape[1]:
            value = value.T
        value = value.reshape(1, value.shape[0], value.shape[1], 1)
    elif value.ndim == 3:
        if config.image_data_format() == "channels_last":
            value = np.transpose(value, (2, 0, 1))
        value = value.reshape(*value.shape, 1)
    if value.ndim == 4 and value.shape[-1] in (1, 3, 4):
        return value
    return None


@keras_public("keras.callbacks")
class TensorBoard(Callback):
    """Writes logs for TensorBoard: metrics, weight histograms, images.

    Run `tensorboard --logdir=path_to_your_logs` to see them. Event files
    are written in pure Python, on every backend, without TensorFlow.

    Args:
        log_dir: The folder of the logs (`train/` and `validation/` are
            created in it).
        histogram_freq: Every this many epochs, write histograms of the
            weights (0: never).
        write_graph: Whether to write the model's config (shown by the
            Graphs dashboard).
        write_images: Whether to write the weights as images too, with the
            histograms.
        write_steps_per_second: Whether to log training steps per second.
        update_freq: "epoch", "batch" (every batch) or a number of
            batches: how often batch-level results are written.
        profile_batch: Accepted for compatibility; as in Keras 3, no
            profile is recorded.
        embeddings_freq: Every this many epochs, save the weights for the
            Projector (0: never); `Embedding` layers are listed in
            `projector_config.pbtxt`.
        embeddings_metadata: The metadata file of the embeddings: one path
            for every `Embedding` layer, or a dict of layer name -> path.

    Example:

    >>> callback = keras_core.callbacks.TensorBoard(log_dir="./logs")
    >>> # model.fit(x, y, epochs=2, callbacks=[callback])
    """

    # Batch hooks write logged values only, never weights.
    _reads_weights_per_batch = False

    def __init__(
        self,
        log_dir="logs",
        histogram_freq=0,
        write_graph=True,
        write_images=False,
        write_steps_per_second=False,
        update_freq="epoch",
        profile_batch=0,
        embeddings_freq=0,
        embeddings_metadata=None,
    ):
        super().__init__()
        _check_frequency("histogram_freq", histogram_freq)
        _check_frequency("embeddings_freq", embeddings_freq)
        if update_freq == "batch":
            update_freq = 1
        if update_freq != "epoch" and (
            isinstance(update_freq, bool)
            or not isinstance(update_freq, int)
            or update_freq < 1
        ):
            raise ValueError(
                "TensorBoard's `update_freq` must be 'epoch', 'batch' or a "
                f"number of batches >= 1. Received: update_freq={update_freq!r}"
            )
        self.log_dir = os.fspath(log_dir)
        self.histogram_freq = histogram_freq
        self.write_graph = write_graph
        self.write_images = write_images
        self.write_steps_per_second = write_steps_per_second
        self.update_freq = update_freq
        self.profile_batch = profile_batch
        self.embeddings_freq = embeddings_freq
        self.embeddings_metadata = embeddings_metadata
        self._train_dir = os.path.join(self.log_dir, "train")
        self._val_dir = os.path.join(self.log_dir, "validation")
        self._writers = {}
        self._global_train_batch = 0
        self._previous_epoch_iterations = 0
        self._epoch_start_time = 0.0
        self._batch_start_time = 0.0

    def _writer(self, name):
        if name not in self._writers:
            folder = self._train_dir if name == "train" else self._val_dir
            self._writers[name] = events.EventFileWriter(folder)
        return self._writers[name]

    def _flush(self):
        for writer in self._writers.values():
            writer.flush()

    def set_model(self, model):
        super().set_model(model)
        if self.write_graph:
            self._write_model_config()
        if self.embeddings_freq:
            self._write_projector_config()

    def _write_model_config(self):
        try:
            model_json = self.model.to_json()
        except Exception as error:
            warnings.warn(
                f"TensorBoard could not write the model's config ({error}); "
                "the Graphs dashboard will not show it. Give the model a "
                "`get_config()` to fix this.",
                stacklevel=3,
            )
            return
        writer = self._writer("train")
        writer.write(events.keras_model_summary("keras", model_json), step=0)
        writer.flush()

    def _write_projector_config(self):
        layers_with_weights = [layer for layer in self.model.layers if layer.weights]
        embeddings = {
            layer.name: index
            for index, layer in enumerate(layers_with_weights)
            if isinstance(layer, Embedding)
        }
        metadata = self.embeddings_metadata
        if isinstance(metadata, dict):
            unknown = sorted(set(metadata) - set(embeddings))
            if unknown:
                raise ValueError(
                    "Unrecognized `Embedding` layer names passed to "
                    "`keras.callbacks.TensorBoard` `embeddings_metadata` "
                    f"argument: {unknown}. The model's Embedding layers are "
                    f"{sorted(embeddings)}."
                )
        lines = []
        for name, index in embeddings.items():
            lines.append("embeddings {")
            lines.append(
                f'  tensor_name: "layer_with_weights-{index}/embeddings/'
                '.ATTRIBUTES/VARIABLE_VALUE"'
            )
            path = metadata.get(name) if isinstance(metadata, dict) else metadata
            if path is not None:
                lines.append(f'  metadata_path: "{path}"')
            lines.append("}")
        os.makedirs(self.log_dir, exist_ok=True)
        with open(os.path.join(self.log_dir, "projector_config.pbtxt"), "w") as file:
            file.write("\n".join(lines) + "\n")

    def on_train_begin(self, logs=None):
        self._global_train_batch = 0
        self._previous_epoch_iterations = self._iterations()

    def on_train_end(self, logs=None):
        for writer in self._writers.values():
            writer.close()

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_start_time = time.time()

    def on_train_batch_begin(self, batch, logs=None):
        self._global_train_batch += 1
        if self.write_steps_per_second:
            self._batch_start_time = time.time()

    def on_train_batch_end(self, batch, logs=None):
        if self.update_freq == "epoch" or self._global_train_batch % self.update_freq:
            return
        writer = self._writer("train")
        step = self._global_train_batch
        if self.write_steps_per_second:
            elapsed = max(time.time() - self._batch_start_time, 1e-9)
            writer.write(
                events.scalar_summary("batch_steps_per_second", 1.0 / elapsed), step
            )
        for name, value in (logs or {}).items():
            writer.write(events.scalar_summary(f"batch_{name}", as_float(value)), step)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        train_logs = {k: v for k, v in logs.items() if not k.startswith("val_")}
        val_logs = {k[4:]: v for k, v in logs.items() if k.startswith("val_")}
        optimizer = getattr(self.model, "optimizer", None)
        if hasattr(optimizer, "learning_rate"):
            train_logs["learning_rate"] = as_float(optimizer.learning_rate)
        if self.write_steps_per_second:
            iterations = self._iterations()
            elapsed = max(time.time() - self._epoch_start_time, 1e-9)
            steps = iterations - self._previous_epoch_iterations
            train_logs["steps_per_second"] = steps / elapsed
            self._previous_epoch_iterations = iterations
        self._write_scalars("train", train_logs, "epoch_{}", epoch)
        self._write_scalars("validation", val_logs, "epoch_{}", epoch)
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._write_weights(epoch)
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            self.model.save_weights(
                os.path.join(
                    self._train_dir, f"keras_embedding.ckpt-{epoch}.weights.h5"
                )
            )
        self._flush()

    def on_test_end(self, logs=None):
        if getattr(getattr(self.model, "optimizer", None), "iterations", None) is None:
            return
        self._write_scalars(
            "validation", logs or {}, "evaluation_{}_vs_iterations", self._iterations()
        )
        self._flush()

    def _iterations(self):
        optimizer = getattr(self.model, "optimizer", None)
        iterations = getattr(optimizer, "iterations", None)
        return 0 if iterations is None else int(as_float(iterations))

    def _write_scalars(self, writer_name, logs, tag_format, step):
        if not logs:
            return
        writer = self._writer(writer_name)
        for name, value in logs.items():
            try:
                value = as_float(value)
            except (TypeError, ValueError):
                continue
            writer.write(events.scalar_summary(tag_format.format(name), value), step)

    def _write_weights(self, epoch):
        writer = self._writer("train")
        for layer in self.model.layers:
            for weight in layer.weights:
                tag = weight.path.replace(":", "_")
                value = np.asarray(backend.core.convert_to_numpy(weight.value))
                writer.write(events.histogram_summary(f"{tag}/histogram", value), epoch)
                if self.write_images:
                    image = _weight_image(value)
                    if image is not None:
                        writer.write(events.image_summary(f"{tag}/image", image), epoch)
