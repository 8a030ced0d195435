"""`PReLU`: a leaky ReLU whose negative slopes are learned weights."""

from keras_core import ops
from keras_core._src import constraints
from keras_core._src import initializers
from keras_core._src import regularizers
from keras_core._src.api_export import keras_public
from keras_core._src.layers.input_spec import InputSpec
from keras_core._src.layers.layer import Layer

__all__ = ["PReLU"]


@keras_public("keras.layers")
class PReLU(Layer):
    """Parametric rectified linear unit: `x` for `x >= 0`, `alpha * x` below.

    `alpha` is a trainable weight of the input's shape without the batch
    axis, or of size 1 along each of `shared_axes` (so that, say, every
    position of a feature map shares one slope per channel).

    Args:
        alpha_initializer: Initializer of `alpha` (zeros, the plain ReLU,
            by default).
        alpha_regularizer: Regularizer applied to `alpha`.
        alpha_constraint: Constraint applied to `alpha`.
        shared_axes: An int or list of ints: the input axes (batch is 0)
            along which `alpha` is shared. For inputs `(batch, height,
            width, channels)`, `shared_axes=[1, 2]` learns one slope per
            channel.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras_core.layers.PReLU(alpha_initializer="ones",
    ...                                 shared_axes=[1])
    >>> numpy.asarray(layer(numpy.array([[[-2.0, 3.0]]]))).tolist()
    [[[-2.0, 3.0]]]
    >>> [tuple(w.shape) for w in layer.weights]
    [(1, 2)]
    """

    def __init__(
        self,
        alpha_initializer="Zeros",
        alpha_regularizer=None,
        alpha_constraint=None,
        shared_axes=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        if shared_axes is None:
            self.shared_axes = None
        elif isinstance(shared_axes, (list, tuple)):
            self.shared_axes = list(shared_axes)
        else:
            self.shared_axes = [shared_axes]

    def build(self, input_shape):
        rank = len(input_shape)
        shared = set()
        for axis in self.shared_axes or ():
            valid = isinstance(axis, int) and not isinstance(axis, bool)
            if not valid or not 1 <= axis < rank:
                raise ValueError(
                    f"Layer '{self.name}' (PReLU): every entry of `shared_axes` "
                    f"must be an input axis between 1 and {rank - 1} (axis 0 is "
                    f"the batch). Received: shared_axes={self.shared_axes} for "
                    f"input shape {tuple(input_shape)}."
                )
            shared.add(axis)
        param_shape = [
            1 if axis in shared else input_shape[axis] for axis in range(1, rank)
        ]
        if None in param_shape:
            raise ValueError(
                f"Layer '{self.name}' (PReLU): `alpha` needs a known size along "
                f"every non-batch axis that is not shared, but the input shape "
                f"is {tuple(input_shape)}. Give those axes a size, or list "
                "them in `shared_axes`."
            )
        self.alpha = self.add_weight(
            shape=param_shape,
            name="alpha",
            initializer=self.alpha_initializer,
            regularizer=self.alpha_regularizer,
            constraint=self.alpha_constraint,
        )
        self.input_spec = InputSpec(
            ndim=rank,
            axes={
                axis: input_shape[axis] for axis in range(1, rank) if axis not in shared
            },
        )

    def call(self, inputs):
        negative = ops.multiply(self.alpha, ops.relu(ops.negative(inputs)))
        return ops.subtract(ops.relu(inputs), negative)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "alpha_constraint": constraints.serialize(self.alpha_constraint),
            "shared_axes": self.shared_axes,
        }
