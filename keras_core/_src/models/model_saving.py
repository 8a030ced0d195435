"""Model methods that write and read files: `save`, `save_weights`,
`load_weights`. The formats live in `keras_core/_src/saving/`."""


class ModelSavingMixin:
    """Saving methods of `Model` (see `keras_core/_src/saving/`)."""

    def save(self, filepath, overwrite=True, zipped=None, **kwargs):
        """Saves the model (config, weights, optimizer state) to a file.

        Writes a `.keras` zip archive in the Keras 3 layout (or, with a
        `.h5` path, a legacy HDF5 file). The file is written to a temporary
        name and renamed, so a failure leaves any previous file intact.

        Args:
            filepath: A path ending in `.keras` (or `.h5`); with
                `zipped=False`, a folder path.
            overwrite: Whether to replace an existing file without asking.
            zipped: Whether to write a zip archive (the default) or a
                folder of the same files.
            **kwargs: `include_optimizer` for legacy `.h5` files.

        Example:

        >>> model = keras_core.Sequential([keras_core.Input((3,)),
        ...                                keras_core.layers.Dense(2)])
        >>> model.save("model.keras")
        >>> restored = keras_core.saving.load_model("model.keras")
        """
        from keras_core._src.saving import saving_api

        saving_api.save_model(
            self, filepath, overwrite=overwrite, zipped=zipped, **kwargs
        )

    def save_weights(self, filepath, overwrite=True, max_shard_size=None):
        """Saves the weights (and optimizer state) to a `.weights.h5` file.

        Args:
            filepath: A path ending in `.weights.h5`.
            overwrite: Whether to replace an existing file without asking.
            max_shard_size: The largest file to write, in GiB; above it the
                weights are split into shards listed by a `.weights.json`.

        Example:

        >>> model.save_weights("model.weights.h5")
        >>> model.load_weights("model.weights.h5")
        """
        from keras_core._src.saving import saving_api

        saving_api.save_weights(
            self, filepath, overwrite=overwrite, max_shard_size=max_shard_size
        )

    def load_weights(self, filepath, skip_mismatch=False, **kwargs):
        """Loads weights saved by `save_weights` (or a `.keras` file).

        The model must be built. Each saved dataset's shape is checked
        against its variable before anything is read.

        Args:
            filepath: A `.weights.h5`, `.weights.json` (sharded), `.keras`
                or legacy `.h5` file.
            skip_mismatch: Whether layers whose saved weights do not fit
                are left as they are, with a warning, instead of raising.
            **kwargs: `by_name` for legacy `.h5` files.

        Example:

        >>> model.save_weights("model.weights.h5")
        >>> model.load_weights("model.weights.h5")
        """
        from keras_core._src.saving import saving_api

        saving_api.load_weights(self, filepath, skip_mismatch=skip_mismatch, **kwargs)
