"""Imports TensorFlow without letting it import Keras or write files.

`import tensorflow` eagerly imports the installed `keras` package (for
`tf.keras`), which costs over a second, and its internal legacy Keras writes
`$KERAS_HOME/keras.json`. keras_core needs neither, and importing keras_core
must not write files. So, only while TensorFlow imports:

- a finder hands out specs for `keras` whose loader refuses to run, which
  TensorFlow's own `except ImportError` tolerates (`tf.keras` still loads
  lazily on first use later, because the finder is then gone);
- `KERAS_HOME` points at a throwaway folder, so the legacy Keras settings
  file is written there and deleted, and the environment is then restored.
"""

import importlib.abc
import importlib.machinery
import os
import sys
import tempfile


class _RefuseLoader(importlib.abc.Loader):
    def create_module(self, spec):
        raise ImportError(
            f"{spec.name} is not imported while keras_core loads TensorFlow"
        )

    def exec_module(self, module):
        raise ImportError(f"{module.__name__} is not imported here")


class _DeferKerasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] != "keras":
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None:
            return None
        # Keep the real origin: TensorFlow reads it to locate Keras's folder.
        return importlib.machinery.ModuleSpec(
            fullname, _RefuseLoader(), origin=real.origin
        )


def _import_tensorflow():
    """Returns the `tensorflow` module, importing it without Keras if needed."""
    if "tensorflow" in sys.modules or "keras" in sys.modules:
        import tensorflow

        return tensorflow
    finder = _DeferKerasFinder()
    saved_home = os.environ.get("KERAS_HOME")
    with tempfile.TemporaryDirectory(prefix="keras_core_tf_import_") as scratch:
        os.environ["KERAS_HOME"] = scratch
        sys.meta_path.insert(0, finder)
        try:
            import tensorflow
        finally:
            sys.meta_path.remove(finder)
            if saved_home is None:
                del os.environ["KERAS_HOME"]
            else:
                os.environ["KERAS_HOME"] = saved_home
    return tensorflow


tf = _import_tensorflow()
