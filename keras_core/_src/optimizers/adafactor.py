"""`Adafactor`: adaptive steps with factored second moments (Shazeer and
Stern, 2018)."""

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common.scopes import name_scope
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Adafactor"]


@keras_public("keras.optimizers")
class Adafactor(Optimizer):
    """Adafactor: Adam-like steps with sublinear memory.

    For a variable of rank >= 2, the second-moment estimate is not stored
    whole but as its means over the last axis (`r`) and over the
    second-to-last axis (`c`), and rebuilt as
    `v = r[..., None] * c[..., None, :] / mean(r)`; rank-0 and rank-1
    variables keep a full `v`. At step `t` (from 1), with
    `beta = 1 - t**beta_2_decay`, the moments average `g**2 + epsilon_1`;
    the step `u = g / sqrt(v)` is divided by `max(1, rms(u) /
    clip_threshold)` and applied as
    `w -= max(epsilon_2, rms(w)) * min(learning_rate, 1 / sqrt(t)) * u`.

    Args:
        learning_rate: A float or a schedule.
        beta_2_decay: The exponent (< 0) of the second-moment decay.
        epsilon_1: Added to the squared gradients.
        epsilon_2: The smallest weight scale the step is relative to.
        clip_threshold: The largest root-mean-square of a step.
        relative_step: Recorded in the config. As in Keras 3, the step
            size is always `min(learning_rate, 1 / sqrt(t))` whatever its
            value.
        **kwargs: The base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Adafactor(learning_rate=1e-2)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_2_decay=-0.8,
        epsilon_1=1e-30,
        epsilon_2=1e-3,
        clip_threshold=1.0,
        relative_step=True,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.beta_2_decay = beta_2_decay
        self.epsilon_1 = epsilon_1
        self.epsilon_2 = epsilon_2
        self.clip_threshold = clip_threshold
        self.relative_step = relative_step

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self._r, self._c, self._v = [], [], []
        for variable in variables:
            if len(variable.shape) < 2:
                # Unfactored variables get int32 placeholder scalars, so the
                # saved state has the same entries as Keras 3's.
                with name_scope(self.name, caller=self):
                    self._r.append(self._make_variable(0, "int32", variable.name))
                    self._c.append(self._make_variable(0, "int32", variable.name))
            else:
                shape = tuple(variable.shape)
                self._r.append(
                    self.add_variable(
                        shape[:-1], dtype=variable.dtype, name=variable.name
                    )
                )
                self._c.append(
                    self.add_variable(
                        shape[:-2] + shape[-1:],
                        dtype=variable.dtype,
                        name=variable.name,
                    )
                )
            self._v.append(self.add_variable_from_reference(variable, name="velocity"))

    def update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        weights = variable.value
        weight_scale = ops.maximum(
            ops.sqrt(ops.mean(ops.square(weights))), self.epsilon_2
        )
        step_size = ops.minimum(learning_rate, 1.0 / ops.sqrt(step))
        alpha = ops.maximum(self.epsilon_2, weight_scale) * step_size
        squared = ops.square(gradient) + self.epsilon_1
        beta = 1.0 - ops.power(step, ops.cast(self.beta_2_decay, dtype))
        v = self._v[index]
        if len(variable.shape) >= 2:
            r = self._r[index]
            c = self._c[index]
            new_r = beta * r.value + (1.0 - beta) * ops.mean(squared, axis=-1)
            new_c = beta * c.value + (1.0 - beta) * ops.mean(squared, axis=-2)
            r.assign(new_r)
            c.assign(new_c)
            row_share = new_r / ops.mean(new_r, axis=-1, keepdims=True)
            new_v = ops.expand_dims(row_share, -1) * ops.expand_dims(new_c, -2)
        else:
            new_v = beta * v.value + (1.0 - beta) * squared
        v.assign(new_v)
        update = gradient / ops.sqrt(new_v)
        update_rms = ops.sqrt(ops.mean(ops.square(update)))
        update = update / ops.maximum(1.0, update_rms / self.clip_threshold)
        variable.assign(weights - alpha * update)

    def get_config(self):
        return {
            **super().get_config(),
            "beta_2_decay": self.beta_2_decay,
            "epsilon_1": self.epsilon_1,
            "epsilon_2": self.epsilon_2,
            "clip_threshold": self.clip_threshold,
            "relative_step": self.relative_step,
        }
