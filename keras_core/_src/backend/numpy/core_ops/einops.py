"""rearrange on NumPy arrays."""

import numpy as np

from keras_core._src.backend.common.einops_plans import rearrange_plan


def rearrange(tensor, pattern, **axes_lengths):
    split, permutation, output = rearrange_plan(tensor.shape, pattern, axes_lengths)
    return np.reshape(np.transpose(np.reshape(tensor, split), permutation), output)
