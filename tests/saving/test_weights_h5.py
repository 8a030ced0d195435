"""`.weights.h5` files: layout, round trips, shards, dtypes and mismatches."""

import json
import os
import zipfile

import h5py
import ml_dtypes
import numpy as np
import pytest

import keras_core
from keras_core._src.saving import h5_store
from keras_core._src.saving import saving_api


def _model(units=3, seed=0, name="model"):
    model = keras_core.Sequential(
        [
            keras_core.Input((4,)),
            keras_core.layers.Dense(units, name="hidden"),
            keras_core.layers.BatchNormalization(name="norm"),
            keras_core.layers.Dense(2, name="head"),
        ],
        name=name,
    )
    rng = np.random.RandomState(seed)
    model.set_weights(
        [rng.uniform(0.5, 1.5, w.shape).astype(w.dtype) for w in model.get_weights()]
    )
    return model


def _assert_same_weights(left, right):
    for a, b in zip(left.get_weights(), right.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_round_trip_and_layout(tmp_path):
    model = _model(seed=1)
    path = tmp_path / "m.weights.h5"
    model.save_weights(str(path))
    restored = _model(seed=2)
    restored.load_weights(str(path))
    _assert_same_weights(model, restored)
    with h5py.File(path, "r") as h5_file:
        assert sorted(h5_file) == ["layers", "vars"]
        assert dict(h5_file.attrs) == {}
        assert sorted(h5_file["layers"]) == ["batch_normalization", "dense", "dense_1"]
        assert h5_file["layers/dense/vars"].attrs["name"] == "hidden"
        assert h5_file["layers/dense_1/vars"].attrs["name"] == "head"
        assert h5_file["vars"].attrs["name"] == "model"
        norm = h5_file["layers/batch_normalization/vars"]
        assert sorted(norm) == ["0", "1", "2", "3"]
        # gamma, beta, moving mean, moving variance: in creation order.
        layer = model.get_layer("norm")
        for key, variable in zip(["0", "1", "2", "3"], layer.weights, strict=True):
            np.testing.assert_array_equal(norm[key][()], variable.numpy())
            assert norm[key].dtype == np.float32
            assert norm[key].compression is None


def test_opaque_dtypes_keep_keras_encoding(tmp_path):
    layer = keras_core.layers.Dense(2, dtype="bfloat16", name="half")
    model = keras_core.Sequential([keras_core.Input((3,)), layer], name="bf")
    kernel = np.arange(6, dtype="float32").reshape(3, 2) / 4
    layer.kernel.assign(kernel)
    path = tmp_path / "bf.weights.h5"
    model.save_weights(str(path))
    with h5py.File(path, "r") as h5_file:
        dataset = h5_file["layers/dense/vars/0"]
        assert dataset.dtype == np.dtype("V2")
        assert dataset.attrs["dtype"] == "bfloat16"
    layer.kernel.assign(np.zeros((3, 2)))
    model.load_weights(str(path))
    restored = np.asarray(layer.kernel.numpy()).astype("float32")
    np.testing.assert_array_equal(restored, kernel.astype(ml_dtypes.bfloat16))


def test_sharded_weights(tmp_path):
    model = keras_core.Sequential(
        [
            keras_core.Input((50,)),
            keras_core.layers.Dense(100, name="a"),
            keras_core.layers.Dense(100, name="b"),
            keras_core.layers.Dense(3, name="c"),
        ]
    )
    path = tmp_path / "sh.weights.h5"
    # 50 KiB: 20,400 bytes of `a`, then b's 40,000-byte kernel starts shard 1.
    model.save_weights(str(path), max_shard_size=50 / 1024 / 1024)
    assert sorted(os.listdir(tmp_path)) == [
        "sh.weights.json",
        "sh_00000.weights.h5",
        "sh_00001.weights.h5",
    ]
    with open(tmp_path / "sh.weights.json") as stream:
        record = json.load(stream)
    assert record == {
        "metadata": {"total_size": 62012.0},
        "weight_map": {
            "/layers/dense/vars": ["sh_00000.weights.h5"],
            "/layers/dense_1/vars": ["sh_00001.weights.h5"],
            "/layers/dense_2/vars": ["sh_00001.weights.h5"],
        },
    }
    restored = keras_core.models.clone_model(model)
    restored.load_weights(str(tmp_path / "sh.weights.json"))
    _assert_same_weights(model, restored)
    with pytest.raises(ValueError, match=r"exceeds the maximum shard size"):
        model.save_weights(str(tmp_path / "tiny.weights.h5"), max_shard_size=1e-6)
    with pytest.raises(ValueError, match="positive number of GiB"):
        model.save_weights(str(tmp_path / "bad.weights.h5"), max_shard_size=-1)


def test_load_weights_from_keras_archive(tmp_path):
    model = _model(seed=3)
    model.save(str(tmp_path / "m.keras"))
    restored = _model(seed=4)
    restored.load_weights(str(tmp_path / "m.keras"))
    _assert_same_weights(model, restored)


def test_shape_mismatch_is_reported_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "m.weights.h5"
    _model(units=3).save_weights(str(path))
    wider = _model(units=5, seed=9)
    before = wider.get_weights()
    reads = []
    original = h5_store.read_dataset
    monkeypatch.setattr(
        h5_store, "read_dataset", lambda d: reads.append(d.name) or original(d)
    )
    with pytest.raises(ValueError) as raised:
        wider.load_weights(str(path))
    message = str(raised.value)
    assert "A total of 3 objects could not be loaded" in message
    assert "Dense 'hidden': saved variable 0 at 'layers/dense/vars/0'" in message
    assert "has shape (4, 3), but the variable it fills has shape (4, 5)" in message
    assert "/layers/dense/vars/0" not in reads
    with pytest.warns(UserWarning, match="could not be loaded"):
        wider.load_weights(str(path), skip_mismatch=True)
    after = wider.get_weights()
    for index in range(6):  # hidden and norm: another shape, left alone
        np.testing.assert_array_equal(after[index], before[index])


def test_missing_and_extra_layers(tmp_path):
    path = tmp_path / "m.weights.h5"
    _model().save_weights(str(path))
    deeper = keras_core.Sequential(
        [
            keras_core.Input((4,)),
            keras_core.layers.Dense(3, name="hidden"),
            keras_core.layers.BatchNormalization(name="norm"),
            keras_core.layers.Dense(2, name="head"),
            keras_core.layers.Dense(2, name="extra"),
        ]
    )
    with pytest.raises(
        ValueError, match="'extra' expected 2 variables, but received 0"
    ):
        deeper.load_weights(str(path))


def test_argument_and_path_errors(tmp_path):
    model = _model()
    with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
        model.save_weights(str(tmp_path / "m.h5"))
    with pytest.raises(ValueError, match="File not found"):
        model.load_weights(str(tmp_path / "missing.weights.h5"))
    text = tmp_path / "m.txt"
    text.write_text("x")
    with pytest.raises(ValueError, match="File format not supported"):
        model.load_weights(str(text))
    model.save_weights(str(tmp_path / "m.weights.h5"))
    with pytest.raises(ValueError, match="Invalid keyword arguments"):
        model.load_weights(str(tmp_path / "m.weights.h5"), foo=1)
    with pytest.raises(TypeError, match="unexpected keyword arguments"):
        saving_api.save_weights(model, str(tmp_path / "m.weights.h5"), foo=1)
    unbuilt = keras_core.Sequential([keras_core.layers.Dense(2)])
    with pytest.raises(ValueError, match="has not yet been built"):
        unbuilt.load_weights(str(tmp_path / "m.weights.h5"))
    not_h5 = tmp_path / "fake.weights.h5"
    not_h5.write_bytes(b"not an hdf5 file")
    with pytest.raises(ValueError, match="is not an HDF5 file"):
        model.load_weights(str(not_h5))


def test_save_weights_uses_temporary_file_in_same_folder(tmp_path, monkeypatch):
    seen = []
    original = h5_store.H5WeightsWriter.__init__

    def spy(self, filepath, *args, **kwargs):
        seen.append(filepath)
        original(self, filepath, *args, **kwargs)

    monkeypatch.setattr(h5_store.H5WeightsWriter, "__init__", spy)
    target = tmp_path / "m.weights.h5"
    _model().save_weights(str(target))
    assert len(seen) == 1 and seen[0] != str(target)
    assert os.path.dirname(seen[0]) == str(tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["m.weights.h5"]


def test_keras_archive_weights_member_is_the_weights_file(tmp_path):
    model = _model(seed=6)
    model.save(str(tmp_path / "m.keras"))
    model.save_weights(str(tmp_path / "m.weights.h5"))
    with zipfile.ZipFile(tmp_path / "m.keras") as archive:
        (tmp_path / "member.weights.h5").write_bytes(archive.read("model.weights.h5"))
    restored = _model(seed=7)
    restored.load_weights(str(tmp_path / "member.weights.h5"))
    _assert_same_weights(model, restored)
