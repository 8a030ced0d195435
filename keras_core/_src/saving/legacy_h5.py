"""Legacy `.h5` model and weights files, as Keras 2 and Keras 3 write them.

A legacy model file keeps the model config (JSON) in the root attribute
`model_config`, the compile arguments in `training_config`, the weights
under `model_weights/<layer name>/` (the group attribute `weight_names`
lists them in order) and the optimizer state under `optimizer_weights/`.
A legacy weights file has the layer groups at its root. Layers are matched
by name.

Configs of Keras 2 name classes without modules, write InputLayer shapes as
`batch_input_shape` and functional inbound nodes as nested lists; they are
brought to the Keras 3 form, then rebuilt through the same allow-list as
`.keras` files. The HDF5 file gets the same checks as `.weights.h5` files.

This module also holds `keras_core.legacy.saving`'s Keras 2 style
`serialize_keras_object` / `deserialize_keras_object`.
"""

import inspect
import json
import warnings

import h5py
import numpy as np

from keras_core._src import api_export
from keras_core._src import backend
from keras_core._src.saving import h5_store
from keras_core._src.saving import object_registration
from keras_core._src.saving import saving_lib

# Where Keras 2 configs' module-less class names are looked up, in order.
_LEGACY_MODULES = (
    "keras.layers",
    "keras",
    "keras.models",
    "keras.initializers",
    "keras.regularizers",
    "keras.constraints",
    "keras.optimizers",
    "keras.optimizers.schedules",
    "keras.losses",
    "keras.metrics",
    "keras.activations",
    "keras.dtype_policies",
)
_RENAMED_CLASSES = {"Policy": "DTypePolicy", "Model": "Functional"}
_LEGACY_LAMBDA_KEYS = ("function", "output_shape", "mask")
_MAX_CONFIG_SIZE = 256 << 20


def _decode(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


# Keras 2 configs to Keras 3 configs.


def _public_module(class_name):
    for module in _LEGACY_MODULES:
        if api_export.public_object(module, class_name) is not None:
            return module
    return None


def _keras_tensor(history):
    name, node_index, tensor_index = history[:3]
    return {
        "class_name": "__keras_tensor__",
        "config": {"keras_history": [name, node_index, tensor_index]},
    }


def _modern_nodes(nodes):
    """Keras 2 inbound nodes (`[[[name, node, tensor, kwargs], ...]]`) to Keras 3's."""
    converted = []
    for node in nodes:
        if isinstance(node, dict):
            converted.append(node)
            continue
        tensors = [_keras_tensor(entry) for entry in node]
        kwargs = node[0][3] if node and len(node[0]) > 3 else {}
        args = [tensors[0]] if len(tensors) == 1 else [tensors]
        converted.append({"args": args, "kwargs": modernize_config(kwargs or {})})
    return converted


def _modern_lambda(config):
    """A Keras 2 Lambda's `[code, defaults, closure]` to a `__lambda__` record."""
    config = dict(config)
    for key in _LEGACY_LAMBDA_KEYS:
        kind = config.pop(f"{key}_type", None)
        config.pop(f"{key}_module", None)
        value = config.get(key)
        if kind == "lambda" and isinstance(value, list) and len(value) == 3:
            config[key] = {
                "class_name": "__lambda__",
                "config": {"code": value[0], "defaults": value[1], "closure": value[2]},
            }
    config.pop("module", None)
    return config


def _modern_layer_config(class_name, config):
    config = dict(config)
    if class_name == "InputLayer" and "batch_input_shape" in config:
        config["batch_shape"] = config.pop("batch_input_shape")
    if class_name == "Lambda":
        config = _modern_lambda(config)
    if class_name == "Sequential" and isinstance(config.get("layers"), list):
        config["layers"] = _modern_sequential_layers(config["layers"])
    for key in ("input_layers", "output_layers"):
        # Keras 2 wrote one endpoint as a list of one, and called such a
        # model with (and returned) a single tensor.
        endpoints = config.get(key)
        single = isinstance(endpoints, list) and len(endpoints) == 1
        if single and isinstance(endpoints[0], list):
            config[key] = endpoints[0]
    return config


def _modern_sequential_layers(layers):
    """Moves a first layer's `batch_input_shape` into an InputLayer."""
    layers = [dict(layer) for layer in layers]
    first = layers[0] if layers else None
    if first is not None and first.get("class_name") != "InputLayer":
        inner = dict(first.get("config", {}))
        shape = inner.pop("batch_input_shape", None)
        first["config"] = inner
        if shape is not None:
            input_config = {"batch_shape": shape, "dtype": inner.get("dtype")}
            if not isinstance(input_config["dtype"], str):
                input_config.pop("dtype")
            layers.insert(0, {"class_name": "InputLayer", "config": input_config})
    for layer in layers[1:]:
        if isinstance(layer.get("config"), dict):
            layer["config"] = {
                key: value
                for key, value in layer["config"].items()
                if key != "batch_input_shape"
            }
    return layers


def modernize_config(config):
    """Brings a (Keras 2 or legacy Keras 3) config to the Keras 3 form.

    Records missing a module get the module of the public class of that
    name (an allow-list lookup: nothing is imported); other names are left
    to registered objects and `custom_objects`.
    """
    if isinstance(config, list):
        return [modernize_config(item) for item in config]
    if not isinstance(config, dict):
        return config
    if "class_name" not in config or "config" not in config:
        return {key: modernize_config(value) for key, value in config.items()}
    record = dict(config)
    class_name = record["class_name"]
    if not isinstance(class_name, str) or class_name.startswith("__"):
        return record
    class_name = _RENAMED_CLASSES.get(class_name, class_name)
    record["class_name"] = class_name
    if "module" not in record:
        if ">" in class_name:
            record["registered_name"] = class_name
        record["module"] = _public_module(class_name)
    inner = record["config"]
    if isinstance(inner, dict):
        inner = _modern_layer_config(class_name, inner)
        record["config"] = {
            key: modernize_config(value) for key, value in inner.items()
        }
    if isinstance(record.get("inbound_nodes"), list):
        record["inbound_nodes"] = _modern_nodes(record["inbound_nodes"])
    return record


# Writing.


def _legacy_record(record):
    """A Keras 3 record in Keras's legacy form: no module, registered name."""
    if isinstance(record, list):
        return [_legacy_record(item) for item in record]
    if not isinstance(record, dict) or "class_name" not in record:
        return record
    legacy = {
        "class_name": record.get("registered_name") or record["class_name"],
        "config": record["config"],
    }
    for key in ("name", "inbound_nodes"):
        if key in record:
            legacy[key] = record[key]
    inner = record["config"]
    if isinstance(inner, dict) and isinstance(inner.get("layers"), list):
        legacy["config"] = dict(inner, layers=_legacy_record(inner["layers"]))
    return legacy


def _unique_names(variables):
    names, seen = [], set()
    for variable in variables:
        name = variable.path
        suffix = 1
        while name in seen:
            name = f"{variable.path}_{suffix}"
            suffix += 1
        seen.add(name)
        names.append(name)
    return names


def _write_weights_group(group, variables):
    names = _unique_names(variables)
    group.attrs["weight_names"] = np.array(names, dtype=object) if names else []
    for name, variable in zip(names, variables, strict=True):
        array, dtype_name = h5_store.encode(variable.numpy())
        dataset = group.create_dataset(name, data=array)
        if dtype_name is not None:
            dataset.attrs["dtype"] = dtype_name


def _write_model_weights(group, model):
    layers = list(getattr(model, "layers", []))
    group.attrs["backend"] = backend.backend()
    group.attrs["keras_version"] = saving_lib.KERAS_FORMAT_VERSION
    group.attrs["layer_names"] = np.array(
        [layer.name for layer in layers], dtype=object
    )
    for layer in layers:
        _write_weights_group(group.create_group(layer.name), layer.weights)
    layer_ids = {id(v) for layer in layers for v in layer.weights}
    own = [v for v in model.weights if id(v) not in layer_ids]
    _write_weights_group(group.create_group("top_level_model_weights"), own)


def save_model_to_hdf5(model, filepath, include_optimizer=True):
    """Writes `model` to a legacy `.h5` file (config, weights, optimizer)."""
    from keras_core._src.saving import serialization_lib

    config = _legacy_record(serialization_lib.serialize_keras_object(model))
    config.pop("compile_config", None)
    model_config = json.dumps(config, default=saving_lib.json_default)
    training_config = None
    optimizer = getattr(model, "optimizer", None)
    if getattr(model, "compiled", False) and hasattr(model, "get_compile_config"):
        compile_config = dict(model.get_compile_config() or {})
        optimizer_record = compile_config.pop("optimizer", None)
        if optimizer_record is not None:
            compile_config["optimizer_config"] = _legacy_record(optimizer_record)
        training_config = json.dumps(compile_config, default=saving_lib.json_default)
    with (
        saving_lib.atomic_paths(filepath) as (temporary,),
        h5py.File(temporary, "w") as h5_file,
    ):
        h5_file.attrs["backend"] = backend.backend()
        h5_file.attrs["keras_version"] = saving_lib.KERAS_FORMAT_VERSION
        h5_file.attrs["model_config"] = model_config
        if training_config is not None:
            h5_file.attrs["training_config"] = training_config
        _write_model_weights(h5_file.create_group("model_weights"), model)
        if include_optimizer and optimizer is not None and optimizer.built:
            _write_weights_group(
                h5_file.create_group("optimizer_weights"), optimizer.variables
            )


# Reading.


def _weight_datasets(group, where, filepath):
    names = [_decode(name) for name in group.attrs.get("weight_names", [])]
    datasets = []
    for name in names:
        dataset = group.get(name)
        if not isinstance(dataset, h5py.Dataset):
            raise ValueError(
                f"'{filepath}': weight {name!r} listed for {where} is missing. "
                "The file is corrupted."
            )
        datasets.append(dataset)
    return datasets


def _fitting_order(variables, datasets):
    """`variables` in the order whose shapes match `datasets`, or None.

    Keras 2 listed a layer's trainable weights before its non-trainable
    ones; keras_core lists them as they were created.
    """
    trainable = [v for v in variables if v.trainable]
    orders = [variables, trainable + [v for v in variables if not v.trainable]]
    for order in orders:
        if len(order) == len(datasets) and all(
            tuple(v.shape) == tuple(d.shape)
            for v, d in zip(order, datasets, strict=True)
        ):
            return order
    return None


def _assign_layer(layer, group, filepath):
    datasets = _weight_datasets(group, f"layer '{layer.name}'", filepath)
    order = _fitting_order(list(layer.weights), datasets)
    if order is None:
        raise ValueError(
            f"Layer '{layer.name}' has weights of shapes "
            f"{[tuple(v.shape) for v in layer.weights]}, but '{filepath}' holds "
            f"{[tuple(d.shape) for d in datasets]} for it. Build the same "
            "architecture, or pass `skip_mismatch=True`."
        )
    for variable, dataset in zip(order, datasets, strict=True):
        variable.assign(h5_store.read_dataset(dataset))


def _load_weights_group(model, group, filepath, skip_mismatch):
    failures = []
    for layer in getattr(model, "layers", []):
        if not layer.weights:
            continue
        layer_group = group.get(layer.name)
        if not isinstance(layer_group, h5py.Group):
            failures.append(
                f"Layer '{layer.name}' has weights but '{filepath}' holds none "
                "for a layer of that name."
            )
            continue
        try:
            _assign_layer(layer, layer_group, filepath)
        except ValueError as error:
            failures.append(str(error))
    if failures:
        message = (
            f"Could not load the weights of {len(failures)} layers:\n"
            + "\n".join(failures)
        )
        if not skip_mismatch:
            raise ValueError(message)
        warnings.warn(message, stacklevel=3)


def load_weights_from_hdf5(model, filepath, skip_mismatch=False):
    """Loads a legacy `.h5` weights (or model) file into `model`, by layer name."""
    with h5_store.open_checked(filepath) as h5_file:
        group = h5_file.get("model_weights", h5_file)
        _load_weights_group(model, group, filepath, skip_mismatch)


def _config_attribute(h5_file, key, filepath):
    value = _decode(h5_file.attrs.get(key))
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > _MAX_CONFIG_SIZE:
        raise ValueError(f"'{filepath}': attribute {key!r} is not a JSON string.")
    try:
        return json.loads(value)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"'{filepath}': attribute {key!r} is not valid JSON ({error})."
        ) from None


def _compile_from_training_config(model, training_config, custom_objects):
    from keras_core._src.saving import serialization_lib

    config = modernize_config(dict(training_config))
    optimizer = config.pop("optimizer_config", None)
    arguments = {
        key: config[key]
        for key in ("loss", "loss_weights", "metrics", "weighted_metrics")
        if key in config
    }
    arguments = serialization_lib.deserialize_keras_object(
        arguments, custom_objects=custom_objects
    )
    if optimizer is not None:
        arguments["optimizer"] = serialization_lib.deserialize_keras_object(
            optimizer, custom_objects=custom_objects
        )
    model.compile(**arguments)


def _load_optimizer_weights(model, h5_file, filepath):
    optimizer = getattr(model, "optimizer", None)
    group = h5_file.get("optimizer_weights")
    if optimizer is None or not isinstance(group, h5py.Group):
        return
    datasets = _weight_datasets(group, "the optimizer", filepath)
    if not optimizer.built:
        optimizer.build(model.trainable_variables)
    variables = optimizer.variables
    if len(variables) != len(datasets) or any(
        tuple(v.shape) != tuple(d.shape)
        for v, d in zip(variables, datasets, strict=True)
    ):
        warnings.warn(
            f"Skipping the optimizer state of '{filepath}': it holds "
            f"{len(datasets)} values, which do not fit the {len(variables)} "
            f"variables of optimizer '{optimizer.name}'. Training restarts "
            "with a fresh optimizer state.",
            stacklevel=3,
        )
        return
    for variable, dataset in zip(variables, datasets, strict=True):
        variable.assign(h5_store.read_dataset(dataset))


def load_model_from_hdf5(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model from a legacy `.h5` file of Keras 2 or Keras 3."""
    with h5_store.open_checked(filepath) as h5_file:
        config = _config_attribute(h5_file, "model_config", filepath)
        if config is None:
            raise ValueError(
                f"No model config found in '{filepath}': it holds only weights. "
                "Create the model in code and call `model.load_weights()`."
            )
        model = saving_lib.model_from_config(
            modernize_config(config), custom_objects, False, safe_mode
        )
        group = h5_file.get("model_weights", h5_file)
        _load_weights_group(model, group, filepath, False)
        training_config = _config_attribute(h5_file, "training_config", filepath)
        if compile and training_config is not None and hasattr(model, "compile"):
            with object_registration.CustomObjectScope(custom_objects):
                _compile_from_training_config(model, training_config, custom_objects)
            _load_optimizer_weights(model, h5_file, filepath)
        elif compile and training_config is None:
            warnings.warn(
                f"No training configuration found in '{filepath}', so the model "
                "was *not* compiled. Compile it manually.",
                stacklevel=2,
            )
    return model


# keras_core.legacy.saving: Keras 2's serialization.


def serialize_keras_object(instance):
    """Serializes an object the Keras 2 way: `{"class_name", "config"}`.

    Args:
        instance: A serializable object (with `get_config`), a function or
            None.

    Returns:
        A dict, the function's registered name, or None.

    Example:

    >>> keras_core.legacy.saving.serialize_keras_object(
    ...     keras_core.initializers.Zeros())
    {'class_name': 'Zeros', 'config': {}}
    """
    if instance is None:
        return None
    if hasattr(instance, "get_config"):
        config = instance.get_config()
        return {
            "class_name": object_registration.get_registered_name(type(instance)),
            "config": config,
        }
    if hasattr(instance, "__name__"):
        return object_registration.get_registered_name(instance)
    raise ValueError(
        f"Cannot serialize {instance!r}: it has no `get_config()` and no "
        "`__name__`. Give its class a `get_config()` method."
    )


def deserialize_keras_object(
    identifier,
    module_objects=None,
    custom_objects=None,
    printable_module_name="object",
):
    """Rebuilds an object from a Keras 2 style config or name.

    Names are looked up only in the active custom object scope, the
    registered objects, `custom_objects` and `module_objects`: nothing is
    imported.

    Args:
        identifier: A `{"class_name", "config"}` dict, a name, a callable
            (returned as is) or None.
        module_objects: A dict of name -> object to search.
        custom_objects: A dict of name -> object to search.
        printable_module_name: What the object is, for error messages.

    Returns:
        The object, or None for None.

    Example:

    >>> keras_core.legacy.saving.deserialize_keras_object(
    ...     {"class_name": "Dense", "config": {"units": 2}},
    ...     module_objects={"Dense": keras_core.layers.Dense})
    <Dense name=dense, built=False>
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        if "class_name" not in identifier or "config" not in identifier:
            raise ValueError(
                f"Improper config format for {printable_module_name}: "
                f"{identifier}. Expecting a dict with `class_name` and `config`."
            )
        class_name = identifier["class_name"]
        cls = _lookup(class_name, module_objects, custom_objects, printable_module_name)
        with object_registration.CustomObjectScope(custom_objects):
            if "custom_objects" in inspect.signature(cls.from_config).parameters:
                return cls.from_config(
                    identifier["config"], custom_objects=custom_objects
                )
            return cls.from_config(identifier["config"])
    if isinstance(identifier, str):
        return _lookup(
            identifier, module_objects, custom_objects, printable_module_name
        )
    if callable(identifier):
        return identifier
    raise ValueError(
        f"Could not interpret serialized {printable_module_name}: {identifier!r}. "
        "Expected a dict, a name or None."
    )


def _lookup(name, module_objects, custom_objects, printable_module_name):
    found = object_registration.get_registered_object(
        name, custom_objects, module_objects
    )
    if found is None:
        raise ValueError(
            f"Unknown {printable_module_name}: {name!r}. Please ensure you are "
            "using a `keras_core.saving.custom_object_scope` and that this "
            "object is included in the scope, or pass it in `module_objects` "
            "or `custom_objects`."
        )
    return found
