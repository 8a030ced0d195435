"""`KerasFileEditor`: inspect, compare, edit and resave a weights file.

The file's weights are read (through the same checks as loading) into a
table from object path (`"layers/dense"`, `""` for the model itself) to
that object's weights by key (`"0"`, `"1"`, ...). Edits change the table;
`save` writes it back as a `.weights.h5` file in the Keras 3 layout.
"""

import os
import tempfile
import zipfile

import h5py
import numpy as np

from keras_core._src.saving import archive_safety
from keras_core._src.saving import h5_store
from keras_core._src.saving import saving_lib


def _read_objects(filepath):
    """`(weights, names)`: path -> {key: array} and path -> `vars` name."""
    weights, names = {}, {}
    with h5_store.open_checked(filepath) as h5_file:

        def visit(path, item):
            if isinstance(item, h5py.Group) and path.split("/")[-1] == "vars":
                owner = path[: -len("vars")].rstrip("/")
                weights[owner] = {
                    key: h5_store.read_dataset(item[key])
                    for key in h5_store.natural_order(item)
                    if isinstance(item[key], h5py.Dataset)
                }
                name = item.attrs.get("name")
                names[owner] = name.decode() if isinstance(name, bytes) else name

        h5_file.visititems(visit)
    return weights, names


def _display(path):
    return "/" + path if path else "/"


class KerasFileEditor:
    """Utility to inspect, edit, and resave Keras weights files.

    Useful to adapt a saved file after changing a model's architecture:
    rename, delete or add layers' weights, then resave.

    Args:
        filepath: A `.keras` or `.weights.h5` file to inspect and edit.

    Example:

    >>> editor = keras_core.saving.KerasFileEditor("model.weights.h5")
    >>> editor.summary()
    >>> editor.delete_object("layers/dense_2")
    >>> editor.add_object("layers/einsum_dense",
    ...                   weights={"0": kernel, "1": bias})
    >>> editor.resave_weights("edited_model.weights.h5")
    """

    def __init__(self, filepath):
        filepath = os.fspath(filepath)
        self.filepath = filepath
        self.config = None
        self.metadata = None
        if not os.path.isfile(filepath):
            raise ValueError(
                f"KerasFileEditor: file not found: filepath={filepath}. Pass a "
                "`.keras` or `.weights.h5` file."
            )
        if filepath.endswith(".keras"):
            self.weights_dict, self._names = self._read_archive(filepath)
        elif filepath.endswith(".weights.h5"):
            self.weights_dict, self._names = _read_objects(filepath)
        else:
            raise ValueError(
                "KerasFileEditor only opens `.keras` and `.weights.h5` files. "
                f"Received: filepath={filepath}"
            )
        print(f"Keras model file '{filepath}'")
        if self.metadata:
            print(
                f"Saved with Keras {self.metadata.get('keras_version')} - date: "
                f"{self.metadata.get('date_saved')}"
            )

    def _read_archive(self, filepath):
        with (
            zipfile.ZipFile(filepath) as archive,
            tempfile.TemporaryDirectory() as work_dir,
        ):
            members = archive_safety.check_archive(archive, filepath)
            for member, attribute in (
                (saving_lib.CONFIG_FILENAME, "config"),
                (saving_lib.METADATA_FILENAME, "metadata"),
            ):
                if member in members:
                    text = archive_safety.read_member(
                        archive, members[member], filepath
                    )
                    setattr(
                        self, attribute, saving_lib.parse_json(text, filepath, member)
                    )
            if saving_lib.WEIGHTS_FILENAME not in members:
                raise ValueError(f"'{filepath}' holds no model.weights.h5 to edit.")
            path = archive_safety.extract_member(
                archive, members[saving_lib.WEIGHTS_FILENAME], filepath, work_dir
            )
            return _read_objects(path)

    # Finding objects.

    def _resolve(self, object_name):
        if object_name in self.weights_dict:
            return object_name
        stripped = object_name.strip("/")
        if stripped in self.weights_dict:
            return stripped
        matches = [p for p in self.weights_dict if p.split("/")[-1] == stripped]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(
                f"Name '{object_name}' matches several objects: {sorted(matches)}. "
                "Pass the full path of the one you mean."
            )
        raise ValueError(
            f"Source name '{object_name}' does not appear in the file. Objects: "
            f"{sorted(self.weights_dict)}. Use `editor.summary()` to list them."
        )

    def _subtree(self, path):
        prefix = path + "/" if path else ""
        return [p for p in self.weights_dict if p == path or p.startswith(prefix)]

    # Edits.

    def rename_object(self, object_name, new_name):
        """Renames an object in the file (e.g. a layer).

        Args:
            object_name: The name or path of the object to rename (e.g.
                `"dense_2"` or `"layers/dense_2"`).
            new_name: Its new name (the last component of its path).
        """
        path = self._resolve(object_name)
        if not path:
            raise ValueError("The model itself (path '/') cannot be renamed.")
        if "/" in new_name.strip("/") or not new_name.strip("/"):
            raise ValueError(
                f"rename_object: `new_name` must be one path component, not a "
                f"path. Received: new_name={new_name!r}"
            )
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        new_path = f"{parent}/{new_name.strip('/')}" if parent else new_name.strip("/")
        if new_path in self.weights_dict:
            raise ValueError(
                f"Cannot rename '{path}' to '{new_path}': an object with that "
                "path already exists. Delete or rename it first."
            )
        for old in self._subtree(path):
            new = new_path + old[len(path) :]
            self.weights_dict[new] = self.weights_dict.pop(old)
            self._names[new] = self._names.pop(old, None)

    def delete_object(self, object_name):
        """Removes an object (and the objects inside it) from the file.

        Args:
            object_name: The name or path of the object (e.g. `"dense_2"`
                or `"layers/dense_2"`).
        """
        path = self._resolve(object_name)
        for old in self._subtree(path):
            del self.weights_dict[old]
            self._names.pop(old, None)

    def add_object(self, object_path, weights):
        """Adds a new object to the file (e.g. a layer).

        Args:
            object_path: The full path of the new object (e.g.
                `"layers/dense_2"`).
            weights: A dict of weight names to arrays, e.g.
                `{"0": kernel_value, "1": bias_value}`.
        """
        path = object_path.strip("/")
        if path in self.weights_dict:
            raise ValueError(
                f"Object '{path}' already exists in the file. Use "
                "`add_weights()` to add weights to it."
            )
        self.weights_dict[path] = self._checked_weights(weights)
        self._names[path] = path.split("/")[-1]

    def delete_weight(self, object_name, weight_name):
        """Removes a weight from an existing object.

        Args:
            object_name: The name or path of the object (e.g. `"dense_2"`).
            weight_name: The weight's name (e.g. `"0"`).
        """
        path = self._resolve(object_name)
        if str(weight_name) not in self.weights_dict[path]:
            raise ValueError(
                f"Weight '{weight_name}' not found in object '{path}'. Its "
                f"weights: {list(self.weights_dict[path])}"
            )
        del self.weights_dict[path][str(weight_name)]

    def add_weights(self, object_name, weights):
        """Adds one or more new weights to an existing object.

        Args:
            object_name: The name or path of the object (e.g. `"dense_2"`).
            weights: A dict of weight names to arrays, e.g. `{"2": value}`.
        """
        path = self._resolve(object_name)
        weights = self._checked_weights(weights)
        taken = sorted(set(weights) & set(self.weights_dict[path]))
        if taken:
            raise ValueError(
                f"Object '{path}' already has weights {taken}. Delete them "
                "first with `delete_weight()`."
            )
        self.weights_dict[path].update(weights)

    def _checked_weights(self, weights):
        if not isinstance(weights, dict):
            raise ValueError(
                "`weights` must be a dict of weight name -> array, e.g. "
                f'{{"0": kernel}}. Received: {type(weights).__name__}'
            )
        return {str(key): np.asarray(value) for key, value in weights.items()}

    # Output.

    def save(self, filepath):
        """Saves the edited weights to a `.weights.h5` file.

        Args:
            filepath: A path ending in `.weights.h5`.
        """
        filepath = os.fspath(filepath)
        if not filepath.endswith(".weights.h5"):
            raise ValueError(
                "KerasFileEditor.save writes a `.weights.h5` file. Received: "
                f"filepath={filepath}"
            )
        with saving_lib.atomic_paths(filepath) as (temporary,):
            writer = h5_store.H5WeightsWriter(temporary)
            try:
                for path in sorted(self.weights_dict):
                    store = writer.make(path, self._names.get(path))
                    for key, value in self.weights_dict[path].items():
                        store[key] = value
            finally:
                writer.close()

    def resave_weights(self, filepath):
        """The same as `save(filepath)`."""
        self.save(filepath)

    def summary(self):
        """Prints the weight structure of the opened file."""
        print("Weights structure")
        for path in sorted(self.weights_dict):
            print(f"  > {_display(path)}")
            for key, value in self.weights_dict[path].items():
                print(f"      {key}: shape={value.shape}, dtype={value.dtype}")

    def compare(self, reference_model):
        """Compares the opened file to a reference model.

        Lists every mismatch between the file and the model: objects only
        in one of them, weight counts and shapes that differ.

        Args:
            reference_model: A (built) model to compare to.

        Returns:
            A dict with `'status'` (`'success'` or `'error'`),
            `'error_count'` (mismatches found) and `'match_count'` (weights
            that match).
        """
        reference = {}
        saving_lib.walk_saveables(
            reference_model,
            lambda obj, path: reference.__setitem__(
                path, saving_lib.variable_shapes(obj)
            ),
        )
        print("Running comparison")
        errors, matches = 0, 0
        for path, shapes in reference.items():
            saved = self.weights_dict.get(path)
            if saved is None:
                if shapes:
                    errors += 1
                    print(
                        f"...Object {_display(path)} present in reference model, "
                        "missing from saved file\n    In reference model, "
                        f"{_display(path)} contains the following keys: "
                        f"{list(shapes)}"
                    )
                continue
            for key, shape in shapes.items():
                if key not in saved:
                    errors += 1
                    print(f"...Weight {_display(path)}/{key} missing from saved file")
                elif tuple(saved[key].shape) != tuple(shape):
                    errors += 1
                    print(
                        f"...Weight shape mismatch for {_display(path)}/{key}\n"
                        f"    In reference model: shape={tuple(shape)}\n"
                        f"    In saved file: shape={tuple(saved[key].shape)}"
                    )
                else:
                    matches += 1
            for key in saved:
                if key not in shapes:
                    errors += 1
                    print(
                        f"...Weight {_display(path)}/{key} missing from reference model"
                    )
        for path, saved in self.weights_dict.items():
            if path not in reference and saved:
                errors += 1
                print(
                    f"...Object {_display(path)} present in saved file, missing "
                    "from reference model"
                )
        print("─" * 21)
        if errors:
            print(
                f"Found {errors} errors: saved file is not compatible with the "
                "reference model"
            )
            return {"status": "error", "error_count": errors, "match_count": matches}
        print(
            "Comparison successful: saved file is compatible with the reference "
            f"model\n    Found {matches} matching weights"
        )
        return {"status": "success", "error_count": 0, "match_count": matches}
