"""Writing checkpoint files so that a crash never leaves a broken one.

A checkpoint is written under a temporary name in the same folder, then
renamed over the target: a rename within a folder is atomic, so the
target is always either the previous good file or the new complete one.
"""

import os
import uuid


def write_atomically(path, write):
    """Calls `write(temporary_path)`, then renames the result to `path`.

    The temporary name keeps the file's suffix (`.keras`, `.weights.h5`),
    which the savers read to pick the format. On any error the temporary
    file is removed and the error raised; `path` is left untouched.

    Args:
        path: The final path.
        write: A function writing a file at the path it is given.
    """
    folder, name = os.path.split(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".tmp-{uuid.uuid4().hex}-{name}")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def write_text_atomically(path, text):
    """Writes `text` to `path` atomically (see `write_atomically`)."""

    def write(temporary):
        with open(temporary, "w") as file:
            file.write(text)

    write_atomically(path, write)
