"""`AdamW`: Adam with decoupled weight decay (Loshchilov and Hutter, 2017)."""

from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.adam import Adam

__all__ = ["AdamW"]


@keras_public("keras.optimizers")
class AdamW(Adam):
    """Adam whose weights also shrink by `learning_rate * weight_decay` a step.

    Each step first scales the weights by `1 - learning_rate *
    weight_decay` (decoupled from the gradient), then takes an Adam step.

    Args:
        learning_rate: A float or a schedule.
        weight_decay: The decay rate (required; 0.004 by default).
        beta_1: The decay of the first-moment average.
        beta_2: The decay of the second-moment average.
        epsilon: A small constant for numerical stability.
        amsgrad: Whether to use the AMSGrad variant.
        clipnorm: Clips each gradient to this norm.
        clipvalue: Clips each gradient element to `[-clipvalue, clipvalue]`.
        global_clipnorm: Clips all gradients together to this global norm.
        use_ema: Whether to keep a moving average of the weights.
        ema_momentum: The momentum of that average.
        ema_overwrite_frequency: Every this many steps, the weights are
            overwritten with their average.
        loss_scale_factor: A factor the loss is multiplied by and the
            gradients divided by.
        gradient_accumulation_steps: Applies an update every this many
            steps, with the mean of the gradients seen since the last one.
        name: The optimizer's name, unique by default.
        **kwargs: Nothing else is accepted.

    Example:

    >>> optimizer = keras_core.optimizers.AdamW(learning_rate=1e-3)
    >>> optimizer.get_config()["weight_decay"]
    0.004
    """

    def __init__(
        self,
        learning_rate=0.001,
        weight_decay=0.004,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
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
        if not isinstance(weight_decay, (int, float)) or isinstance(weight_decay, bool):
            raise ValueError(
                "AdamW: argument `weight_decay` must be a float (use Adam for "
                f"no weight decay). Received: weight_decay={weight_decay!r}"
            )
        super().__init__(
            learning_rate=learning_rate,
            beta_1=beta_1,
            beta_2=beta_2,
            epsilon=epsilon,
            amsgrad=amsgrad,
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
