"""`ModelCheckpoint` and `BackupAndRestore`, driven hook by hook."""

import json
import os

import numpy as np
import pytest

import keras_core
from keras_core import callbacks
from keras_core import layers


def drive_epochs(callback, logs_per_epoch, batches=0):
    callback.on_train_begin()
    for epoch, logs in enumerate(logs_per_epoch):
        callback.on_epoch_begin(epoch)
        for batch in range(batches):
            callback.on_train_batch_begin(batch)
            callback.on_train_batch_end(batch, {"loss": 1.0})
        callback.on_epoch_end(epoch, logs)


def test_model_checkpoint_path_checks():
    with pytest.raises(
        ValueError, match=r"must end in `\.weights\.h5`.*filepath=a\.keras"
    ):
        callbacks.ModelCheckpoint("a.keras", save_weights_only=True)
    with pytest.raises(ValueError, match=r"must end in `\.keras`.*filepath=a\.txt"):
        callbacks.ModelCheckpoint("a.txt")
    for save_freq in ["batch", 2.0, 0, True]:
        with pytest.raises(ValueError, match=f"Unrecognized save_freq: {save_freq}"):
            callbacks.ModelCheckpoint("a.keras", save_freq=save_freq)
    assert callbacks.ModelCheckpoint("a.weights.h5").filepath == "a.weights.h5"


def test_model_checkpoint_best_only_with_templates(tmp_path, fake_model, capsys):
    model = fake_model()
    template = str(tmp_path / "sub" / "m_{epoch:02d}_{val_loss:.2f}.keras")
    checkpoint = callbacks.ModelCheckpoint(template, save_best_only=True, verbose=1)
    checkpoint.set_model(model)
    drive_epochs(checkpoint, [{"val_loss": 0.5}, {"val_loss": 0.7}, {"val_loss": 0.3}])
    assert sorted(os.listdir(tmp_path / "sub")) == [
        "m_01_0.50.keras",
        "m_03_0.30.keras",
    ]
    first, third = (
        tmp_path / "sub" / "m_01_0.50.keras",
        tmp_path / "sub" / "m_03_0.30.keras",
    )
    assert capsys.readouterr().out == (
        f"\nEpoch 1: val_loss improved from None to 0.50000, saving model to {first}\n"
        f"\nEpoch 1: finished saving model to {first}\n"
        "\nEpoch 2: val_loss did not improve from 0.50000\n"
        f"\nEpoch 3: val_loss improved from 0.50000 to 0.30000, saving model to "
        f"{third}\n"
        f"\nEpoch 3: finished saving model to {third}\n"
    )
    assert checkpoint.best == 0.3


def test_model_checkpoint_every_epoch(tmp_path, fake_model, capsys):
    model = fake_model()
    path = str(tmp_path / "u.keras")
    checkpoint = callbacks.ModelCheckpoint(path, verbose=1)
    checkpoint.set_model(model)
    drive_epochs(checkpoint, [{"loss": 0.5}])
    assert model.saved[0][0] == "save"
    with open(path) as file:
        assert file.read() == "model 0"
    assert capsys.readouterr().out == (
        f"\nEpoch 1: saving model to {path}\n"
        f"\nEpoch 1: finished saving model to {path}\n"
    )


def test_model_checkpoint_batch_frequency_counts_across_epochs(tmp_path, fake_model):
    model = fake_model()
    template = str(tmp_path / "w_{epoch}_{batch}.weights.h5")
    checkpoint = callbacks.ModelCheckpoint(
        template, save_weights_only=True, save_freq=2
    )
    checkpoint.set_model(model)
    drive_epochs(checkpoint, [{"loss": 1.0}, {"loss": 1.0}], batches=3)
    # Batches 2, 4 (epoch 2's first) and 6 of the run.
    assert sorted(os.listdir(tmp_path)) == [
        "w_1_2.weights.h5",
        "w_2_1.weights.h5",
        "w_2_3.weights.h5",
    ]
    assert {kind for kind, _ in model.saved} == {"save_weights"}


def test_model_checkpoint_batch_indices_may_jump(tmp_path, fake_model):
    # With several steps per execution, batch ends come every few batches.
    checkpoint = callbacks.ModelCheckpoint(
        str(tmp_path / "b{batch}.keras"), save_freq=4
    )
    checkpoint.set_model(fake_model())
    checkpoint.on_train_begin()
    checkpoint.on_epoch_begin(0)
    for batch in (2, 5, 8, 11):
        checkpoint.on_train_batch_end(batch, {"loss": 1.0})
    assert sorted(os.listdir(tmp_path)) == ["b12.keras", "b6.keras"]


def test_model_checkpoint_format_errors(tmp_path, fake_model):
    checkpoint = callbacks.ModelCheckpoint(str(tmp_path / "n_{epoch}_{foo}.keras"))
    checkpoint.set_model(fake_model())
    with pytest.raises(
        KeyError, match=r"Failed to format this callback filepath: .*Reason: .*foo"
    ):
        checkpoint.on_epoch_end(0, {"loss": 1.0})
    # `{batch}` is only known with a batch frequency.
    checkpoint = callbacks.ModelCheckpoint(str(tmp_path / "b_{batch}.keras"))
    checkpoint.set_model(fake_model())
    with pytest.raises(KeyError, match=r"Reason: .*batch"):
        checkpoint.on_epoch_end(0, {"loss": 1.0})


def test_model_checkpoint_threshold_mode_and_missing_monitor(
    tmp_path, fake_model, capsys
):
    model = fake_model()
    path = str(tmp_path / "v.keras")
    checkpoint = callbacks.ModelCheckpoint(
        path,
        monitor="loss",
        save_best_only=True,
        mode="max",
        initial_value_threshold=0.6,
        verbose=1,
    )
    checkpoint.set_model(model)
    checkpoint.on_epoch_end(0, {"loss": 0.5})
    assert not os.path.exists(path)
    checkpoint.on_epoch_end(1, {"loss": 0.8})
    assert os.path.exists(path)
    out = capsys.readouterr().out
    assert out.startswith("\nEpoch 1: loss did not improve from 0.60000\n")
    assert "Epoch 2: loss improved from 0.60000 to 0.80000" in out

    checkpoint = callbacks.ModelCheckpoint(
        str(tmp_path / "z.keras"), save_best_only=True
    )
    checkpoint.set_model(model)
    with pytest.warns(UserWarning, match="only with val_loss available"):
        checkpoint.on_epoch_end(0, {"loss": 1.0})
    # Saved anyway, as Keras does.
    assert os.path.exists(tmp_path / "z.keras")


def test_model_checkpoint_auto_mode_needs_a_known_direction(
    tmp_path, fake_model, fake_metric
):
    model = fake_model(metrics=[fake_metric("auc", "up"), fake_metric("custom")])
    best_auc = callbacks.ModelCheckpoint(
        str(tmp_path / "a.keras"), monitor="val_auc", save_best_only=True
    )
    best_auc.set_model(model)
    best_auc.on_epoch_end(0, {"val_auc": 0.5})
    best_auc.on_epoch_end(1, {"val_auc": 0.7})
    assert best_auc.best == 0.7
    custom = callbacks.ModelCheckpoint(
        str(tmp_path / "c.keras"), monitor="custom", save_best_only=True
    )
    custom.set_model(model)
    with pytest.raises(ValueError, match="ModelCheckpoint callback received monitor"):
        custom.on_epoch_end(0, {"custom": 1.0})


def test_model_checkpoint_crash_mid_save_keeps_the_last_good_file(tmp_path, fake_model):
    model = fake_model()
    path = tmp_path / "m.keras"
    checkpoint = callbacks.ModelCheckpoint(str(path))
    checkpoint.set_model(model)
    model.weights_value = 1
    checkpoint.on_epoch_end(0, {"loss": 1.0})
    assert path.read_text() == "model 1"

    def crashing_save(filepath, overwrite=True):
        with open(filepath, "w") as file:
            file.write("mod")
        raise OSError("disk full")

    model.save = crashing_save
    with pytest.raises(OSError, match="disk full"):
        checkpoint.on_epoch_end(1, {"loss": 1.0})
    assert path.read_text() == "model 1"
    assert os.listdir(tmp_path) == ["m.keras"]


def small_model():
    model = keras_core.Sequential(
        [keras_core.Input((3,)), layers.Dense(2, kernel_initializer="ones")]
    )
    model.compile(optimizer=keras_core.optimizers.Adam(0.1), loss="mse")
    model.optimizer.build(model.trainable_variables)
    return model


def set_state(model, value, iterations):
    for variable in model.trainable_variables:
        variable.assign(np.full(variable.shape, value, "float32"))
    model.optimizer.iterations.assign(iterations)


def state(model):
    return (
        float(np.asarray(model.trainable_variables[0].numpy()).mean()),
        int(np.asarray(model.optimizer.iterations.numpy())),
    )


def test_backup_and_restore_arguments():
    for backup_dir in ("", None):
        with pytest.raises(ValueError, match="Empty `backup_dir` argument passed"):
            callbacks.BackupAndRestore(backup_dir)
    with pytest.raises(ValueError, match="Received: save_freq=batch"):
        callbacks.BackupAndRestore("x", save_freq="batch")


def test_backup_saves_each_epoch_restores_and_deletes(tmp_path):
    backup_dir = tmp_path / "backup"
    model = small_model()
    backup = callbacks.BackupAndRestore(str(backup_dir))
    backup.set_model(model)
    backup.on_train_begin()
    for epoch in range(2):
        backup.on_epoch_begin(epoch)
        set_state(model, epoch + 1.0, 10 * (epoch + 1))
        backup.on_epoch_end(epoch, {"loss": 1.0})
    metadata = json.loads((backup_dir / "training_metadata.json").read_text())
    assert metadata == {"epoch": 2, "batch": 0}
    assert sorted(os.listdir(backup_dir)) == [
        "latest.weights.h5",
        "training_metadata.json",
    ]

    restored = small_model()
    restored._initial_epoch = None
    resumed = callbacks.BackupAndRestore(str(backup_dir))
    resumed.set_model(restored)
    resumed.on_train_begin()
    assert restored._initial_epoch == 2
    assert state(restored) == (2.0, 20)
    (backup_dir / "mine.txt").write_text("not the backup's")
    resumed.on_train_end()
    # The backup's files go; a foreign file (and so the folder) stays.
    assert os.listdir(backup_dir) == ["mine.txt"]
    (backup_dir / "mine.txt").unlink()
    backup.on_train_end()
    assert not backup_dir.exists() or not os.listdir(backup_dir)


def test_backup_by_batches_records_the_epoch_in_progress(tmp_path):
    model = small_model()
    backup = callbacks.BackupAndRestore(
        str(tmp_path), save_freq=3, delete_checkpoint=False
    )
    backup.set_model(model)
    backup.on_train_begin()
    for epoch in range(2):
        backup.on_epoch_begin(epoch)
        for batch in range(4):
            set_state(model, 1.0, 4 * epoch + batch + 1)
            backup.on_train_batch_end(batch, {"loss": 1.0})
        backup.on_epoch_end(epoch, {"loss": 1.0})
    # Saves at the 3rd and 6th batches only (none at epoch ends): the
    # last is epoch 1, batch 1; resuming reruns epoch 1.
    metadata = json.loads((tmp_path / "training_metadata.json").read_text())
    assert metadata == {"epoch": 1, "batch": 1}
    restored = small_model()
    resumed = callbacks.BackupAndRestore(str(tmp_path), save_freq=3)
    resumed.set_model(restored)
    resumed.on_train_begin()
    assert restored._initial_epoch == 1 and state(restored)[1] == 6
    backup.on_train_end()
    assert os.path.exists(tmp_path / "latest.weights.h5")


def test_double_checkpoint_falls_back_to_the_previous_backup(tmp_path):
    model = small_model()
    backup = callbacks.BackupAndRestore(str(tmp_path), double_checkpoint=True)
    backup.set_model(model)
    backup.on_train_begin()
    for epoch in range(3):
        set_state(model, float(epoch), epoch + 1)
        backup.on_epoch_end(epoch, {})
    assert sorted(os.listdir(tmp_path)) == [
        "latest.weights.h5",
        "latest.weights.h5.bkp",
        "training_metadata.json",
        "training_metadata.json.bkp",
    ]
    (tmp_path / "latest.weights.h5").write_bytes(b"garbage")
    restored = small_model()
    resumed = callbacks.BackupAndRestore(str(tmp_path), double_checkpoint=True)
    resumed.set_model(restored)
    resumed.on_train_begin()
    assert restored._initial_epoch == 2 and state(restored) == (1.0, 2)
    # Without a previous backup to fall back to, the error is raised.
    single = callbacks.BackupAndRestore(str(tmp_path))
    single.set_model(small_model())
    with pytest.raises(Exception):  # noqa: B017 - the weights reader's own error
        single.on_train_begin()


def test_backup_restore_needs_a_built_model(tmp_path):
    model = small_model()
    backup = callbacks.BackupAndRestore(str(tmp_path))
    backup.set_model(model)
    backup.on_epoch_end(0, {})
    unbuilt = keras_core.Sequential([layers.Dense(2)])
    resumed = callbacks.BackupAndRestore(str(tmp_path))
    resumed.set_model(unbuilt)
    with pytest.raises(ValueError, match="must be built before you call `fit\\(\\)`"):
        resumed.on_train_begin()


def test_backup_builds_the_optimizer_to_restore_its_state(tmp_path):
    model = small_model()
    set_state(model, 3.0, 7)
    backup = callbacks.BackupAndRestore(str(tmp_path))
    backup.set_model(model)
    backup.on_epoch_end(4, {})
    fresh = keras_core.Sequential([keras_core.Input((3,)), layers.Dense(2)])
    fresh.compile(optimizer=keras_core.optimizers.Adam(0.1), loss="mse")
    assert not fresh.optimizer.built
    resumed = callbacks.BackupAndRestore(str(tmp_path))
    resumed.set_model(fresh)
    resumed.on_train_begin()
    assert fresh.optimizer.built and state(fresh) == (3.0, 7)
    assert fresh._initial_epoch == 5
