"""rearrange on NumPy arrays."""

import numpy as np


def rearrange(tensor, pattern, **axes_lengths):
    # Lazy: the plans module sits above the backend layer.
    from keras_core._src.ops.core._plans import rearrange_plan

    split, permutation, output = rearrange_plan(tensor.shape, pattern, axes_lengths)
    return np.reshape(np.transpose(np.reshape(tensor, split), permutation), output)
