"""The `.keras` format: a zip of config.json, metadata.json, model.weights.h5.

The layout is Keras 3's, so files move both ways between keras_core and
Keras 3:

- `config.json`: the model's `serialize_keras_object` record (with
  `build_config`, and `compile_config` for compiled models);
- `metadata.json`: `keras_version` and `date_saved`;
- `model.weights.h5`: the state of every saveable object (layers and
  optimizers; metrics are not saved), each at the path the object walk
  below gives it;
- `assets/<path>/...`: files of objects that have `save_assets`.

The object walk is Keras's. Starting from the model, each object writes
its own variables to `<path>/vars`, then its public attributes (instance
attributes and properties, in sorted order; views of the state such as
`weights` are skipped) are visited: a saveable attribute at `<path>/<name>`,
a list, tuple or dict attribute as a container whose saveable items are
named after their class in snake case (`dense`, `dense_1`, ... counting
every saveable item, visited or not). An object reached twice (a shared
layer) is saved once, at the first path.

Loading checks the archive (see `archive_safety`), rebuilds the model from
its config through the allow-list of `serialization_lib`, and reads the
weights through the checks of `h5_store`. Saving writes to a temporary
file in the destination folder and renames it, so a failure leaves any
previous file as it was.
"""

import contextlib
import datetime
import functools
import json
import os
import tempfile
import warnings
import zipfile

import numpy as np

from keras_core._src.backend.common.variables import initialize_all_variables
from keras_core._src.ops.operation import _snake_case
from keras_core._src.saving import archive_safety
from keras_core._src.saving import h5_store
from keras_core._src.saving import object_registration
from keras_core._src.saving import serialization_lib

# The Keras release whose format these files follow; Keras reads
# `keras_version` to choose how to interpret older files.
KERAS_FORMAT_VERSION = "3.15.1"

CONFIG_FILENAME = "config.json"
METADATA_FILENAME = "metadata.json"
WEIGHTS_FILENAME = "model.weights.h5"
ASSETS_DIRNAME = "assets"

# Properties that are views of state already saved through `vars`
# (evaluating them on every object would cost time and find nothing).
_STATE_VIEWS = frozenset(
    {
        "weights",
        "trainable_weights",
        "non_trainable_weights",
        "variables",
        "trainable_variables",
        "non_trainable_variables",
        "metrics",
        "metrics_variables",
        "losses",
        "input",
        "output",
        "inputs",
        "outputs",
    }
)


# The object walk.


@functools.cache
def _saveable_types():
    from keras_core._src.layers.layer import Layer
    from keras_core._src.optimizers.optimizer import Optimizer

    return Layer, Optimizer


def _is_saveable(value):
    return isinstance(value, _saveable_types())


def _is_optimizer(value):
    return isinstance(value, _saveable_types()[1])


def _attribute_names(obj):
    """Public instance attributes and user-facing properties of `obj`."""
    names = {name for name in vars(obj) if not name.startswith("_")}
    for cls in type(obj).__mro__:
        # torch.nn.Module's own members hold no Keras objects.
        if cls is object or cls.__module__.startswith("torch"):
            continue
        for name, member in vars(cls).items():
            is_property = isinstance(member, (property, functools.cached_property))
            if is_property and not name.startswith("_"):
                names.add(name)
    return sorted(names - _STATE_VIEWS)


def _children(obj):
    for name in _attribute_names(obj):
        try:
            value = getattr(obj, name)
        except Exception:  # a property unavailable in this state (unbuilt)
            continue
        yield name, value


def _container_items(container):
    values = container.values() if isinstance(container, dict) else container
    for value in values:
        if isinstance(value, (list, tuple, dict)):
            yield from _container_items(value)
        else:
            yield value


def _join(path, name):
    return f"{path}/{name}" if path else name


def walk_saveables(root, visit):
    """Calls `visit(obj, path)` on `root` and each saveable it holds, once.

    Args:
        root: The model (or any layer or optimizer).
        visit: A function of the object and its path (`""` for the root,
            `"layers/dense"`, `"optimizer"`, ...).
    """
    visited = set()

    def walk(obj, path):
        visited.add(id(obj))
        visit(obj, path)
        for name, value in _children(obj):
            child_path = _join(path, name)
            if _is_saveable(value):
                if id(value) not in visited:
                    walk(value, child_path)
            elif isinstance(value, (list, tuple, dict)):
                used = {}
                for item in _container_items(value):
                    if not _is_saveable(item):
                        continue
                    base = _snake_case(type(item).__name__)
                    count = used.get(base, 0)
                    used[base] = count + 1
                    if id(item) not in visited:
                        item_name = base if count == 0 else f"{base}_{count}"
                        walk(item, _join(child_path, item_name))

    walk(root, "")


def save_state(model, writer, assets_dir=None):
    """Writes the variables (and assets) of every object `model` holds."""

    def visit(obj, path):
        obj.save_own_variables(writer.make(path, getattr(obj, "name", None)))
        if assets_dir is not None and hasattr(obj, "save_assets"):
            directory = os.path.join(assets_dir, *path.split("/"))
            os.makedirs(directory, exist_ok=True)
            obj.save_assets(directory)

    walk_saveables(model, visit)


class _ShapeRecorder(dict):
    """A store recording the shape of each value saved into it."""

    def __setitem__(self, key, value):
        super().__setitem__(str(key), tuple(np.shape(value)))


def variable_shapes(obj):
    """The shape of each variable `obj` saves, by store key ("0", "1", ...)."""
    from keras_core._src.layers.layer_state import LayerStateMixin
    from keras_core._src.optimizers.optimizer import Optimizer

    own = type(obj).save_own_variables
    if own is LayerStateMixin.save_own_variables:
        variables = obj._all_own_variables()
    elif own is Optimizer.save_own_variables:
        variables = obj.variables
    else:
        recorder = _ShapeRecorder()
        obj.save_own_variables(recorder)
        return recorder
    return {str(i): tuple(v.shape) for i, v in enumerate(variables)}


def load_state(
    model, reader, skip_mismatch=False, build_optimizer=False, assets_dir=None
):
    """Reads the variables of every object `model` holds from `reader`.

    Args:
        model: The model to fill.
        reader: An `h5_store.H5WeightsReader`.
        skip_mismatch: Whether objects whose saved variables do not fit
            are left as they are (with a warning) instead of failing.
        build_optimizer: Whether an unbuilt model optimizer is built for
            the model's trainable variables when the file has its state
            (when loading a whole model); otherwise its state is skipped
            with a warning, as Keras does.
        assets_dir: The folder the archive's assets were extracted to.

    Raises:
        ValueError: If objects could not be loaded and `skip_mismatch` is
            False.
    """
    # Layers built from a shape (`build_from_config`, `model.build`) may
    # still hold variables whose creation a symbolic call deferred; give
    # them storage so loading can assign to them on every backend.
    initialize_all_variables()
    failures = []

    def visit(obj, path):
        store = reader.get(path)
        if _is_optimizer(obj) and not obj.built and len(store) > len(obj.variables):
            if build_optimizer and obj is getattr(model, "optimizer", None):
                obj.build(model.trainable_variables)
            else:
                warnings.warn(
                    f"Skipping variable loading for optimizer '{obj.name}', "
                    f"because it has {len(obj.variables)} variables whereas the "
                    f"saved optimizer has {len(store)} variables. Build it "
                    "first (`optimizer.build(model.trainable_variables)`, or "
                    "train one step) to restore its state.",
                    stacklevel=4,
                )
                return
        try:
            store.expect(variable_shapes(obj), _describe(obj))
            store.check_shapes()
            obj.load_own_variables(store)
        except (ValueError, KeyError, TypeError) as error:
            failures.append((obj, error))
        if assets_dir is not None and hasattr(obj, "load_assets"):
            obj.load_assets(os.path.join(assets_dir, *path.split("/")))

    walk_saveables(model, visit)
    if failures:
        names = [_describe(obj) for obj, _ in failures]
        message = (
            f"A total of {len(failures)} objects could not be loaded. Example "
            f"error message for object {names[0]}:\n\n{failures[0][1]}\n\n"
            f"List of objects that could not be loaded:\n{names}"
        )
        if not skip_mismatch:
            raise ValueError(message)
        warnings.warn(message, stacklevel=3)


def _describe(obj):
    return f"{type(obj).__name__} '{getattr(obj, 'name', obj)}'"


# Writing files without ever leaving a half-written one.


@contextlib.contextmanager
def explain_failures(filepaths):
    """Re-raises errors saying that nothing at `filepaths` was replaced."""
    names = ", ".join(repr(os.fspath(path)) for path in filepaths)
    try:
        yield
    except OSError as error:
        raise OSError(
            error.errno,
            f"Could not write {names}: {error.strerror or error}. Nothing was "
            "replaced: any existing file is unchanged. Free disk space or "
            "choose another folder.",
        ) from error
    except Exception as error:
        error.add_note(
            f"Nothing was written to {names}: any existing file is unchanged."
        )
        raise


@contextlib.contextmanager
def atomic_paths(*filepaths):
    """Yields temporary paths beside `filepaths`; renames them on success.

    On any error the temporary files are removed and the destinations are
    left as they were.
    """
    temporary = []
    try:
        with explain_failures(filepaths):
            for filepath in filepaths:
                directory = os.path.dirname(os.path.abspath(filepath))
                handle, path = tempfile.mkstemp(
                    dir=directory,
                    prefix=f".{os.path.basename(filepath)}.",
                    suffix=".tmp",
                )
                os.close(handle)
                temporary.append(path)
            yield temporary
            for path, filepath in zip(temporary, filepaths, strict=True):
                os.replace(path, filepath)
    finally:
        _remove(temporary)


def _remove(paths):
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


def json_default(value):
    """`json.dumps` fallback: NumPy values to Python ones, else a clear error."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(
        f"Cannot write {value!r} (of type {type(value).__name__}) to the "
        "model's config.json: `get_config()` must return plain values. Return "
        "a number, string, list or dict for it, or a serialized object."
    )


def model_config_json(model):
    """The text of config.json for `model`."""
    record = serialization_lib.serialize_keras_object(model)
    return json.dumps(record, default=json_default)


def metadata_json():
    """The text of metadata.json."""
    return json.dumps(
        {
            "keras_version": KERAS_FORMAT_VERSION,
            "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S"),
        }
    )


def _write_weights(model, path, assets_dir):
    writer = h5_store.H5WeightsWriter(path)
    try:
        save_state(model, writer, assets_dir)
    finally:
        writer.close()


def save_model(model, filepath, weights_format="h5", zipped=True):
    """Writes `model` to a `.keras` archive (or, unzipped, a folder).

    Args:
        model: The model.
        filepath: The `.keras` path (a folder path when `zipped=False`).
        weights_format: Only `"h5"`.
        zipped: Whether to write a zip archive or a folder of the same
            three files.
    """
    if weights_format != "h5":
        raise ValueError(
            "save_model: only `weights_format='h5'` is supported. Received: "
            f"weights_format={weights_format!r}"
        )
    config_text = model_config_json(model)
    metadata_text = metadata_json()
    with tempfile.TemporaryDirectory() as work_dir:
        weights_path = os.path.join(work_dir, WEIGHTS_FILENAME)
        assets_dir = os.path.join(work_dir, ASSETS_DIRNAME)
        if not zipped:
            os.makedirs(filepath, exist_ok=True)
            targets = [
                os.path.join(filepath, name)
                for name in (METADATA_FILENAME, CONFIG_FILENAME, WEIGHTS_FILENAME)
            ]
            with atomic_paths(*targets) as (metadata_tmp, config_tmp, weights_tmp):
                _write_text(metadata_tmp, metadata_text)
                _write_text(config_tmp, config_text)
                _write_weights(model, weights_tmp, None)
            return
        with atomic_paths(filepath) as (archive_tmp,):
            _write_weights(model, weights_path, assets_dir)
            with zipfile.ZipFile(archive_tmp, "w", zipfile.ZIP_STORED) as archive:
                archive.writestr(METADATA_FILENAME, metadata_text)
                archive.writestr(CONFIG_FILENAME, config_text)
                archive.write(weights_path, WEIGHTS_FILENAME)
                _write_assets(archive, assets_dir)


def _write_text(path, text):
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)


def _write_assets(archive, assets_dir):
    for directory, _, files in sorted(os.walk(assets_dir)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, os.path.dirname(assets_dir))
            archive.write(path, relative.replace(os.sep, "/"))


# Reading.


def is_keras_archive(filepath):
    """Whether `filepath` is a zip archive (what a `.keras` file is)."""
    return zipfile.is_zipfile(filepath)


def parse_json(data, filepath, member):
    """The JSON object of an archive member; raises a clear error otherwise."""
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(
            f"'{filepath}': {member} is not valid JSON ({error}). The file is "
            "corrupted; re-save the model."
        ) from None
    if not isinstance(value, dict):
        raise ValueError(
            f"'{filepath}': {member} must hold a JSON object, not "
            f"{type(value).__name__}. The file is corrupted; re-save the model."
        )
    return value


def model_from_config(config, custom_objects=None, compile=True, safe_mode=True):
    """Rebuilds the model of a config.json record, through the allow-list."""
    config = dict(config)
    if not compile:
        config.pop("compile_config", None)
    with (
        object_registration.CustomObjectScope(custom_objects),
        serialization_lib.SafeModeScope(safe_mode),
    ):
        return serialization_lib.deserialize_keras_object(
            config, custom_objects=custom_objects, safe_mode=safe_mode
        )


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model from a `.keras` archive (or an unzipped folder).

    Args:
        filepath: The archive or folder.
        custom_objects: A dict of name -> class or function the config may
            name besides public and registered objects.
        compile: Whether to compile the model as it was saved.
        safe_mode: Whether to refuse Python bytecode (lambdas) in the config.

    Returns:
        The model, with its weights and optimizer state.
    """
    if os.path.isdir(filepath):
        return _load_from_folder(filepath, custom_objects, compile, safe_mode)
    with (
        zipfile.ZipFile(filepath) as archive,
        tempfile.TemporaryDirectory() as work_dir,
    ):
        members = archive_safety.check_archive(archive, filepath)
        for required in (CONFIG_FILENAME, WEIGHTS_FILENAME):
            if required not in members:
                raise ValueError(
                    f"'{filepath}' is not a complete `.keras` file: it has no "
                    f"{required}. Members: {sorted(members)}"
                )
        config = parse_json(
            archive_safety.read_member(archive, members[CONFIG_FILENAME], filepath),
            filepath,
            CONFIG_FILENAME,
        )
        if METADATA_FILENAME in members:
            parse_json(
                archive_safety.read_member(
                    archive, members[METADATA_FILENAME], filepath
                ),
                filepath,
                METADATA_FILENAME,
            )
        model = model_from_config(config, custom_objects, compile, safe_mode)
        weights_path = archive_safety.extract_member(
            archive, members[WEIGHTS_FILENAME], filepath, work_dir
        )
        assets_dir = os.path.join(work_dir, ASSETS_DIRNAME)
        for name, info in members.items():
            if name.startswith(ASSETS_DIRNAME + "/") and not name.endswith("/"):
                archive_safety.extract_member(archive, info, filepath, work_dir)
        _load_weights_file(model, weights_path, False, True, assets_dir)
    return model


def _load_from_folder(folder, custom_objects, compile, safe_mode):
    paths = {
        name: os.path.join(folder, name) for name in (CONFIG_FILENAME, WEIGHTS_FILENAME)
    }
    for name, path in paths.items():
        if not os.path.isfile(path) or os.path.islink(path):
            raise ValueError(
                f"'{folder}' is not a saved model folder: it has no regular "
                f"file {name}."
            )
    if os.path.getsize(paths[CONFIG_FILENAME]) > archive_safety.MAX_JSON_SIZE:
        raise ValueError(f"'{folder}': {CONFIG_FILENAME} is implausibly large.")
    with open(paths[CONFIG_FILENAME], "rb") as stream:
        config = parse_json(stream.read(), folder, CONFIG_FILENAME)
    model = model_from_config(config, custom_objects, compile, safe_mode)
    _load_weights_file(model, paths[WEIGHTS_FILENAME], False, True, None)
    return model


def _load_weights_file(model, path, skip_mismatch, build_optimizer, assets_dir):
    reader = h5_store.H5WeightsReader(path)
    try:
        load_state(model, reader, skip_mismatch, build_optimizer, assets_dir)
    finally:
        reader.close()


def save_weights_only(model, filepath, max_shard_size=None):
    """Writes the state of `model` to a `.weights.h5` file (or shards).

    Args:
        model: The model.
        filepath: A path ending in `.weights.h5` (or `.weights.json` with
            `max_shard_size`).
        max_shard_size: The largest shard in GiB; None writes one file.
    """
    if max_shard_size is None:
        with atomic_paths(filepath) as (temporary,):
            _write_weights(model, temporary, None)
        return
    stem = (
        filepath[: -len(".weights.h5")]
        if filepath.endswith(".weights.h5")
        else (filepath[: -len(".weights.json")])
    )
    with (
        explain_failures([filepath]),
        tempfile.TemporaryDirectory(
            dir=os.path.dirname(os.path.abspath(filepath))
        ) as work,
    ):
        base = os.path.join(work, os.path.basename(stem))
        writer = h5_store.H5WeightsWriter(
            base + ".weights.h5", max_shard_size, base + ".weights.json"
        )
        try:
            save_state(model, writer)
        finally:
            writer.close()
        directory = os.path.dirname(os.path.abspath(filepath))
        for written in writer.written_paths:
            os.replace(written, os.path.join(directory, os.path.basename(written)))


def load_weights_only(model, filepath, skip_mismatch=False):
    """Reads the state of `model` from a `.weights.h5`, `.weights.json` or `.keras`.

    Args:
        model: The (built) model.
        filepath: The weights file, shard map, or `.keras` archive.
        skip_mismatch: Whether objects whose saved variables do not fit
            are skipped with a warning instead of failing.
    """
    if not filepath.endswith(".keras"):
        _load_weights_file(model, filepath, skip_mismatch, False, None)
        return
    with (
        zipfile.ZipFile(filepath) as archive,
        tempfile.TemporaryDirectory() as work_dir,
    ):
        members = archive_safety.check_archive(archive, filepath)
        if WEIGHTS_FILENAME not in members:
            raise ValueError(f"'{filepath}' has no {WEIGHTS_FILENAME} to load.")
        path = archive_safety.extract_member(
            archive, members[WEIGHTS_FILENAME], filepath, work_dir
        )
        _load_weights_file(model, path, skip_mismatch, False, None)
