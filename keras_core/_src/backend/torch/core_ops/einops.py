"""rearrange on torch tensors."""

import torch

from keras_core._src.backend.common.einops_plans import rearrange_plan


def rearrange(tensor, pattern, **axes_lengths):
    split, permutation, output = rearrange_plan(
        tuple(tensor.shape), pattern, axes_lengths
    )
    return torch.reshape(
        torch.permute(torch.reshape(tensor, split), permutation), output
    )
