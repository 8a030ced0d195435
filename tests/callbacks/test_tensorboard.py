"""`TensorBoard` and its event files, read back with TensorBoard's own
reader (`EventAccumulator`, run on its TensorFlow-free stub)."""

import io
import os
import sys
import types

import numpy as np
import pytest

import keras_core
from keras_core import callbacks
from keras_core import layers
from keras_core._src.callbacks import tensorboard_events as events

PIL_image = pytest.importorskip("PIL.Image", reason="PIL decodes the PNGs")


@pytest.fixture
def read_events(monkeypatch):
    """`read_events(folder)` -> {tag: [(step, value, plugin name)]}."""
    # TensorBoard uses its stub instead of TensorFlow when this exists.
    monkeypatch.setitem(
        sys.modules, "tensorboard.compat.notf", types.ModuleType("notf")
    )
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.util import tensor_util

    def read(folder):
        accumulator = EventAccumulator(str(folder), size_guidance={"tensors": 0})
        accumulator.Reload()
        found = {}
        for tag in accumulator.Tags()["tensors"]:
            plugin = accumulator.SummaryMetadata(tag).plugin_data.plugin_name
            found[tag] = [
                (e.step, tensor_util.make_ndarray(e.tensor_proto), plugin)
                for e in accumulator.Tensors(tag)
            ]
        return found

    return read


def test_crc32c_check_value_and_framing():
    # The standard check value of CRC-32C.
    assert events.crc32c(b"123456789") == 0xE3069283
    assert events.crc32c(b"") == 0
    record = events.tfrecord(b"abc")
    assert record[:8] == (3).to_bytes(8, "little") and record[12:15] == b"abc"
    assert len(record) == 8 + 4 + 3 + 4


def test_histogram_buckets_match_numpy_histogram():
    values = np.random.default_rng(0).normal(size=500)
    buckets = events.histogram_buckets(values)
    counts, edges = np.histogram(values, bins=30)
    np.testing.assert_array_equal(buckets[:, 2], counts)
    np.testing.assert_allclose(buckets[:, 0], edges[:-1], rtol=1e-12)
    np.testing.assert_allclose(buckets[:, 1], edges[1:], rtol=1e-12)
    assert buckets[-1, 1] == values.max()
    singular = events.histogram_buckets(np.full(4, 0.5, "float32"))
    assert (singular[:, :2] == 0.5).all()
    assert singular[:, 2].tolist() == [0.0] * 29 + [4.0]
    assert events.histogram_buckets([]).tolist() == [[0.0, 0.0, 0.0]] * 30


def test_png_round_trip():
    grey = np.arange(6, dtype=np.uint8).reshape(2, 3, 1) * 40
    decoded = np.asarray(PIL_image.open(io.BytesIO(events.png(grey))))
    np.testing.assert_array_equal(decoded, grey[..., 0])
    rgb = np.arange(24, dtype=np.uint8).reshape(2, 4, 3)
    decoded = np.asarray(PIL_image.open(io.BytesIO(events.png(rgb))))
    np.testing.assert_array_equal(decoded, rgb)


def test_event_file_holds_every_kind_of_summary(tmp_path, read_events):
    writer = events.EventFileWriter(str(tmp_path))
    writer.write(events.scalar_summary("loss", 0.25), step=3)
    writer.write(events.histogram_summary("w/histogram", [0.0, 1.0, 1.0]), step=1)
    image = np.array([[[0.0], [0.5]], [[1.0], [2.0]]])[None]
    writer.write(events.image_summary("w/image", image), step=2)
    writer.write(events.keras_model_summary("keras", '{"a": 1}'))
    writer.close()
    assert os.path.basename(writer.path).startswith("events.out.tfevents.")
    found = read_events(tmp_path)
    (step, value, plugin) = found["loss"][0]
    assert (step, float(value), plugin) == (3, 0.25, "scalars")
    step, histogram, plugin = found["w/histogram"][0]
    assert (step, plugin, histogram.shape) == (1, "histograms", (30, 3))
    assert histogram[0, 2] == 1 and histogram[-1, 2] == 2
    step, strings, plugin = found["w/image"][0]
    assert (step, plugin) == (2, "images")
    assert strings[:2].tolist() == [b"2", b"2"]
    pixels = np.asarray(PIL_image.open(io.BytesIO(strings[2])))
    # Floats are intensities in [0, 1]: x * 255.5, clipped, truncated.
    assert pixels.tolist() == [[0, 127], [255, 255]]
    step, config, plugin = found["keras"][0]
    assert (step, config.item(), plugin) == (0, b'{"a": 1}', "graph_keras_model")


def make_model():
    model = keras_core.Sequential(
        [keras_core.Input((3,)), layers.Dense(2, name="d1"), layers.Dense(1, name="d2")]
    )
    model.compile(optimizer=keras_core.optimizers.SGD(0.5), loss="mse")
    model.optimizer.build(model.trainable_variables)
    return model


def drive_fit(callback, model, epochs=2, steps=4):
    callback.set_model(model)
    callback.on_train_begin()
    for epoch in range(epochs):
        callback.on_epoch_begin(epoch)
        for batch in range(steps):
            callback.on_train_batch_begin(batch)
            model.optimizer.iterations.assign_add(1)
            loss = keras_core.ops.convert_to_tensor(float(epoch * steps + batch))
            callback.on_train_batch_end(batch, {"loss": loss})
        callback.on_test_begin()
        callback.on_test_end({"loss": 0.5 + epoch})
        callback.on_epoch_end(epoch, {"loss": 1.0 + epoch, "val_loss": 0.5 + epoch})
    callback.on_train_end()


def test_fit_logs_for_train_and_validation(tmp_path, read_events):
    model = make_model()
    callback = callbacks.TensorBoard(
        str(tmp_path),
        histogram_freq=1,
        write_images=True,
        write_steps_per_second=True,
        update_freq=3,
    )
    drive_fit(callback, model)
    train = read_events(tmp_path / "train")
    steps = {
        tag: [(s, float(v)) for s, v, _ in records]
        for tag, records in train.items()
        if tag.startswith(("epoch_loss", "batch_loss", "epoch_learning_rate"))
    }
    assert steps["epoch_loss"] == [(0, 1.0), (1, 2.0)]
    assert steps["epoch_learning_rate"] == [(0, 0.5), (1, 0.5)]
    # Every 3rd batch of the run; the step is the batch count.
    assert steps["batch_loss"] == [(3, 2.0), (6, 5.0)]
    assert [s for s, _, _ in train["batch_steps_per_second"]] == [3, 6]
    assert [s for s, _, _ in train["epoch_steps_per_second"]] == [0, 1]
    for path in ["sequential/d1/kernel", "sequential/d1/bias", "sequential/d2/kernel"]:
        assert [s for s, _, _ in train[f"{path}/histogram"]] == [0, 1]
        assert train[f"{path}/image"][0][2] == "images"
    kernel = model.get_layer("d1").kernel.numpy()
    histogram = train["sequential/d1/kernel/histogram"][1][1]
    assert histogram[:, 2].sum() == kernel.size
    assert histogram[0, 0] == pytest.approx(kernel.min())
    # A (3, 2) kernel is drawn 2 high, 3 wide; a bias as a column.
    assert train["sequential/d1/kernel/image"][0][1][:2].tolist() == [b"3", b"2"]
    assert train["sequential/d1/bias/image"][0][1][:2].tolist() == [b"1", b"2"]
    assert train["keras"][0][1].item().startswith(b'{"module": "keras"')
    validation = read_events(tmp_path / "validation")
    assert [(s, float(v)) for s, v, _ in validation["epoch_loss"]] == [
        (0, 0.5),
        (1, 1.5),
    ]
    # After each evaluation, at the optimizer's iterations.
    evaluation = validation["evaluation_loss_vs_iterations"]
    assert [(s, float(v)) for s, v, _ in evaluation] == [(4, 0.5), (8, 1.5)]


def test_defaults_write_epochs_only(tmp_path, read_events):
    drive_fit(callbacks.TensorBoard(str(tmp_path)), make_model(), epochs=1)
    assert sorted(read_events(tmp_path / "train")) == [
        "epoch_learning_rate",
        "epoch_loss",
        "keras",
    ]
    without_graph = tmp_path / "no_graph"
    callback = callbacks.TensorBoard(str(without_graph), write_graph=False)
    drive_fit(callback, make_model(), epochs=1)
    assert "keras" not in read_events(without_graph / "train")


def test_embeddings_projector_config_and_checkpoints(tmp_path):
    model = keras_core.Sequential(
        [
            keras_core.Input((1,), dtype="int32"),
            layers.Embedding(5, 2, name="emb"),
            layers.Flatten(),
            layers.Dense(1, name="out"),
        ]
    )
    model.compile(optimizer="sgd", loss="mse")
    callback = callbacks.TensorBoard(
        str(tmp_path), embeddings_freq=2, embeddings_metadata={"emb": "meta.tsv"}
    )
    drive_fit(callback, model, epochs=3, steps=1)
    assert (tmp_path / "projector_config.pbtxt").read_text() == (
        "embeddings {\n"
        '  tensor_name: "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE"\n'
        '  metadata_path: "meta.tsv"\n'
        "}\n"
    )
    saved = sorted(f for f in os.listdir(tmp_path / "train") if "embedding" in f)
    assert saved == [
        "keras_embedding.ckpt-0.weights.h5",
        "keras_embedding.ckpt-2.weights.h5",
    ]
    wrong = callbacks.TensorBoard(
        str(tmp_path), embeddings_freq=1, embeddings_metadata={"nope": "m.tsv"}
    )
    with pytest.raises(ValueError, match=r"Unrecognized `Embedding` layer names.*nope"):
        wrong.set_model(model)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"update_freq": "foo"}, "`update_freq` must be 'epoch', 'batch'"),
        ({"update_freq": 0}, "`update_freq` must be"),
        ({"histogram_freq": -1}, "`histogram_freq` must be an integer >= 0"),
        ({"embeddings_freq": 2.0}, "`embeddings_freq` must be an integer >= 0"),
    ],
)
def test_argument_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        callbacks.TensorBoard("logs", **kwargs)


def test_defaults():
    callback = callbacks.TensorBoard(update_freq="batch")
    assert (callback.log_dir, callback.update_freq, callback.histogram_freq) == (
        "logs",
        1,
        0,
    )
    assert callback.write_graph and not callback.write_images


def test_writing_on_jax_does_not_import_tensorflow(tmp_path, run_python):
    code = f"""
import sys
import keras_core
from keras_core import callbacks, layers
model = keras_core.Sequential([keras_core.Input((2,)), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.optimizer.build(model.trainable_variables)
callback = callbacks.TensorBoard({str(tmp_path)!r}, histogram_freq=1, write_images=True)
callback.set_model(model)
callback.on_train_begin()
callback.on_epoch_begin(0)
callback.on_epoch_end(0, {{"loss": 1.0, "val_loss": 2.0}})
callback.on_train_end()
assert "tensorflow" not in sys.modules, "tensorflow was imported"
print("ok")
"""
    result = run_python(code, env={"KERAS_BACKEND": "jax"})
    assert result.stdout.strip().endswith("ok")
    assert os.listdir(tmp_path / "train") and os.listdir(tmp_path / "validation")
