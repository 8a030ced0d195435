"""Private implementation of keras_core; the public API re-exports from here."""
