"""`KerasFileEditor`: inspect, compare, edit and resave weights files."""

import h5py
import numpy as np
import pytest

import keras_core
from keras_core._src.saving.file_editor import KerasFileEditor


def _model(units=(2, 4), name="model"):
    layers = [keras_core.Input((3,))]
    layers += [keras_core.layers.Dense(u, name=f"d{i}") for i, u in enumerate(units)]
    model = keras_core.Sequential(layers, name=name)
    rng = np.random.RandomState(sum(units))
    model.set_weights([rng.normal(size=w.shape) for w in model.get_weights()])
    return model


@pytest.fixture
def files(tmp_path):
    model = _model()
    model.save(str(tmp_path / "m.keras"))
    model.save_weights(str(tmp_path / "m.weights.h5"))
    return model, tmp_path


def test_opens_both_formats_and_summarizes(files, capsys):
    model, folder = files
    editor = KerasFileEditor(str(folder / "m.keras"))
    header = capsys.readouterr().out
    assert f"Keras model file '{folder / 'm.keras'}'" in header
    assert "Saved with Keras 3.15.1 - date: " in header
    assert editor.config["class_name"] == "Sequential"
    assert sorted(editor.weights_dict) == ["", "layers/dense", "layers/dense_1"]
    np.testing.assert_array_equal(
        editor.weights_dict["layers/dense_1"]["0"], model.layers[1].kernel.numpy()
    )
    editor.summary()
    summary = capsys.readouterr().out
    assert "> /layers/dense\n" in summary
    assert "0: shape=(3, 2), dtype=float32" in summary
    assert "1: shape=(4,), dtype=float32" in summary
    weights_editor = KerasFileEditor(folder / "m.weights.h5")
    assert weights_editor.config is None
    assert sorted(weights_editor.weights_dict) == sorted(editor.weights_dict)


def test_compare(files, capsys):
    model, folder = files
    editor = KerasFileEditor(str(folder / "m.weights.h5"))
    assert editor.compare(model) == {
        "status": "success",
        "error_count": 0,
        "match_count": 4,
    }
    assert "Found 4 matching weights" in capsys.readouterr().out
    other = _model(units=(2, 5, 1))
    # d1's two weights differ in shape; d2 is missing from the file.
    assert editor.compare(other) == {
        "status": "error",
        "error_count": 3,
        "match_count": 2,
    }
    report = capsys.readouterr().out
    assert "Weight shape mismatch for /layers/dense_1/0" in report
    assert "In reference model: shape=(2, 5)" in report
    assert "In saved file: shape=(2, 4)" in report
    assert "Object /layers/dense_2 present in reference model, missing" in report


def test_edit_and_resave_for_a_changed_model(files):
    model, folder = files
    editor = KerasFileEditor(str(folder / "m.weights.h5"))
    new_kernel, new_bias = np.ones((4, 1), "float32"), np.full(1, 7.0, "float32")
    editor.add_object("layers/dense_2", {"0": new_kernel, "1": new_bias})
    editor.save(str(folder / "edited.weights.h5"))
    grown = _model(units=(2, 4, 1))
    grown.load_weights(str(folder / "edited.weights.h5"))
    np.testing.assert_array_equal(
        grown.layers[0].kernel.numpy(), model.layers[0].kernel
    )
    np.testing.assert_array_equal(grown.layers[2].bias.numpy(), new_bias)
    with h5py.File(folder / "edited.weights.h5", "r") as h5_file:
        assert h5_file["layers/dense/vars"].attrs["name"] == "d0"

    editor.delete_object("dense_2")
    editor.rename_object("layers/dense_1", "dense_9")
    assert sorted(editor.weights_dict) == ["", "layers/dense", "layers/dense_9"]
    editor.rename_object("dense_9", "dense_1")
    editor.add_weights("dense_1", {"2": np.zeros(3)})
    assert list(editor.weights_dict["layers/dense_1"]) == ["0", "1", "2"]
    editor.delete_weight("layers/dense_1", "2")
    editor.resave_weights(str(folder / "same.weights.h5"))
    same = _model(units=(2, 4), name="other")
    same.load_weights(str(folder / "same.weights.h5"))
    for left, right in zip(model.get_weights(), same.get_weights(), strict=True):
        np.testing.assert_array_equal(left, right)


def test_edit_errors(files, tmp_path):
    _, folder = files
    editor = KerasFileEditor(str(folder / "m.keras"))
    with pytest.raises(ValueError, match="'nope' does not appear in the file"):
        editor.delete_object("nope")
    with pytest.raises(ValueError, match="already exists"):
        editor.rename_object("dense", "dense_1")
    with pytest.raises(ValueError, match="one path component"):
        editor.rename_object("dense", "a/b")
    with pytest.raises(ValueError, match="cannot be renamed"):
        editor.rename_object("/", "x")
    with pytest.raises(ValueError, match="already exists in the file"):
        editor.add_object("layers/dense", {"0": np.ones(2)})
    with pytest.raises(ValueError, match="must be a dict"):
        editor.add_object("layers/new", [np.ones(2)])
    with pytest.raises(ValueError, match=r"already has weights \['0'\]"):
        editor.add_weights("dense", {"0": np.ones(2)})
    with pytest.raises(ValueError, match="Weight '7' not found"):
        editor.delete_weight("dense", "7")
    with pytest.raises(ValueError, match=r"writes a `\.weights\.h5` file"):
        editor.save(str(tmp_path / "out.keras"))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="only opens"):
        KerasFileEditor(str(tmp_path / "notes.txt"))
    with pytest.raises(ValueError, match="file not found"):
        KerasFileEditor(str(tmp_path / "missing.keras"))
    nested = keras_core.Sequential(
        [
            keras_core.Input((3,)),
            keras_core.Sequential([keras_core.layers.Dense(2)], name="a"),
            keras_core.Sequential([keras_core.layers.Dense(2)], name="b"),
        ]
    )
    nested.save_weights(str(tmp_path / "nested.weights.h5"))
    nested_editor = KerasFileEditor(str(tmp_path / "nested.weights.h5"))
    with pytest.raises(ValueError, match="matches several objects"):
        nested_editor.delete_object("dense")
