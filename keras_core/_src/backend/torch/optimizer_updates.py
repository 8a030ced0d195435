"""Fused multi-tensor optimizer updates for eager PyTorch.

`torch._foreach_*` kernels update every parameter of a step in a few
launches instead of a dozen small ops per parameter; this is what makes a
keras_core Adam step cost what `torch.optim.Adam` costs. The optimizer
uses these only in eager mode outside stateless scopes (where values must
not be written in place), on the tensors its Variables hold.
"""

import math

import torch


def adam_update(
    params,
    grads,
    momentums,
    velocities,
    velocity_hats,
    *,
    learning_rate,
    beta_1,
    beta_2,
    epsilon,
    step,
):
    """One Adam step, in place, over lists of same-device float tensors.

    `learning_rate` and `step` (1-based) may be Python numbers or scalar
    tensors.
    """
    learning_rate, step = float(learning_rate), int(step)
    with torch.no_grad():
        torch._foreach_lerp_(momentums, grads, 1.0 - beta_1)
        torch._foreach_mul_(velocities, beta_2)
        torch._foreach_addcmul_(velocities, grads, grads, value=1.0 - beta_2)
        second = velocities
        if velocity_hats is not None:
            torch._foreach_maximum_(velocity_hats, velocities)
            second = velocity_hats
        alpha = learning_rate * math.sqrt(1.0 - beta_2**step) / (1.0 - beta_1**step)
        denominators = torch._foreach_sqrt(second)
        torch._foreach_add_(denominators, epsilon)
        torch._foreach_addcdiv_(params, momentums, denominators, value=-alpha)
