"""On PyTorch every Layer is a `torch.nn.Module`.

A layer's own variables are its registered parameters (non-trainable ones
with `requires_grad=False`) and its sub-layers are its child modules, named
by layer name. So a keras_core model drops into PyTorch code:
`parameters()`, `named_parameters()`, `state_dict()`/`load_state_dict()`,
`.to(device)`, `torch.optim` and `train()`/`eval()` all work, and they act
on the very tensors the layer computes with (no copies to keep in sync).

Attributes stay ordinary Python attributes (`Layer.__setattr__` does the
tracking); this class only mirrors what is tracked into the `_modules` and
`_parameters` tables that PyTorch walks.
"""

import torch

from keras_core._src.backend.common.dtypes import standardize_dtype


def _unique_key(table, name):
    key, suffix = name, 1
    while key in table:
        key = f"{name}_{suffix}"
        suffix += 1
    return key


class TorchLayer(torch.nn.Module):
    """Makes a keras_core Layer a `torch.nn.Module`."""

    def _backend_init(self):
        torch.nn.Module.__init__(self)
        # None until `train()` or `eval()` is called: then it is the
        # `training` value for calls that do not pass one.
        object.__setattr__(self, "_torch_training_mode", None)

    def _backend_track_layer(self, layer):
        if any(child is layer for child in self._modules.values()):
            return
        self._modules[_unique_key(self._modules, layer.name)] = layer

    def _backend_untrack_layer(self, layer):
        for key, child in list(self._modules.items()):
            if child is layer:
                del self._modules[key]

    def _backend_track_variable(self, variable):
        value = variable._value
        if value is None or any(p is value for p in self._parameters.values()):
            return
        key = _unique_key(self._parameters, variable.name)
        self._parameters[key] = value
        self.__dict__.setdefault("_variables_by_parameter", {})[key] = variable

    def _backend_untrack_variable(self, variable):
        for key, parameter in list(self._parameters.items()):
            if parameter is variable._value:
                del self._parameters[key]
                self.__dict__.get("_variables_by_parameter", {}).pop(key, None)

    def __getattr__(self, name):
        try:
            return torch.nn.Module.__getattr__(self, name)
        except AttributeError:
            # A property that raised AttributeError lands here: run it again
            # so its own message (not PyTorch's generic one) is reported.
            attribute = getattr(type(self), name, None)
            if isinstance(attribute, property):
                attribute.fget(self)
            raise

    def _backend_default_training(self):
        return self._torch_training_mode

    def train(self, mode=True):
        """Sets the default `training` value of this layer and its sub-layers.

        As in PyTorch, `train()` makes calls without a `training` argument
        run in training mode (dropout active, batch statistics used) and
        `eval()` in inference mode. Keras calls that pass `training` are
        unaffected.
        """
        if not isinstance(mode, bool):
            raise ValueError(f"train(mode) expects a boolean. Received: {mode!r}")
        for module in self.modules():
            object.__setattr__(module, "training", mode)
            if isinstance(module, TorchLayer):
                object.__setattr__(module, "_torch_training_mode", mode)
        return self

    def forward(self, *args, **kwargs):
        # `Layer.__call__` comes first in the MRO, so PyTorch code calling
        # `module(x)` gets the full Keras call; `forward` is the same.
        return self.__call__(*args, **kwargs)

    def _apply(self, fn, recurse=True):
        result = super()._apply(fn, recurse)
        # `.to()`, `.double()`... may swap in new parameter tensors (or new
        # dtypes): point each variable at what PyTorch now holds.
        for key, variable in self.__dict__.get("_variables_by_parameter", {}).items():
            parameter = self._parameters.get(key)
            if parameter is not None:
                variable._value = parameter
                variable._dtype = standardize_dtype(parameter.dtype)
        return result
