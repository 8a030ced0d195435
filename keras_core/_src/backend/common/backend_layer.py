"""The hooks a backend may add to every Layer (none, by default).

`Layer` derives from the backend's `BackendLayer`. The PyTorch backend's
makes each layer a `torch.nn.Module` whose parameters are the layer's
variables; the other backends need nothing, so they use this class.
"""


class BackendLayer:
    """Layer hooks that do nothing: layers are plain Python objects."""

    def _backend_init(self):
        """Runs first in `Layer.__init__`, before any attribute is set."""

    def _backend_track_layer(self, layer):
        """Called when `layer` becomes a direct sub-layer."""

    def _backend_untrack_layer(self, layer):
        """Called when `layer` stops being a direct sub-layer."""

    def _backend_track_variable(self, variable):
        """Called when this layer creates or adopts `variable`."""

    def _backend_untrack_variable(self, variable):
        """Called when `variable` is removed from this layer."""

    def _backend_default_training(self):
        """The `training` value used when a call gives none (None: unknown)."""
        return None
