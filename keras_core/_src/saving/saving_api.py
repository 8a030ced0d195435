"""`save_model`, `load_model`, `save_weights`, `load_weights`: the public entry points.

They check the arguments and the path, then hand over to the format:
`saving_lib` for `.keras` archives and `.weights.h5` files, `legacy_h5`
for the `.h5` files of Keras 2 and of Keras 3's legacy writer.

None of them is marked `keras_public`: they are not serializable objects,
so no config can name them (a file must never load another file).
"""

import os

import h5py

from keras_core._src.backend.common import config as backend_config
from keras_core._src.saving import legacy_h5
from keras_core._src.saving import saving_lib

_LEGACY_EXTENSIONS = (".h5", ".hdf5")


def _path_string(filepath, function):
    if isinstance(filepath, os.PathLike):
        return os.fspath(filepath)
    if not isinstance(filepath, str):
        raise TypeError(
            f"{function}: `filepath` must be a string or a path-like object. "
            f"Received: filepath={filepath!r} of type {type(filepath).__name__}"
        )
    return filepath


def _proceed_with_overwrite(filepath):
    """Asks on the terminal whether to overwrite `filepath` (as Keras does)."""
    answer = input(f"[WARNING] {filepath} already exists - overwrite? [y/n]")
    while answer.strip().lower() not in ("y", "n"):
        answer = input('Enter "y" (overwrite) or "n" (cancel).')
    return answer.strip().lower() == "y"


def save_model(model, filepath, overwrite=True, zipped=None, **kwargs):
    """Saves a model to a `.keras` file (or a legacy `.h5` file).

    The `.keras` file is a zip of the model's config, metadata and weights
    (with the optimizer state), in the Keras 3 layout. The file is written
    to a temporary name and renamed, so a failure never leaves a partial
    file behind.

    Args:
        model: The model to save.
        filepath: A path ending in `.keras` (or `.h5` for the legacy HDF5
            format); with `zipped=False`, a folder path.
        overwrite: Whether to replace an existing file without asking.
        zipped: Whether to write a zip archive (the default for `.keras`)
            or a folder holding the same files.
        **kwargs: `include_optimizer` (legacy `.h5` only: whether to save
            the optimizer state, True by default).

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> keras_core.saving.save_model(model, "model.keras")
    >>> restored = keras_core.saving.load_model("model.keras")
    """
    filepath = _path_string(filepath, "save_model")
    include_optimizer = kwargs.pop("include_optimizer", True)
    save_format = kwargs.pop("save_format", None)
    if kwargs:
        raise ValueError(
            "The following argument(s) are not supported: "
            f"{sorted(kwargs)}. save_model takes `overwrite`, `zipped` and, "
            "for `.h5` files, `include_optimizer`."
        )
    is_legacy = filepath.endswith(_LEGACY_EXTENSIONS) or save_format == "h5"
    if save_format not in (None, "keras", "h5"):
        raise ValueError(
            f"save_model: unsupported save_format={save_format!r}. Use a "
            "`.keras` path; `model.export()` writes inference artifacts."
        )
    if zipped is None:
        zipped = True
    if not zipped and filepath.endswith(".keras"):
        raise ValueError(
            "When using `zipped=False`, the `filepath` argument should not end "
            f"in `.keras`. Received: filepath={filepath}"
        )
    if zipped and not is_legacy and not filepath.endswith(".keras"):
        raise ValueError(
            "Invalid filepath extension for saving. Please add either a "
            "`.keras` extension for the native Keras format (recommended) or "
            "a `.h5` extension. Received: filepath="
            f"{filepath}."
        )
    if (
        os.path.exists(filepath)
        and not overwrite
        and not _proceed_with_overwrite(filepath)
    ):
        return
    if is_legacy:
        legacy_h5.save_model_to_hdf5(model, filepath, include_optimizer)
    else:
        saving_lib.save_model(model, filepath, zipped=zipped)


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model saved by `save_model` (or by Keras 2 or 3).

    Loading is safe by default: the config may only name public keras_core
    objects, registered objects and `custom_objects`; no Python bytecode is
    run, no file or URL named inside the model is opened, and the archive
    and weights are checked before anything is allocated.

    Args:
        filepath: A `.keras` file, a folder saved with `zipped=False`, or a
            legacy `.h5` file.
        custom_objects: A dict of name -> class or function the config may
            name besides public and registered objects.
        compile: Whether to compile the model as it was when saved.
        safe_mode: Whether to refuse Python bytecode (Lambda layers holding
            lambdas). Pass False only for files you trust.

    Returns:
        The model, with its weights (and optimizer state when compiled).

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> model.save("model.keras")
    >>> restored = keras_core.saving.load_model("model.keras")
    """
    filepath = _path_string(filepath, "load_model")
    if backend_config.in_safe_mode() is False:
        safe_mode = False
    if not os.path.exists(filepath):
        raise ValueError(
            f"File not found: filepath={filepath}. Please ensure the file is "
            "an accessible `.keras` zip file."
        )
    if os.path.isdir(filepath) or saving_lib.is_keras_archive(filepath):
        return saving_lib.load_model(filepath, custom_objects, compile, safe_mode)
    if h5py.is_hdf5(filepath):
        return legacy_h5.load_model_from_hdf5(
            filepath, custom_objects, compile, safe_mode
        )
    raise ValueError(
        f"File format not supported: filepath={filepath}. keras_core loads "
        "`.keras` files (zip archives), folders saved with `zipped=False`, "
        "and legacy H5 files (`.h5`). A TensorFlow SavedModel cannot be "
        "loaded as a model."
    )


def save_weights(model, filepath, overwrite=True, max_shard_size=None, **kwargs):
    """Saves the model's weights (and optimizer state) to a `.weights.h5` file.

    Args:
        model: The model.
        filepath: A path ending in `.weights.h5` (or `.weights.json`, the
            shard map, with `max_shard_size`).
        overwrite: Whether to replace an existing file without asking.
        max_shard_size: The largest file to write, in GiB: the weights are
            then split into `<name>_00000.weights.h5`, ... with a
            `<name>.weights.json` map.
        **kwargs: None are accepted (kept for Keras's signature).

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> keras_core.saving.save_weights(model, "model.weights.h5")
    """
    filepath = _path_string(filepath, "save_weights")
    if kwargs:
        raise TypeError(
            f"save_weights got unexpected keyword arguments: {sorted(kwargs)}."
        )
    endings = (".weights.h5", ".weights.json") if max_shard_size else (".weights.h5",)
    if not filepath.endswith(endings):
        raise ValueError(
            f"The filename must end in `{'` or `'.join(endings)}`. Received: "
            f"filepath={filepath}"
        )
    if max_shard_size is not None and (
        isinstance(max_shard_size, bool)
        or not isinstance(max_shard_size, (int, float))
        or max_shard_size <= 0
    ):
        raise ValueError(
            "`max_shard_size` must be a positive number of GiB. Received: "
            f"max_shard_size={max_shard_size!r}"
        )
    if (
        os.path.exists(filepath)
        and not overwrite
        and not _proceed_with_overwrite(filepath)
    ):
        return
    saving_lib.save_weights_only(model, filepath, max_shard_size)


def load_weights(model, filepath, skip_mismatch=False, **kwargs):
    """Loads weights (and optimizer state) into a built model.

    Args:
        model: The model, built (called once, or built from its inputs).
        filepath: A `.weights.h5` file, a `.weights.json` shard map, a
            `.keras` file, or a legacy `.h5` weights file.
        skip_mismatch: Whether objects whose saved weights do not fit
            (another shape or count) are left as they are, with a warning,
            instead of raising.
        **kwargs: `by_name` for legacy `.h5` files (their layers are always
            matched by name here).

    Example:

    >>> model.save_weights("model.weights.h5")
    >>> keras_core.saving.load_weights(model, "model.weights.h5")
    """
    filepath = _path_string(filepath, "load_weights")
    kwargs.pop("by_name", None)
    if kwargs:
        raise ValueError(f"Invalid keyword arguments: {kwargs}")
    if not os.path.isfile(filepath):
        raise ValueError(
            f"File not found: filepath={filepath}. Pass the path of a weights "
            "file written by `save_weights` (or a `.keras` file)."
        )
    if not getattr(model, "built", True):
        raise ValueError(
            "You are loading weights into a model that has not yet been "
            "built. Try building the model first by calling it on some data "
            "or by using `build()`."
        )
    if filepath.endswith((".weights.h5", ".weights.json", ".keras")):
        saving_lib.load_weights_only(model, filepath, skip_mismatch)
    elif filepath.endswith(_LEGACY_EXTENSIONS):
        legacy_h5.load_weights_from_hdf5(model, filepath, skip_mismatch)
    else:
        raise ValueError(
            f"File format not supported: filepath={filepath}. keras_core "
            "loads weights from `.weights.h5`, `.weights.json` (sharded), "
            "`.keras` and legacy `.h5` files."
        )
