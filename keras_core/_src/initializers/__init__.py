"""`keras_core.initializers`: the weight initializers and their lookup.

The lowercase names (`glorot_uniform`, ...) and the `*Initializer` names
are the same classes as the CamelCase ones, as in Keras.
"""

import inspect

from keras_core._src.initializers.constant_initializers import Constant
from keras_core._src.initializers.constant_initializers import Ones
from keras_core._src.initializers.constant_initializers import Zeros
from keras_core._src.initializers.initializer import Initializer
from keras_core._src.initializers.random_initializers import GlorotNormal
from keras_core._src.initializers.random_initializers import GlorotUniform
from keras_core._src.initializers.random_initializers import HeNormal
from keras_core._src.initializers.random_initializers import HeUniform
from keras_core._src.initializers.random_initializers import LecunNormal
from keras_core._src.initializers.random_initializers import LecunUniform
from keras_core._src.initializers.random_initializers import RandomNormal
from keras_core._src.initializers.random_initializers import RandomUniform
from keras_core._src.initializers.random_initializers import TruncatedNormal
from keras_core._src.initializers.random_initializers import VarianceScaling
from keras_core._src.initializers.special_initializers import STFT
from keras_core._src.initializers.special_initializers import Identity
from keras_core._src.initializers.special_initializers import Orthogonal
from keras_core._src.saving import serialization_lib

IdentityInitializer = Identity
OrthogonalInitializer = Orthogonal
STFTInitializer = STFT
constant = Constant
glorot_normal = GlorotNormal
glorot_uniform = GlorotUniform
he_normal = HeNormal
he_uniform = HeUniform
identity = Identity
lecun_normal = LecunNormal
lecun_uniform = LecunUniform
ones = Ones
orthogonal = Orthogonal
random_normal = RandomNormal
random_uniform = RandomUniform
stft = STFT
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
zeros = Zeros

__all__ = [
    "STFT",
    "Constant",
    "GlorotNormal",
    "GlorotUniform",
    "HeNormal",
    "HeUniform",
    "Identity",
    "IdentityInitializer",
    "Initializer",
    "LecunNormal",
    "LecunUniform",
    "Ones",
    "Orthogonal",
    "OrthogonalInitializer",
    "RandomNormal",
    "RandomUniform",
    "STFTInitializer",
    "TruncatedNormal",
    "VarianceScaling",
    "Zeros",
    "constant",
    "deserialize",
    "get",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "identity",
    "lecun_normal",
    "lecun_uniform",
    "ones",
    "orthogonal",
    "random_normal",
    "random_uniform",
    "serialize",
    "stft",
    "truncated_normal",
    "variance_scaling",
    "zeros",
]

# Every public class, under each of its public names: what strings and
# module-less configs may name.
_PUBLIC_OBJECTS = {
    name: value
    for name, value in globals().items()
    if name in __all__ and inspect.isclass(value)
}
# Short names Keras accepts in strings (Embedding's default is "uniform").
_PUBLIC_OBJECTS.update(
    {
        "uniform": RandomUniform,
        "normal": RandomNormal,
        "truncated_normal": TruncatedNormal,
        "one": Ones,
        "zero": Zeros,
    }
)


def serialize(initializer):
    """Returns the config of an initializer, to be read back by `deserialize`.

    Args:
        initializer: An initializer (strings and None pass through).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras_core.initializers.serialize(keras_core.initializers.Zeros())
    {'module': 'keras.initializers', 'class_name': 'Zeros', 'config': {}, \
'registered_name': None}
    """
    return serialization_lib.serialize_keras_object(initializer)


def deserialize(config, custom_objects=None):
    """Builds an initializer from a config made by `serialize`, or a name.

    Args:
        config: A dict config, or a class name such as `"glorot_uniform"`
            or `"GlorotUniform"`.
        custom_objects: A dict of name -> class for custom initializers.

    Returns:
        An initializer.

    Example:

    >>> keras_core.initializers.deserialize("he_normal")
    <keras_core.initializers.HeNormal ...>
    """
    initializer = serialization_lib.deserialize_keras_object(
        config,
        custom_objects=custom_objects,
        module_objects=_PUBLIC_OBJECTS,
        printable_module_name="initializer",
    )
    return initializer() if inspect.isclass(initializer) else initializer


def get(identifier):
    """Returns an initializer from a name, config, class, instance or callable.

    Args:
        identifier: None (returned as is), a name (`"glorot_uniform"`,
            `"GlorotUniform"`), a config dict, an initializer class
            (instantiated with its defaults), or an initializer or other
            callable (returned as is).

    Returns:
        An initializer, a callable, or None.

    Example:

    >>> keras_core.initializers.get("zeros")((2,))
    array([0., 0.], dtype=float32)
    """
    if identifier is None:
        return None
    if isinstance(identifier, (dict, str)):
        return deserialize(identifier)
    if inspect.isclass(identifier):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(
        "Could not interpret initializer identifier: "
        f"{identifier!r} (of type {type(identifier).__name__}). Expected None, "
        "an initializer name such as 'glorot_uniform', a config dict, an "
        "initializer class or instance, or a callable."
    )
