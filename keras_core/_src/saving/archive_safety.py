"""Checks on `.keras` zip archives before anything is read from them.

A `.keras` file comes from anywhere, so its zip directory is checked as a
whole before any member is read: every member name must be a plain
relative path (no absolute path, drive, `..`, backslash or NUL), no member
may be a link, encrypted, or listed twice, and the sizes it declares must
be believable: each member's uncompressed size within a bounded ratio of
its stored size, and all of them together within `MAX_TOTAL_SIZE`.
Members are then read through readers that stop at the declared size, so
a member whose data runs longer than its header says cannot fill memory or
disk either.
"""

import os
import stat
import zipfile

# The largest total uncompressed size accepted for one archive. Keras
# stores the weights uncompressed, so this is about the largest model file
# one would load; tests lower it to check the limit.
MAX_TOTAL_SIZE = 1 << 40

# A member may declare at most this many uncompressed bytes per stored
# byte. JSON compresses about 10x; a zip bomb claims thousands.
MAX_COMPRESSION_RATIO = 200

# Below this size the ratio is not checked: tiny members compress well
# (an empty JSON object, a run of zeros) and cannot hurt.
_RATIO_FREE_SIZE = 1 << 20

# config.json and metadata.json are read into memory: bound them.
MAX_JSON_SIZE = 256 << 20

_CHUNK_SIZE = 1 << 20


class UnsafeArchiveError(ValueError):
    """A `.keras` archive whose zip directory fails the safety checks."""


def _refuse(filepath, member, problem):
    raise UnsafeArchiveError(
        f"Refusing to load '{filepath}': zip member {member!r} {problem}. A "
        "`.keras` file holds only config.json, metadata.json, "
        "model.weights.h5 and assets/ files with plain relative names. The "
        "file may be corrupted or crafted: re-save the model from its source."
    )


def _check_name(filepath, name):
    if not name or "\x00" in name:
        _refuse(filepath, name, "has an empty name or a NUL character")
    if "\\" in name:
        _refuse(filepath, name, "contains a backslash")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        _refuse(filepath, name, "has an absolute path")
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        _refuse(filepath, name, "has an empty, '.' or '..' path component")


def _is_link(info):
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def check_archive(archive, filepath, max_total_size=None):
    """Checks an open zip archive's directory; returns its members by name.

    Args:
        archive: An open `zipfile.ZipFile`.
        filepath: The archive's path, for error messages.
        max_total_size: The largest total uncompressed size accepted;
            `MAX_TOTAL_SIZE` by default.

    Returns:
        A dict from member name to `zipfile.ZipInfo`.

    Raises:
        UnsafeArchiveError: If a member fails a check.
    """
    limit = MAX_TOTAL_SIZE if max_total_size is None else max_total_size
    members = {}
    total = 0
    for info in archive.infolist():
        name = info.filename
        _check_name(filepath, name)
        if name in members:
            _refuse(filepath, name, "appears twice in the archive")
        if _is_link(info):
            _refuse(filepath, name, "is a symbolic link")
        if info.flag_bits & 0x1:
            _refuse(filepath, name, "is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            _refuse(
                filepath,
                name,
                f"uses compression method {info.compress_type} (only stored "
                "and deflated members are read)",
            )
        if (
            info.file_size > _RATIO_FREE_SIZE
            and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            _refuse(
                filepath,
                name,
                f"declares {info.file_size} bytes but stores only "
                f"{info.compress_size} (more than {MAX_COMPRESSION_RATIO}x): "
                "a zip bomb",
            )
        total += info.file_size
        if total > limit:
            _refuse(
                filepath,
                name,
                f"brings the declared total size to {total} bytes, above the "
                f"limit of {limit} bytes",
            )
        members[name] = info
    return members


def read_member(archive, info, filepath, limit=None):
    """Reads a (checked) member into memory, at most `limit` bytes.

    Args:
        archive: The open `zipfile.ZipFile`.
        info: The member's `zipfile.ZipInfo`, from `check_archive`.
        filepath: The archive's path, for error messages.
        limit: The largest size accepted; `MAX_JSON_SIZE` by default.

    Raises:
        UnsafeArchiveError: If the member declares more than `limit` bytes.
    """
    limit = MAX_JSON_SIZE if limit is None else limit
    if info.file_size > limit:
        _refuse(
            filepath,
            info.filename,
            f"declares {info.file_size} bytes, above the {limit}-byte limit "
            "for this member",
        )
    with archive.open(info) as stream:
        # zipfile stops reading at the declared size and checks the CRC.
        return stream.read(info.file_size + 1)


def extract_member(archive, info, filepath, directory):
    """Copies a (checked) member into `directory`, which it cannot leave.

    Returns:
        The path of the extracted file.
    """
    root = os.path.realpath(directory)
    target = os.path.realpath(os.path.join(root, *info.filename.split("/")))
    if os.path.commonpath([root, target]) != root:
        _refuse(filepath, info.filename, "would be written outside the folder")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    written = 0
    with archive.open(info) as source, open(target, "xb") as destination:
        while chunk := source.read(_CHUNK_SIZE):
            written += len(chunk)
            if written > info.file_size:
                _refuse(filepath, info.filename, "holds more data than it declares")
            destination.write(chunk)
    return target
