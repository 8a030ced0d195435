"""`Muon`: momentum orthogonalized by Newton-Schulz (Jordan et al., 2024).

Muon is defined for matrices. Variables of any other rank, embeddings
(by default) and those matched by `exclude_layers` are updated with Adam
instead, as in Keras 3.
"""

import re

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.optimizers.optimizer import Optimizer

__all__ = ["Muon"]


@keras_public("keras.optimizers")
class Muon(Optimizer):
    """Muon: orthogonalized momentum steps for 2-D weights, Adam elsewhere.

    For a 2-D variable of shape `(m, n)`: `mu = momentum * mu + g`; the
    direction `d = g + momentum * mu` (Nesterov) or `d = mu` is replaced by
    an approximation of its nearest semi-orthogonal matrix (`ns_steps`
    Newton-Schulz iterations `X = a X + (b A + c A @ A) X` with
    `A = X @ X.T`, from `X = d / ||d||_F`), scaled by
    `sqrt(max(m, n)) * rms_rate` (when `rms_rate` is not None) and
    applied as `w -= learning_rate * update`.

    Other variables (rank other than 2, paths containing "embedding" when
    `exclude_embeddings`, paths matched by a regular expression of
    `exclude_layers`) take an Adam step with `adam_beta_1`, `adam_beta_2`,
    `epsilon` and learning rate `learning_rate * adam_lr_ratio`. Weight
    decay is `weight_decay` for Muon variables and `adam_weight_decay` for
    the others.

    Args:
        learning_rate: A float or a schedule.
        adam_beta_1: The decay of Adam's first moment.
        adam_beta_2: The decay of Adam's second moment.
        adam_weight_decay: The weight decay of the Adam variables.
        epsilon: Adam's stability constant.
        weight_decay: The weight decay of the Muon variables.
        exclude_layers: Regular expressions; variables whose path matches
            one (`re.search`) use Adam.
        exclude_embeddings: Whether variables whose path contains
            "embedding" (any case) use Adam.
        muon_a: The Newton-Schulz coefficient `a`.
        muon_b: The Newton-Schulz coefficient `b`.
        muon_c: The Newton-Schulz coefficient `c`.
        adam_lr_ratio: The Adam learning rate over the Muon one.
        momentum: The decay of Muon's momentum.
        ns_steps: The number of Newton-Schulz iterations.
        nesterov: Whether to use Nesterov momentum.
        rms_rate: The target root-mean-square of Muon's steps, relative to
            Adam's; None uses the orthogonalized step as it is.
        **kwargs: The other base `Optimizer` arguments.

    Example:

    >>> optimizer = keras_core.optimizers.Muon(
    ...     learning_rate=0.02, exclude_layers=["head"])
    """

    def __init__(
        self,
        learning_rate=0.001,
        adam_beta_1=0.9,
        adam_beta_2=0.999,
        adam_weight_decay=0.004,
        epsilon=1e-7,
        weight_decay=0.004,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        exclude_layers=None,
        exclude_embeddings=True,
        muon_a=3.4445,
        muon_b=-4.7750,
        muon_c=2.0315,
        adam_lr_ratio=1,
        momentum=0.95,
        ns_steps=5,
        nesterov=True,
        rms_rate=0.2,
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
        if isinstance(exclude_layers, str):
            raise TypeError(
                "Muon: `exclude_layers` must be a list of regular expressions, "
                f"not a string. Received: exclude_layers={exclude_layers!r}. "
                f"Pass [{exclude_layers!r}] instead."
            )
        self.adam_beta_1 = adam_beta_1
        self.adam_beta_2 = adam_beta_2
        self.epsilon = epsilon
        self.exclude_layers = list(exclude_layers or [])
        self.muon_a = muon_a
        self.muon_b = muon_b
        self.muon_c = muon_c
        self.adam_lr_ratio = adam_lr_ratio
        self.momentum = momentum
        self.ns_steps = ns_steps
        self.nesterov = nesterov
        self.exclude_embeddings = exclude_embeddings
        self.adam_weight_decay = adam_weight_decay
        self.rms_rate = rms_rate

    def _should_use_adamw(self, variable):
        if len(variable.shape) != 2:
            return True
        if self.exclude_embeddings and "embedding" in variable.path.lower():
            return True
        return any(re.search(pattern, variable.path) for pattern in self.exclude_layers)

    def build(self, variables):
        if self.built:
            return
        super().build(variables)
        self.momentums, self.adam_velocities = [], []
        for variable in variables:
            self.momentums.append(
                self.add_variable_from_reference(variable, name="momentum")
            )
            self.adam_velocities.append(
                self.add_variable_from_reference(variable, name="velocity")
                if self._should_use_adamw(variable)
                else None
            )

    def update_step(self, gradient, variable, learning_rate):
        if self._should_use_adamw(variable):
            self._adamw_update_step(
                gradient, variable, learning_rate * self.adam_lr_ratio
            )
        else:
            self._muon_update_step(gradient, variable, learning_rate)

    def _muon_update_step(self, gradient, variable, learning_rate):
        momentum = self.momentums[self._variable_index(variable)]
        new_momentum = self.momentum * momentum.value + gradient
        momentum.assign(new_momentum)
        direction = (
            gradient + self.momentum * new_momentum if self.nesterov else new_momentum
        )
        update = self.zeropower_via_newtonschulz5(direction, self.ns_steps)
        variable.assign(variable.value - self.lr_adjust(learning_rate * update))

    def _adamw_update_step(self, gradient, variable, learning_rate):
        index = self._variable_index(variable)
        dtype = variable.dtype
        step = ops.cast(self._applied_steps() + 1, dtype)
        beta_1 = ops.cast(self.adam_beta_1, dtype)
        beta_2 = ops.cast(self.adam_beta_2, dtype)
        alpha = (
            learning_rate
            * ops.sqrt(1 - ops.power(beta_2, step))
            / (1 - ops.power(beta_1, step))
        )
        m = self.momentums[index]
        v = self.adam_velocities[index]
        new_m = m.value + (gradient - m.value) * (1 - beta_1)
        new_v = v.value + (ops.square(gradient) - v.value) * (1 - beta_2)
        m.assign(new_m)
        v.assign(new_v)
        variable.assign(
            variable.value - alpha * new_m / (ops.sqrt(new_v) + self.epsilon)
        )

    def _apply_weight_decay(self, variables, learning_rate):
        for variable in variables:
            decay = (
                self.adam_weight_decay
                if self._should_use_adamw(variable)
                else self.weight_decay
            )
            if decay and self._decays(variable):
                rate = ops.cast(learning_rate, variable.dtype)
                variable.assign(variable.value - variable.value * decay * rate)

    def transpose_last_axis(self, x):
        """Swaps the last two axes of `x`.

        Example:

        >>> optimizer.transpose_last_axis(numpy.ones((2, 3))).shape
        (3, 2)
        """
        return ops.swapaxes(x, -1, -2)

    def lr_adjust(self, x):
        """Scales an orthogonalized step by `sqrt(max(m, n)) * rms_rate`.

        Args:
            x: A step of shape `(m, n)`.

        Returns:
            The scaled step (`x` itself when `rms_rate` is None).

        Example:

        >>> optimizer.lr_adjust(numpy.ones((4, 2))).shape
        (4, 2)
        """
        if self.rms_rate is None:
            return x
        return x * (max(x.shape[-2], x.shape[-1]) ** 0.5 * self.rms_rate)

    def zeropower_via_newtonschulz5(self, x, steps):
        """Approximates the semi-orthogonal matrix nearest to `x`.

        Runs `steps` quintic Newton-Schulz iterations with the
        coefficients `muon_a`, `muon_b`, `muon_c`, on the wide orientation
        of `x` (so that the Gram matrix is the smaller one).

        Args:
            x: A tensor of rank >= 2 (matrices in its last two axes).
            steps: The number of iterations.

        Returns:
            A tensor shaped like `x` whose singular values are near 1.

        Example:

        >>> q = optimizer.zeropower_via_newtonschulz5(numpy.eye(2) * 3.0, 5)
        """
        tall = x.shape[-2] > x.shape[-1]
        if tall:
            x = self.transpose_last_axis(x)
        x = x / (ops.norm(x, axis=(-2, -1), keepdims=True) + 1e-7)
        for _ in range(steps):
            gram = ops.matmul(x, self.transpose_last_axis(x))
            polynomial = self.muon_b * gram + self.muon_c * ops.matmul(gram, gram)
            x = self.muon_a * x + ops.matmul(polynomial, x)
        if tall:
            x = self.transpose_last_axis(x)
        return x

    def get_config(self):
        return {
            **super().get_config(),
            "adam_beta_1": self.adam_beta_1,
            "adam_beta_2": self.adam_beta_2,
            "epsilon": self.epsilon,
            "exclude_layers": self.exclude_layers,
            "muon_a": self.muon_a,
            "muon_b": self.muon_b,
            "muon_c": self.muon_c,
            "adam_lr_ratio": self.adam_lr_ratio,
            "momentum": self.momentum,
            "ns_steps": self.ns_steps,
            "nesterov": self.nesterov,
            "exclude_embeddings": self.exclude_embeddings,
            "adam_weight_decay": self.adam_weight_decay,
            "rms_rate": self.rms_rate,
        }
