"""Safe loading: each attack is a crafted file, and a sentinel proves nothing ran.

A config may only name public keras_core objects, registered ones and
`custom_objects`; no bytecode runs in safe mode; no module named in a
config is imported and no path named in a config is opened; HDF5 links,
external storage, virtual datasets and impossible sizes are refused; zip
members must be plain relative files of believable size. `safe_mode=False`
lets Lambda bytecode through and nothing else.
"""

import builtins
import io
import json
import os
import stat
import sys
import warnings
import zipfile

import h5py
import numpy as np
import pytest

import keras_core
from keras_core._src.backend.common import config as backend_config
from keras_core._src.saving import archive_safety
from keras_core._src.saving import h5_store
from keras_core._src.saving import saving_api
from keras_core._src.saving import saving_lib

REFUSED = (TypeError, ValueError)


def _model():
    model = keras_core.Sequential(
        [keras_core.Input((3,)), keras_core.layers.Dense(2, name="dense")],
        name="victim",
    )
    model.set_weights([np.full((3, 2), 0.5, "float32"), np.zeros(2, "float32")])
    return model


@pytest.fixture
def saved(tmp_path):
    """A valid `.keras` file: (path, config, weights bytes)."""
    path = tmp_path / "valid.keras"
    saving_api.save_model(_model(), str(path))
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
        weights = archive.read("model.weights.h5")
    return path, config, weights


def _write_archive(path, config, weights, extra=()):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata.json", json.dumps({"keras_version": "3.15.1"}))
        archive.writestr("config.json", json.dumps(config))
        archive.writestr("model.weights.h5", weights)
        for info, data in extra:
            archive.writestr(info, data)
    return str(path)


@pytest.fixture
def opened(monkeypatch):
    """Records every path Python code opens while the test runs."""
    paths = []
    original_open, original_os_open = builtins.open, os.open

    def spy_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)):
            paths.append(os.fsdecode(file))
        return original_open(file, *args, **kwargs)

    def spy_os_open(file, *args, **kwargs):
        paths.append(os.fsdecode(file))
        return original_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    return paths


# Configs naming what they must not.


def _payloads(sentinel, other_file):
    """Records that would each create `sentinel` (or open `other_file`) if run."""
    touch = f"open({str(sentinel)!r}, 'w').close()"
    return {
        "os.system": {
            "module": "os",
            "class_name": "system",
            "config": f"touch {sentinel}",
            "registered_name": None,
        },
        "builtins.eval": {
            "module": "builtins",
            "class_name": "eval",
            "config": touch,
            "registered_name": None,
        },
        "builtins.eval function": {
            "module": "builtins",
            "class_name": "function",
            "config": "eval",
            "registered_name": "function",
        },
        "subprocess.Popen": {
            "module": "subprocess",
            "class_name": "Popen",
            "config": {"args": ["touch", str(sentinel)]},
            "registered_name": None,
        },
        "keras_core.utils.get_file": {
            "module": "keras_core.utils",
            "class_name": "get_file",
            "config": {"fname": str(sentinel), "origin": f"file://{other_file}"},
            "registered_name": None,
        },
        "keras.utils.get_file": {
            "module": "keras.utils",
            "class_name": "get_file",
            "config": {"fname": str(sentinel), "origin": "https://example.com/x"},
            "registered_name": None,
        },
        "keras_core.saving.load_model": {
            "module": "keras_core.saving",
            "class_name": "load_model",
            "config": {"filepath": str(other_file)},
            "registered_name": None,
        },
        "keras.saving.load_model": {
            "module": "keras.saving",
            "class_name": "load_model",
            "config": {"filepath": str(other_file)},
            "registered_name": None,
        },
        "keras.models.load_model function": {
            "module": "keras.models",
            "class_name": "function",
            "config": "load_model",
            "registered_name": "function",
        },
        "keras.config.enable_unsafe_deserialization": {
            "module": "keras.config",
            "class_name": "enable_unsafe_deserialization",
            "config": {},
            "registered_name": None,
        },
        "registered name lookalike": {
            "module": None,
            "class_name": "system",
            "config": f"touch {sentinel}",
            "registered_name": "os>system",
        },
    }


def _place(config, where, payload):
    """A copy of the victim's config with `payload` at `where`."""
    config = json.loads(json.dumps(config))
    dense = config["config"]["layers"][-1]
    if where == "model":
        return payload
    if where == "layer":
        config["config"]["layers"][-1] = payload
    elif where == "activation":
        dense["config"]["activation"] = payload
    elif where == "initializer":
        dense["config"]["kernel_initializer"] = payload
    elif where == "dtype policy":
        dense["config"]["dtype"] = payload
    elif where in ("nested model", "call kwargs"):
        # The victim inside a Functional model; the payload in its Dense, or
        # deep inside the keyword arguments of its call.
        if where == "nested model":
            dense["config"]["activation"] = payload
            kwargs = {}
        else:
            kwargs = {"extra": {"list": [1, {"deeper": [payload]}]}}
        tensor = {
            "class_name": "__keras_tensor__",
            "config": {"keras_history": ["in", 0, 0]},
        }
        input_layer = {
            "module": "keras.layers",
            "class_name": "InputLayer",
            "config": {"batch_shape": [None, 3], "name": "in"},
            "registered_name": None,
        }
        return {
            "module": "keras",
            "class_name": "Functional",
            "config": {
                "name": "outer",
                "trainable": True,
                "layers": [
                    {**input_layer, "name": "in", "inbound_nodes": []},
                    {
                        **config,
                        "name": "victim",
                        "inbound_nodes": [{"args": [tensor], "kwargs": kwargs}],
                    },
                ],
                "input_layers": ["in", 0, 0],
                "output_layers": ["victim", 0, 0],
            },
            "registered_name": None,
        }
    return config


PAYLOADS = list(_payloads("s", "o"))
PLACES = [
    "model",
    "layer",
    "activation",
    "initializer",
    "dtype policy",
    "nested model",
    "call kwargs",
]
BENIGN = {
    "model": None,
    "layer": {
        "module": "keras.layers",
        "class_name": "Dense",
        "config": {"units": 2, "name": "dense"},
        "registered_name": None,
    },
    "activation": "relu",
    "initializer": {
        "module": "keras.initializers",
        "class_name": "Ones",
        "config": {},
        "registered_name": None,
    },
    "dtype policy": {
        "module": "keras",
        "class_name": "DTypePolicy",
        "config": {"name": "float32"},
        "registered_name": None,
    },
    "nested model": "relu",
    "call kwargs": None,
}


@pytest.mark.parametrize("place", PLACES)
def test_attack_placements_load_when_the_payload_is_benign(tmp_path, saved, place):
    _, config, _ = saved
    benign = config if place == "model" else BENIGN[place]
    placed = _place(config, place, benign)
    if place == "call kwargs":
        placed["config"]["layers"][1]["inbound_nodes"][0]["kwargs"] = {}
    model = saving_lib.model_from_config(placed)
    path = tmp_path / "benign.keras"
    saving_api.save_model(model, str(path))
    assert saving_api.load_model(str(path))(np.ones((1, 3), "float32")).shape == (1, 2)


@pytest.mark.parametrize("safe_mode", [True, False])
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_configs_naming_unlisted_objects_are_refused(
    tmp_path, saved, opened, payload, place, safe_mode
):
    _, config, weights = saved
    sentinel = tmp_path / "sentinel"
    other = tmp_path / "other.keras"
    saving_api.save_model(_model(), str(other))
    record = _payloads(sentinel, other)[payload]
    path = _write_archive(
        tmp_path / "attack.keras", _place(config, place, record), weights
    )
    del opened[:]
    named = record["config"] if record["class_name"] == "function" else None
    with pytest.raises(REFUSED) as raised:
        saving_api.load_model(path, safe_mode=safe_mode)
    assert (named or record["class_name"]) in str(raised.value)
    assert not sentinel.exists()
    assert str(other) not in opened
    assert backend_config.in_safe_mode() is None


def test_modules_named_in_configs_are_never_imported(tmp_path, saved, monkeypatch):
    _, config, weights = saved
    sentinel = tmp_path / "imported"
    (tmp_path / "evil_module_for_saving_test.py").write_text(
        f"open({str(sentinel)!r}, 'w').close()\nclass Thing:\n"
        "    @classmethod\n    def from_config(cls, config):\n        return cls()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    record = {
        "module": "evil_module_for_saving_test",
        "class_name": "Thing",
        "config": {},
        "registered_name": None,
    }
    for place in PLACES:
        path = _write_archive(
            tmp_path / "a.keras", _place(config, place, record), weights
        )
        with pytest.raises(REFUSED):
            saving_api.load_model(path, safe_mode=False)
    assert "evil_module_for_saving_test" not in sys.modules
    assert not sentinel.exists()


def _lambda_archive(tmp_path, sentinel, extra_config=None):
    sentinel = str(sentinel)
    model = keras_core.Sequential(
        [
            keras_core.Input((2,)),
            keras_core.layers.Lambda(
                lambda x: (open(sentinel, "w").close(), x)[1], name="payload"
            ),
        ]
    )
    path = tmp_path / "lambda.keras"
    saving_api.save_model(model, str(path))
    # Building the model ran the lambda once (symbolically): start clean.
    if os.path.exists(sentinel):
        os.remove(sentinel)
    if extra_config:
        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
            weights = archive.read("model.weights.h5")
        config["config"]["layers"][-1]["config"].update(extra_config)
        _write_archive(path, config, weights)
    return str(path)


def test_lambda_bytecode_needs_safe_mode_off(tmp_path):
    sentinel = tmp_path / "ran"
    path = _lambda_archive(tmp_path, sentinel)
    with pytest.raises(ValueError, match="safe_mode=False"):
        saving_api.load_model(path)
    assert not sentinel.exists()
    model = saving_api.load_model(path, safe_mode=False)
    outputs = model(np.ones((1, 2), "float32"))
    np.testing.assert_array_equal(keras_core.ops.convert_to_numpy(outputs), [[1, 1]])
    assert sentinel.exists()


def test_config_cannot_switch_safe_mode_off(tmp_path):
    sentinel = tmp_path / "ran"
    path = _lambda_archive(tmp_path, sentinel, {"safe_mode": False})
    with pytest.raises(ValueError, match="safe_mode=False"):
        saving_api.load_model(path)
    assert not sentinel.exists()


def test_enable_unsafe_deserialization_is_the_callers_switch(tmp_path):
    path = _lambda_archive(tmp_path, tmp_path / "ran")
    keras_core.config.enable_unsafe_deserialization()
    try:
        saving_api.load_model(path)
    finally:
        keras_core.backend.clear_session(free_memory=False)
    with pytest.raises(ValueError, match="safe_mode=False"):
        saving_api.load_model(path)


def test_paths_and_urls_in_configs_are_never_opened(tmp_path, saved, opened):
    _, config, weights = saved
    vocabulary = tmp_path / "vocabulary.txt"
    vocabulary.write_text("secret\n")
    records = [
        {
            "module": "keras.layers",
            "class_name": "StringLookup",
            "config": {"vocabulary": str(vocabulary)},
            "registered_name": None,
        },
        {
            "module": "keras.layers",
            "class_name": "TFSMLayer",
            "config": {"filepath": str(tmp_path)},
            "registered_name": None,
        },
        {
            "module": "keras.layers",
            "class_name": "Dense",
            "config": {"units": 2, "filepath": str(vocabulary)},
            "registered_name": None,
        },
    ]
    for record in records:
        path = _write_archive(
            tmp_path / "a.keras", _place(config, "layer", record), weights
        )
        del opened[:]
        with pytest.raises(REFUSED):
            saving_api.load_model(path, safe_mode=False)
        assert str(vocabulary) not in opened
        assert str(tmp_path) not in opened


def test_custom_objects_extend_the_allow_list(tmp_path, saved):
    _, config, weights = saved

    def doubled(x):
        return x * 2

    record = {
        "module": None,
        "class_name": "function",
        "config": "doubled",
        "registered_name": "function",
    }
    path = _write_archive(
        tmp_path / "a.keras", _place(config, "activation", record), weights
    )
    with pytest.raises(REFUSED):
        saving_api.load_model(path)
    model = saving_api.load_model(path, custom_objects={"doubled": doubled})
    outputs = keras_core.ops.convert_to_numpy(model(np.ones((1, 3), "float32")))
    np.testing.assert_allclose(outputs, [[3.0, 3.0]])


# HDF5 attacks.


def _h5_bytes(build):
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5_file:
        build(h5_file)
    return buffer.getvalue()


def _weights_with(tmp_path, replace):
    """A victim weights file whose kernel dataset is replaced by `replace`."""
    secret = tmp_path / "secret.h5"
    with h5py.File(secret, "w") as h5_file:
        h5_file["data"] = np.full((3, 2), 42.0, "float32")
    raw = tmp_path / "secret.raw"
    raw.write_bytes(np.full((3, 2), 42.0, "float32").tobytes())

    def build(h5_file):
        vars_group = h5_file.create_group("layers/dense/vars")
        vars_group.attrs["name"] = "dense"
        h5_file.create_group("vars").attrs["name"] = "victim"
        vars_group["1"] = np.zeros(2, "float32")
        replace(h5_file, vars_group, str(secret), str(raw))

    return _h5_bytes(build)


def _external_link(h5_file, group, secret, raw):
    group["0"] = h5py.ExternalLink(secret, "/data")


def _soft_link(h5_file, group, secret, raw):
    h5_file["stash"] = np.full((3, 2), 42.0, "float32")
    group["0"] = h5py.SoftLink("/stash")


def _hard_link_twice(h5_file, group, secret, raw):
    h5_file["stash"] = np.full((3, 2), 42.0, "float32")
    group["0"] = h5_file["stash"]


def _external_storage(h5_file, group, secret, raw):
    group.create_dataset("0", shape=(3, 2), dtype="float32", external=[(raw, 0, 24)])


def _virtual(h5_file, group, secret, raw):
    layout = h5py.VirtualLayout(shape=(3, 2), dtype="float32")
    layout[:] = h5py.VirtualSource(secret, "data", shape=(3, 2))
    group.create_virtual_dataset("0", layout)


def _wrong_shape(h5_file, group, secret, raw):
    group["0"] = np.full((2, 3), 42.0, "float32")


def _larger_than_file(h5_file, group, secret, raw):
    group.create_dataset("0", shape=(3, 2_000_000_000), dtype="float32")


def _object_dtype(h5_file, group, secret, raw):
    group.create_dataset("0", shape=(3, 2), dtype=h5py.string_dtype())


HDF5_ATTACKS = {
    "external link": (_external_link, "external link"),
    "soft link": (_soft_link, "SoftLink, not a hard link"),
    "hard link twice": (_hard_link_twice, "reached by several links"),
    "external storage": (_external_storage, "external files"),
    "virtual dataset": (_virtual, "virtual dataset"),
    "wrong shape": (_wrong_shape, r"has shape \(2, 3\), but the variable"),
    "larger than the file": (_larger_than_file, "more than the whole file holds"),
    "object dtype": (_object_dtype, "not a numeric dtype"),
}


@pytest.mark.parametrize("safe_mode", [True, False])
@pytest.mark.parametrize("attack", list(HDF5_ATTACKS))
def test_hdf5_attacks_are_refused_before_reading(
    tmp_path, saved, monkeypatch, attack, safe_mode
):
    _, config, _ = saved
    replace, message = HDF5_ATTACKS[attack]
    weights = _weights_with(tmp_path, replace)
    reads = []
    original = h5_store.read_dataset
    monkeypatch.setattr(
        h5_store, "read_dataset", lambda d: reads.append(d.name) or original(d)
    )
    archive = _write_archive(tmp_path / "a.keras", config, weights)
    with pytest.raises(ValueError, match=message):
        saving_api.load_model(archive, safe_mode=safe_mode)
    weights_file = tmp_path / "a.weights.h5"
    weights_file.write_bytes(weights)
    model = _model()
    with pytest.raises(ValueError, match=message):
        model.load_weights(str(weights_file))
    assert "/layers/dense/vars/0" not in reads
    np.testing.assert_array_equal(model.get_weights()[0], np.full((3, 2), 0.5))


def test_shard_maps_cannot_name_other_files(tmp_path):
    model = _model()
    outside = tmp_path / "outside"
    outside.mkdir()
    model.save_weights(str(outside / "x_00000.weights.h5"))
    folder = tmp_path / "weights"
    folder.mkdir()
    for name in ["../outside/x_00000.weights.h5", str(outside / "x_00000.weights.h5")]:
        (folder / "m.weights.json").write_text(
            json.dumps({"weight_map": {"/layers/dense/vars": [name]}})
        )
        with pytest.raises(ValueError, match="files of the same folder"):
            model.load_weights(str(folder / "m.weights.json"))


# Zip attacks.


def _symlink_info(name):
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


ZIP_ATTACKS = {
    "absolute path": ([("/tmp/escaped_by_zip", b"x")], "absolute path"),
    "dot dot": ([("../escaped_by_zip", b"x")], r"'\.\.' path component"),
    "dot dot in assets": ([("assets/../../escaped_by_zip", b"x")], r"'\.\.'"),
    "backslash": ([("assets\\..\\escaped_by_zip", b"x")], "backslash"),
    "drive": ([("C:escaped_by_zip", b"x")], "absolute path"),
    "symlink": ([(_symlink_info("assets/link"), b"/etc/passwd")], "symbolic link"),
    "duplicate": ([("config.json", b"{}")], "appears twice"),
}


@pytest.mark.parametrize("attack", list(ZIP_ATTACKS))
def test_zip_member_attacks_are_refused(tmp_path, saved, attack):
    _, config, weights = saved
    extra, message = ZIP_ATTACKS[attack]
    workdir = tmp_path / "work"
    workdir.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicates
        path = _write_archive(workdir / "a.keras", config, weights, extra)
    for safe_mode in (True, False):
        with pytest.raises(archive_safety.UnsafeArchiveError, match=message):
            saving_api.load_model(path, safe_mode=safe_mode)
    assert not (tmp_path / "escaped_by_zip").exists()
    assert sorted(os.listdir(workdir)) == ["a.keras"]


def test_zip_bombs_are_refused(tmp_path, saved, monkeypatch):
    _, config, weights = saved
    bomb = tmp_path / "bomb.keras"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.json", "{}")
        archive.writestr("config.json", b" " * (20 << 20) + json.dumps(config).encode())
        archive.writestr("model.weights.h5", weights)
    with pytest.raises(archive_safety.UnsafeArchiveError, match="a zip bomb"):
        saving_api.load_model(str(bomb))
    normal = _write_archive(tmp_path / "normal.keras", config, weights)
    monkeypatch.setattr(archive_safety, "MAX_TOTAL_SIZE", 1000)
    with pytest.raises(archive_safety.UnsafeArchiveError, match="above the limit"):
        saving_api.load_model(normal)
    monkeypatch.setattr(archive_safety, "MAX_JSON_SIZE", 10)
    monkeypatch.setattr(archive_safety, "MAX_TOTAL_SIZE", 1 << 40)
    with pytest.raises(archive_safety.UnsafeArchiveError, match="byte limit"):
        saving_api.load_model(normal)
