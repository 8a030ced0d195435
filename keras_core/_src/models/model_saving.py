"""Model methods that write and read files: `save`, `save_weights`,
`load_weights`. The formats live in `keras_core/_src/saving/`."""


class ModelSavingMixin:
    """Saving methods of `Model` (see `keras_core/_src/saving/`)."""
