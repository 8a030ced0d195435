"""The torch backend's `dense_projection`: one fused kernel where it can."""

import torch

from keras_core._src.backend.torch.numpy_api.products import matmul

__all__ = ["dense_projection"]


def dense_projection(x, kernel, bias=None):
    if bias is not None and x.is_floating_point():
        if x.ndim == 2:
            return torch.addmm(bias, x, kernel)
        # `linear` takes the kernel as (units, input_dim): `.T` is a view.
        return torch.nn.functional.linear(x, kernel.T, bias)
    outputs = matmul(x, kernel)
    return outputs if bias is None else outputs + bias
