"""rearrange on torch tensors."""

import torch


def rearrange(tensor, pattern, **axes_lengths):
    # Lazy: the plans module sits above the backend layer.
    from keras_core._src.ops.core._plans import rearrange_plan

    split, permutation, output = rearrange_plan(
        tuple(tensor.shape), pattern, axes_lengths
    )
    return torch.reshape(
        torch.permute(torch.reshape(tensor, split), permutation), output
    )
