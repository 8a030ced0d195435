"""`model_from_json`: a model from the JSON text `Model.to_json()` wrote."""

import json

from keras_core._src.api_export import keras_public
from keras_core._src.saving import serialization_lib


@keras_public("keras.models")
def model_from_json(json_string, custom_objects=None):
    """Rebuilds a model (untrained weights) from its JSON config.

    Only public keras_core classes, registered classes and those in
    `custom_objects` can be named by the config.

    Args:
        json_string: The text from `model.to_json()`.
        custom_objects: A dict of name -> class or function for custom
            objects the config names.

    Returns:
        A new model with freshly initialized weights.

    Example:

    >>> model = keras_core.Sequential([keras_core.Input((3,)),
    ...                                keras_core.layers.Dense(2)])
    >>> clone = keras_core.models.model_from_json(model.to_json())
    """
    try:
        config = json.loads(json_string)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"model_from_json: the text is not valid JSON ({error}). Pass the "
            "string returned by `model.to_json()`."
        ) from None
    return serialization_lib.deserialize_keras_object(
        config, custom_objects=custom_objects
    )
