"""Fused optimizer updates for TensorFlow steps.

`ResourceApplyAdam` updates a variable and both its moments in one kernel
where the generic update rule is about forty graph ops per variable; on
CPU each graph op costs microseconds of executor time, which made a small
model's step about 30% slower than a hand-written TensorFlow loop. Works
eagerly and inside `tf.function` (the step and learning rate may be
tensors).
"""

import tensorflow as tf


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
    """One Adam step on lists of same-dtype `tf.Variable`s.

    Args:
        params: The variables to update.
        grads: One gradient per variable (dense or `tf.IndexedSlices`).
        momentums: The first-moment slots.
        velocities: The second-moment slots.
        velocity_hats: The AMSGrad maxima, or None without AMSGrad.
        learning_rate: A float or scalar tensor.
        beta_1: The first-moment decay (float).
        beta_2: The second-moment decay (float).
        epsilon: The denominator's constant (float).
        step: The 1-based step number (int or scalar tensor).
    """
    dtype = params[0].dtype
    step = tf.cast(step, dtype)
    beta_1 = tf.constant(beta_1, dtype)
    beta_2 = tf.constant(beta_2, dtype)
    common = {
        "beta1_power": tf.pow(beta_1, step),
        "beta2_power": tf.pow(beta_2, step),
        "lr": tf.cast(learning_rate, dtype),
        "beta1": beta_1,
        "beta2": beta_2,
        "epsilon": tf.constant(epsilon, dtype),
    }
    for index, (param, grad) in enumerate(zip(params, grads, strict=True)):
        # Embedding gradients arrive as IndexedSlices; the kernel is dense.
        grad = tf.convert_to_tensor(grad)
        slots = {"var": param.handle, "m": momentums[index].handle}
        slots["v"] = velocities[index].handle
        if velocity_hats is None:
            tf.raw_ops.ResourceApplyAdam(grad=grad, **slots, **common)
        else:
            tf.raw_ops.ResourceApplyAdamWithAmsgrad(
                grad=grad, vhat=velocity_hats[index].handle, **slots, **common
            )
