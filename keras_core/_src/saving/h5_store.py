"""The weights HDF5 file (`model.weights.h5`, `.weights.h5`), in Keras 3's layout.

Each saved object gets a group at its path (`layers/dense`) holding a
`vars` group (attribute `name`: the object's name) with one dataset per
variable, named "0", "1", ... in the order the object saves them. Dtypes
HDF5 lacks (bfloat16, float8) are stored as opaque bytes with a `dtype`
attribute, as Keras does. With `max_shard_size` the datasets are spread
over `<stem>_00000.weights.h5`, ... and `<stem>.weights.json` maps each
`vars` group to the shards holding it.

Reading trusts nothing in the file. When it is opened, every link is
checked to be a hard link to an object reached once (no soft or external
links, no cycles), every dataset to be plain (no external storage, no
virtual dataset, numeric dtype) and no larger than the file itself; the
declared shape of each dataset is compared with the variable it fills
before a byte of it is read.
"""

import collections.abc
import json
import math
import os
import re

import h5py
import ml_dtypes
import numpy as np

# Dtypes HDF5 cannot describe, stored as opaque bytes plus a `dtype`
# attribute naming them.
OPAQUE_DTYPES = {
    np.dtype(getattr(ml_dtypes, name)).name: np.dtype(getattr(ml_dtypes, name))
    for name in (
        "bfloat16",
        "float8_e4m3fn",
        "float8_e4m3fnuz",
        "float8_e5m2",
        "float8_e5m2fnuz",
        "int4",
        "uint4",
    )
    if hasattr(ml_dtypes, name)
}
_NUMERIC_KINDS = "biufc"
_SHARD_JSON_LIMIT = 64 << 20
_SHARD_NAME = re.compile(r"^[^/\\\x00]+_\d{5}\.weights\.h5$")


class UnsafeWeightsFileError(ValueError):
    """A weights file holding links, external data or impossible sizes."""


def _refuse(filepath, where, problem):
    raise UnsafeWeightsFileError(
        f"Refusing to load weights from '{filepath}': {where} {problem}. "
        "Weights files written by Keras hold only groups and plain numeric "
        "datasets. The file may be corrupted or crafted: re-save the weights "
        "from their source."
    )


def encode(value):
    """An array HDF5 can store, and the `dtype` attribute it needs (or None)."""
    array = np.asarray(value)
    if array.dtype.name in OPAQUE_DTYPES:
        return array.view(f"V{array.dtype.itemsize}"), array.dtype.name
    return array, None


def _write_dataset(group, key, value):
    array, dtype_name = encode(value)
    dataset = group.create_dataset(key, data=array)
    if dtype_name is not None:
        dataset.attrs["dtype"] = dtype_name
    return array.nbytes


def _require_vars_group(h5_file, path, name):
    group = h5_file.require_group(path) if path else h5_file
    created = "vars" not in group
    vars_group = group.require_group("vars")
    if created and name is not None:
        vars_group.attrs["name"] = name
    return vars_group


class VarsWriter:
    """The store an object's `save_own_variables(store)` writes into."""

    def __init__(self, writer, path, name):
        self._writer = writer
        self._path = path
        self._name = name
        self._keys = []

    def __setitem__(self, key, value):
        self._writer._write(self._path, self._name, str(key), value)
        self._keys.append(str(key))

    def keys(self):
        """The names written so far."""
        return list(self._keys)

    def __len__(self):
        return len(self._keys)


class H5WeightsWriter:
    """Writes the weights file (or its shards), group by group.

    Args:
        filepath: The `.weights.h5` path (the stem, with `max_shard_size`).
        max_shard_size: The largest shard, in GiB, or None for one file.
        json_path: Where the shard map goes (with `max_shard_size`).
    """

    def __init__(self, filepath, max_shard_size=None, json_path=None):
        self._filepath = filepath
        self._json_path = json_path
        self._max_bytes = (
            None if max_shard_size is None else int(max_shard_size * (1 << 30))
        )
        self._shard_paths = []
        self._weight_map = {}
        self._total_size = 0
        self._shard_size = 0
        self._file = None
        self._open_next()

    def _open_next(self):
        if self._file is not None:
            self._file.close()
        if self._max_bytes is None:
            path = self._filepath
        else:
            stem = self._filepath[: -len(".weights.h5")]
            path = f"{stem}_{len(self._shard_paths):05d}.weights.h5"
        self._shard_paths.append(path)
        self._file = h5py.File(path, "w")
        self._shard_size = 0

    @property
    def written_paths(self):
        """The files written (the shards and the map, when sharded)."""
        extra = [self._json_path] if self._max_bytes is not None else []
        return self._shard_paths + extra

    def make(self, path, name=None):
        """Creates `<path>/vars` and returns the store for its variables."""
        _require_vars_group(self._file, path, name)
        return VarsWriter(self, path, name)

    def _write(self, path, name, key, value):
        nbytes = np.asarray(value).nbytes
        if self._max_bytes is not None:
            if nbytes > self._max_bytes:
                raise ValueError(
                    f"The size of variable {key} of '{path or '/'}' is "
                    f"{nbytes / 1024:.2f} KB, which exceeds the maximum shard "
                    f"size {self._max_bytes / 1024:.2f} KB. Increase "
                    "`max_shard_size` to hold it."
                )
            if self._shard_size and self._shard_size + nbytes > self._max_bytes:
                self._open_next()
        vars_group = _require_vars_group(self._file, path, name)
        written = _write_dataset(vars_group, key, value)
        self._shard_size += written
        self._total_size += written
        group_path = "/" + "/".join(p for p in (path, "vars") if p)
        shard = os.path.basename(self._shard_paths[-1])
        shards = self._weight_map.setdefault(group_path, [])
        if shard not in shards:
            shards.append(shard)

    def close(self):
        """Closes the file and writes the shard map when sharded."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._max_bytes is not None:
            record = {
                "metadata": {"total_size": float(self._total_size)},
                "weight_map": self._weight_map,
            }
            with open(self._json_path, "w") as stream:
                json.dump(record, stream, indent=4)


def _check_dataset(dataset, where, filepath, file_size):
    if dataset.is_virtual:
        _refuse(filepath, where, "is a virtual dataset (it reads other files)")
    if dataset.external:
        _refuse(filepath, where, "keeps its data in external files")
    kind = dataset.dtype.kind
    opaque = dataset.attrs.get("dtype") if kind == "V" else None
    if isinstance(opaque, bytes):
        opaque = opaque.decode("utf-8", "replace")
    if kind not in _NUMERIC_KINDS and not (
        opaque in OPAQUE_DTYPES
        and dataset.dtype.itemsize == OPAQUE_DTYPES[opaque].itemsize
    ):
        _refuse(filepath, where, f"has dtype {dataset.dtype}, not a numeric dtype")
    nbytes = math.prod(dataset.shape or ()) * dataset.dtype.itemsize
    if nbytes > file_size:
        _refuse(
            filepath,
            where,
            f"declares shape {dataset.shape} ({nbytes} bytes), more than the "
            f"whole file holds ({file_size} bytes)",
        )
    return nbytes


def validate_h5_file(h5_file, filepath, file_size):
    """Checks every link and dataset of an open file; raises when unsafe."""
    total = 0
    pending = [("", h5_file)]
    while pending:
        prefix, group = pending.pop()
        for key in group:
            where = f"'{prefix}{key}'"
            link = group.get(key, getlink=True)
            if isinstance(link, h5py.ExternalLink):
                _refuse(filepath, where, "is an external link to another file")
            if not isinstance(link, h5py.HardLink):
                _refuse(filepath, where, f"is a {type(link).__name__}, not a hard link")
            item = group[key]
            if h5py.h5o.get_info(item.id).rc != 1:
                _refuse(filepath, where, "is reached by several links")
            if isinstance(item, h5py.Group):
                pending.append((f"{prefix}{key}/", item))
            elif isinstance(item, h5py.Dataset):
                total += _check_dataset(item, where, filepath, file_size)
            else:
                _refuse(filepath, where, f"is a {type(item).__name__} object")
    if total > file_size:
        _refuse(
            filepath,
            "the datasets",
            f"declare {total} bytes in all, more than the file holds "
            f"({file_size} bytes)",
        )


def open_checked(filepath):
    if not h5py.is_hdf5(filepath):
        raise ValueError(
            f"'{filepath}' is not an HDF5 file. Weights files are written by "
            "`model.save_weights()` (`.weights.h5`)."
        )
    h5_file = h5py.File(filepath, "r")
    try:
        validate_h5_file(h5_file, filepath, os.path.getsize(filepath))
    except BaseException:
        h5_file.close()
        raise
    return h5_file


class VarsReader(collections.abc.Mapping):
    """The store an object's `load_own_variables(store)` reads from.

    Values are read when asked for, after checking the dataset's declared
    shape against the variable it fills (see `expect`).
    """

    def __init__(self, datasets, path, filepath):
        self._datasets = datasets
        self._path = path
        self._filepath = filepath
        self._expected = {}
        self._owner = None

    def expect(self, shapes, owner):
        """Sets the shapes each key must have, and who they belong to."""
        self._expected = dict(shapes)
        self._owner = owner

    def check_shapes(self):
        """Raises when a saved shape differs from its variable's shape."""
        for key, shape in self._expected.items():
            dataset = self._datasets.get(key)
            if dataset is not None and tuple(dataset.shape) != tuple(shape):
                raise ValueError(
                    f"{self._owner}: saved variable {key} at "
                    f"'{self._path or '/'}/vars/{key}' has shape "
                    f"{tuple(dataset.shape)}, but the variable it fills has "
                    f"shape {tuple(shape)}. The file was saved from a "
                    "different architecture; rebuild the same model, or pass "
                    "`skip_mismatch=True` to leave such variables as they are."
                )

    def __getitem__(self, key):
        dataset = self._datasets[str(key)]
        expected = self._expected.get(str(key))
        if expected is not None and tuple(dataset.shape) != tuple(expected):
            self.check_shapes()
        return read_dataset(dataset)

    def __iter__(self):
        return iter(natural_order(self._datasets))

    def __len__(self):
        return len(self._datasets)


def read_dataset(dataset):
    """The values of a (checked) dataset, opaque dtypes restored."""
    value = np.asarray(dataset[()])
    opaque = dataset.attrs.get("dtype") if dataset.dtype.kind == "V" else None
    if isinstance(opaque, bytes):
        opaque = opaque.decode("utf-8")
    if opaque is not None:
        value = value.view(OPAQUE_DTYPES[opaque])
    return value


def natural_order(keys):
    """Dataset keys in numeric order ("0", "1", ..., "10"), others after."""
    return sorted(
        keys, key=lambda key: (not key.isdigit(), int(key) if key.isdigit() else 0, key)
    )


def _datasets_of(h5_file, group_path):
    group = h5_file.get(group_path) if group_path else h5_file
    if not isinstance(group, h5py.Group):
        return {}
    return {key: group[key] for key in group if isinstance(group[key], h5py.Dataset)}


class H5WeightsReader:
    """Reads a checked weights file (or the shards a `.weights.json` names).

    Args:
        filepath: A `.weights.h5` file, or the `.weights.json` map of a
            sharded one.
    """

    def __init__(self, filepath):
        self._filepath = filepath
        self._files = {}
        self._weight_map = None
        if filepath.endswith(".json"):
            self._weight_map = _read_weight_map(filepath)
        else:
            self._files[None] = open_checked(filepath)

    def _shard(self, name):
        if name not in self._files:
            directory = os.path.dirname(os.path.abspath(self._filepath))
            self._files[name] = open_checked(os.path.join(directory, name))
        return self._files[name]

    def get(self, path):
        """The store of `<path>/vars` (empty when the file has none)."""
        group_path = "/".join(p for p in (path, "vars") if p)
        if self._weight_map is None:
            datasets = _datasets_of(self._files[None], group_path)
        else:
            datasets = {}
            for shard in self._weight_map.get("/" + group_path, []):
                datasets.update(_datasets_of(self._shard(shard), group_path))
        return VarsReader(datasets, path, self._filepath)

    def close(self):
        """Closes every file opened."""
        for h5_file in self._files.values():
            h5_file.close()
        self._files = {}


def _read_weight_map(filepath):
    if os.path.getsize(filepath) > _SHARD_JSON_LIMIT:
        _refuse(filepath, "the shard map", "is implausibly large")
    with open(filepath, encoding="utf-8") as stream:
        try:
            record = json.load(stream)
        except json.JSONDecodeError as error:
            _refuse(filepath, "the shard map", f"is not valid JSON ({error})")
    weight_map = record.get("weight_map") if isinstance(record, dict) else None
    if not isinstance(weight_map, dict):
        _refuse(filepath, "the shard map", "has no `weight_map` dict")
    for group_path, shards in weight_map.items():
        if not isinstance(shards, list) or not all(
            isinstance(name, str) and _SHARD_NAME.match(name) for name in shards
        ):
            _refuse(
                filepath,
                f"the shard list of {group_path!r}",
                "names files that are not `<name>_NNNNN.weights.h5` files of "
                "the same folder",
            )
    return weight_map
