"""`FeatureSpace`: preprocessing and encoding of structured (tabular) data.

A FeatureSpace maps a dict of columns to model-ready features: each column
goes through its preprocessor (a `Normalization`, a `StringLookup`, ...),
crosses hash pairs of preprocessed columns together, and indices are
one-hot encoded; the results are concatenated into one vector per sample
or returned as a dict. `adapt()` fits the preprocessors (vocabularies,
means, bin boundaries) on data, which are then saved with the FeatureSpace
(the preprocessors store them in the `.keras` file themselves).

The encoders (`one_hot_encoders`, `concat`) depend on vocabulary sizes, so
they are made once the preprocessors are adapted (or loaded): on first use.

Lookups and hashing compute on host values, so in a `tf.data` pipeline the
whole FeatureSpace runs batch by batch on NumPy values
(`DataLayer._host_computation`), on every backend.
"""

import numpy as np

from keras_core import ops
from keras_core._src import backend
from keras_core._src.api_export import keras_public
from keras_core._src.backend.common import global_state
from keras_core._src.backend.common.keras_tensor import KerasTensor
from keras_core._src.layers.core.input_layer import Input
from keras_core._src.layers.preprocessing.data_layer import DataLayer
from keras_core._src.saving import serialization_lib
from keras_core._src.trainers.data_adapters.tf_dataset_adapter import is_tf_dataset
from keras_core._src.tree import tree_api

__all__ = ["FeatureSpace"]

# Keras records its helper classes under the module that defines them.
_KERAS_MODULE = "keras.src.layers.preprocessing.feature_space"
_FEATURE_OUTPUT_MODES = ("int", "one_hot", "float")
_CROSS_OUTPUT_MODES = ("int", "one_hot")
# Constructor arguments that, when given, leave nothing for `adapt` to learn.
_FIXED_STATE_KEYS = ("mean", "bin_boundaries", "vocabulary")


@keras_public(_KERAS_MODULE)
class Cross:
    """A crossing of features: their preprocessed values hashed together.

    Args:
        feature_names: The names of the crossed features.
        crossing_dim: The number of hash bins.
        output_mode: `"one_hot"` or `"int"` (the bin index).

    Example:

    >>> Cross(("city", "rooms"), crossing_dim=16).name
    'city_X_rooms'
    """

    def __init__(self, feature_names, crossing_dim, output_mode="one_hot"):
        if output_mode not in _CROSS_OUTPUT_MODES:
            raise ValueError(
                "FeatureSpace: a cross's `output_mode` must be one of "
                f"{_CROSS_OUTPUT_MODES}. Received: output_mode={output_mode!r}"
            )
        self.feature_names = tuple(feature_names)
        self.crossing_dim = crossing_dim
        self.output_mode = output_mode

    @property
    def name(self):
        return "_X_".join(self.feature_names)

    def get_config(self):
        return {
            "feature_names": self.feature_names,
            "crossing_dim": self.crossing_dim,
            "output_mode": self.output_mode,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


@keras_public(_KERAS_MODULE)
class Feature:
    """One feature: its input dtype, preprocessor and encoding.

    Args:
        dtype: The dtype of the input column (`"float32"`, `"int32"`,
            `"string"`, ...).
        preprocessor: The layer (or its serialized config) applied to the
            column.
        output_mode: `"one_hot"` (one-hot encode the preprocessed indices),
            `"int"` (keep the indices) or `"float"` (keep the values).

    Example:

    >>> Feature("float32", keras_core.layers.Rescaling(0.5), "float").dtype
    'float32'
    """

    def __init__(self, dtype, preprocessor, output_mode):
        if output_mode not in _FEATURE_OUTPUT_MODES:
            raise ValueError(
                "FeatureSpace: a feature's `output_mode` must be one of "
                f"{_FEATURE_OUTPUT_MODES}. Received: output_mode={output_mode!r}"
            )
        self.dtype = dtype
        if isinstance(preprocessor, dict):
            preprocessor = serialization_lib.deserialize_keras_object(preprocessor)
        self.preprocessor = preprocessor
        self.output_mode = output_mode

    def get_config(self):
        return {
            "dtype": self.dtype,
            "preprocessor": serialization_lib.serialize_keras_object(self.preprocessor),
            "output_mode": self.output_mode,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


@keras_public(_KERAS_MODULE)
class TFDIdentity(DataLayer):
    """The preprocessor of plain features: returns its input unchanged.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> TFDIdentity()(numpy.array([[1.5]])).shape
    (1, 1)
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape


def _preprocessor_name(name, kind):
    return f"{name or global_state.unique_name(kind)}_preprocessor"


def _is_symbolic(value):
    return isinstance(value, KerasTensor)


def _host_column(value):
    """A column as a NumPy array; bytes (from TensorFlow) read as str."""
    array = np.asarray(value)
    if array.dtype.kind in "OS" and array.size and isinstance(array.flat[0], bytes):
        array = np.char.decode(array.astype("S"), "utf-8")
    return array


@keras_public("keras.utils")
class FeatureSpace(DataLayer):
    """One-stop utility for preprocessing and encoding structured data.

    Describe each column of a dict of features by its type, `adapt()` the
    FeatureSpace to data, then call it on dicts of columns (arrays, or
    `tf.data` batches) to get model-ready features.

    Feature types (as strings, with default arguments, or through the
    static constructors):

    - `FeatureSpace.float()`: plain float values.
    - `FeatureSpace.float_rescaled(scale, offset)`: `x * scale + offset`.
    - `FeatureSpace.float_normalized()`: standardized with the mean and
      variance `adapt` finds (a `Normalization` layer).
    - `FeatureSpace.float_discretized(num_bins, bin_boundaries)`: bucketed
      (a `Discretization` layer), then one-hot encoded.
    - `FeatureSpace.integer_categorical(max_tokens, num_oov_indices)` and
      `FeatureSpace.string_categorical(...)`: indexed with the vocabulary
      `adapt` finds, then one-hot encoded.
    - `FeatureSpace.integer_hashed(num_bins)` and
      `FeatureSpace.string_hashed(num_bins)`: hashed into bins, then one-hot
      encoded.
    - `FeatureSpace.feature(dtype, preprocessor, output_mode)`: any
      preprocessing layer.

    Args:
        features: A dict mapping feature names to types: a type name such
            as `"integer_categorical"` or a `FeatureSpace.<type>(...)`
            object.
        output_mode: `"concat"` (one float vector per sample) or `"dict"`
            (a dict of encoded features, with one entry per feature and per
            cross). Features come in sorted name order, then crosses.
        crosses: Features to cross: tuples of feature names, or
            `FeatureSpace.cross(...)` objects. A cross hashes the
            combination of the features' preprocessed values into bins.
        crossing_dim: The number of bins of crosses given as tuples.
        hashing_dim: The number of bins of hashed features given by name.
        num_discretization_bins: The number of bins of discretized features
            given by name.
        name: The name of the FeatureSpace layer.

    Example:

    >>> space = keras_core.utils.FeatureSpace(
    ...     {"age": "float_normalized", "city": "string_categorical"})
    >>> space.adapt({"age": numpy.array([20.0, 40.0]),
    ...              "city": numpy.array(["Paris", "Lima"])})
    >>> space({"age": numpy.array([30.0]), "city": numpy.array(["Lima"])}).shape
    (1, 4)
    """

    _host_computation = True

    @classmethod
    def cross(cls, feature_names, crossing_dim, output_mode="one_hot"):
        """A cross of features, hashed into `crossing_dim` bins.

        Args:
            feature_names: The names of the features to cross.
            crossing_dim: The number of hash bins.
            output_mode: `"one_hot"` or `"int"`.

        >>> FeatureSpace.cross(("city", "rooms"), crossing_dim=16).name
        'city_X_rooms'
        """
        return Cross(feature_names, crossing_dim, output_mode=output_mode)

    @classmethod
    def feature(cls, dtype, preprocessor, output_mode):
        """A feature with any preprocessing layer.

        Args:
            dtype: The dtype of the input column.
            preprocessor: The layer applied to the column.
            output_mode: `"one_hot"`, `"int"` or `"float"`.

        >>> feature = FeatureSpace.feature(
        ...     "float32", keras_core.layers.Rescaling(2.0), "float")
        """
        return Feature(dtype, preprocessor, output_mode)

    @classmethod
    def float(cls, name=None):
        """Plain float values.

        Args:
            name: The feature's name (names its preprocessor).

        >>> FeatureSpace.float(name="price").preprocessor.name
        'price_preprocessor'
        """
        return Feature(
            "float32",
            TFDIdentity(name=_preprocessor_name(name, "float")),
            output_mode="float",
        )

    @classmethod
    def float_rescaled(cls, scale=1.0, offset=0.0, name=None):
        """Float values rescaled as `x * scale + offset`.

        Args:
            scale: The factor.
            offset: The offset added after scaling.
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.float_rescaled(scale=0.01)
        """
        from keras_core._src.layers.preprocessing.rescaling import Rescaling

        return Feature(
            "float32",
            Rescaling(
                scale=scale,
                offset=offset,
                name=_preprocessor_name(name, "float_rescaled"),
            ),
            output_mode="float",
        )

    @classmethod
    def float_normalized(cls, name=None):
        """Float values standardized with their adapted mean and variance.

        Args:
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.float_normalized()
        """
        from keras_core._src.layers.preprocessing.normalization import Normalization

        return Feature(
            "float32",
            Normalization(axis=-1, name=_preprocessor_name(name, "float_normalized")),
            output_mode="float",
        )

    @classmethod
    def float_discretized(
        cls, num_bins, bin_boundaries=None, output_mode="one_hot", name=None
    ):
        """Float values bucketed into bins.

        Args:
            num_bins: The number of bins, whose boundaries `adapt` learns
                (quantiles); None when `bin_boundaries` is given.
            bin_boundaries: Fixed boundaries (then nothing is adapted).
            output_mode: `"one_hot"` or `"int"` (the bin index).
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.float_discretized(num_bins=8)
        """
        from keras_core._src.layers.preprocessing.discretization import Discretization

        return Feature(
            "float32",
            Discretization(
                num_bins=num_bins,
                bin_boundaries=bin_boundaries,
                name=_preprocessor_name(name, "float_discretized"),
            ),
            output_mode=output_mode,
        )

    @classmethod
    def integer_categorical(
        cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot", name=None
    ):
        """Integer categories, indexed with an adapted vocabulary.

        Args:
            max_tokens: The largest vocabulary size (None: no limit).
            num_oov_indices: The number of indices for unknown values.
            output_mode: `"one_hot"` or `"int"` (the index).
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.integer_categorical(max_tokens=100)
        """
        from keras_core._src.layers.preprocessing.integer_lookup import IntegerLookup

        return Feature(
            "int32",
            IntegerLookup(
                max_tokens=max_tokens,
                num_oov_indices=num_oov_indices,
                output_mode="int",
                name=_preprocessor_name(name, "integer_categorical"),
            ),
            output_mode=output_mode,
        )

    @classmethod
    def string_categorical(
        cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot", name=None
    ):
        """String categories, indexed with an adapted vocabulary.

        Args:
            max_tokens: The largest vocabulary size (None: no limit).
            num_oov_indices: The number of indices for unknown values.
            output_mode: `"one_hot"` or `"int"` (the index).
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.string_categorical(num_oov_indices=2)
        """
        from keras_core._src.layers.preprocessing.string_lookup import StringLookup

        return Feature(
            "string",
            StringLookup(
                max_tokens=max_tokens,
                num_oov_indices=num_oov_indices,
                output_mode="int",
                name=_preprocessor_name(name, "string_categorical"),
            ),
            output_mode=output_mode,
        )

    @classmethod
    def string_hashed(cls, num_bins, output_mode="one_hot", name=None):
        """Strings hashed into bins.

        Args:
            num_bins: The number of hash bins.
            output_mode: `"one_hot"` or `"int"` (the bin).
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.string_hashed(num_bins=64)
        """
        from keras_core._src.layers.preprocessing.hashing import Hashing

        return Feature(
            "string",
            Hashing(num_bins=num_bins, name=_preprocessor_name(name, "string_hashed")),
            output_mode=output_mode,
        )

    @classmethod
    def integer_hashed(cls, num_bins, output_mode="one_hot", name=None):
        """Integers hashed into bins.

        Args:
            num_bins: The number of hash bins.
            output_mode: `"one_hot"` or `"int"` (the bin).
            name: The feature's name (names its preprocessor).

        >>> feature = FeatureSpace.integer_hashed(num_bins=64)
        """
        from keras_core._src.layers.preprocessing.hashing import Hashing

        return Feature(
            "int32",
            Hashing(num_bins=num_bins, name=_preprocessor_name(name, "integer_hashed")),
            output_mode=output_mode,
        )

    def __init__(
        self,
        features,
        output_mode="concat",
        crosses=None,
        crossing_dim=32,
        hashing_dim=32,
        num_discretization_bins=32,
        name=None,
    ):
        super().__init__(name=name)
        if not isinstance(features, dict) or not features:
            raise ValueError(
                "FeatureSpace: `features` must be a non-empty dict mapping "
                "feature names to types, e.g. {'age': 'float_normalized'}. "
                f"Received: features={features!r}"
            )
        if output_mode not in ("concat", "dict"):
            raise ValueError(
                "FeatureSpace: `output_mode` must be 'concat' or 'dict'. "
                f"Received: output_mode={output_mode!r}"
            )
        self._convert_input_args = False
        self._allow_non_tensor_positional_args = True
        self.output_mode = output_mode
        self.crossing_dim = crossing_dim
        self.hashing_dim = hashing_dim
        self.num_discretization_bins = num_discretization_bins
        self.features = {
            key: self._standardize_feature(key, value)
            for key, value in features.items()
        }
        self.crosses = [self._standardize_cross(cross) for cross in crosses or ()]
        self.crosses_by_name = {cross.name: cross for cross in self.crosses}
        self.inputs = {
            key: Input(shape=(1,), dtype=feature.dtype, name=key)
            for key, feature in self.features.items()
        }
        self.preprocessors = {
            key: feature.preprocessor for key, feature in self.features.items()
        }
        self.crossers = {cross.name: self._crosser(cross) for cross in self.crosses}
        self.one_hot_encoders = {}
        self.concat = None
        self.encoded_features = None
        self._adaptable = [
            key
            for key, preprocessor in self.preprocessors.items()
            if _needs_adapt(preprocessor)
        ]
        self._is_adapted = not self._adaptable

    def _standardize_feature(self, name, feature):
        if isinstance(feature, Feature):
            return feature
        if isinstance(feature, dict):
            return serialization_lib.deserialize_keras_object(feature)
        by_name = {
            "float": lambda: self.float(name=name),
            "float_rescaled": lambda: self.float_rescaled(name=name),
            "float_normalized": lambda: self.float_normalized(name=name),
            "float_discretized": lambda: self.float_discretized(
                num_bins=self.num_discretization_bins, name=name
            ),
            "integer_categorical": lambda: self.integer_categorical(name=name),
            "string_categorical": lambda: self.string_categorical(name=name),
            "integer_hashed": lambda: self.integer_hashed(
                num_bins=self.hashing_dim, name=name
            ),
            "string_hashed": lambda: self.string_hashed(
                num_bins=self.hashing_dim, name=name
            ),
        }
        if feature not in by_name:
            raise ValueError(
                f"FeatureSpace: invalid type for feature {name!r}. Expected "
                f"one of {sorted(by_name)} or a `FeatureSpace.<type>(...)` "
                f"object. Received: {feature!r}"
            )
        return by_name[feature]()

    def _standardize_cross(self, cross):
        if isinstance(cross, dict):
            cross = serialization_lib.deserialize_keras_object(cross)
        if not isinstance(cross, Cross):
            cross = Cross(cross, crossing_dim=self.crossing_dim)
        unknown = [name for name in cross.feature_names if name not in self.features]
        if unknown:
            raise ValueError(
                f"FeatureSpace: cross {cross.feature_names} names features that "
                f"are not in `features`: {unknown}. Features: {list(self.features)}"
            )
        return cross

    @staticmethod
    def _crosser(cross):
        from keras_core._src.layers.preprocessing.hashed_crossing import HashedCrossing

        return HashedCrossing(
            num_bins=cross.crossing_dim, output_mode="int", name=cross.name
        )

    # Adapting.

    def adapt(self, dataset):
        """Fits the preprocessors that learn from data (vocabularies, means,
        bin boundaries).

        Args:
            dataset: A `tf.data.Dataset` of dicts of features (batched or
                not), or a dict of arrays (one per feature).
        """
        if self._adaptable:
            columns = self._columns(dataset)
            for name in self._adaptable:
                self.preprocessors[name].adapt(columns[name])
        self._is_adapted = True
        self.get_encoded_features()

    def _columns(self, dataset):
        """The adaptable features' values as `(samples, 1)` NumPy arrays."""
        if isinstance(dataset, dict):
            batches = [dataset]
        elif is_tf_dataset(dataset):
            batches = dataset.as_numpy_iterator()
        else:
            raise ValueError(
                "FeatureSpace.adapt() takes a `tf.data.Dataset` of dicts or a "
                "dict of arrays (one per feature). Received: "
                f"dataset={dataset!r:.200}"
            )
        parts = {name: [] for name in self._adaptable}
        for batch in batches:
            if not isinstance(batch, dict):
                raise ValueError(
                    "FeatureSpace.adapt(): the data must be dicts of features, "
                    f"but an element is a {type(batch).__name__}. For a "
                    "dataset of (features, labels), adapt on "
                    "`dataset.map(lambda x, y: x)`."
                )
            missing = [name for name in self._adaptable if name not in batch]
            if missing:
                raise ValueError(
                    f"FeatureSpace.adapt(): the data has no features {missing}. "
                    f"It has: {sorted(batch)}"
                )
            for name in self._adaptable:
                parts[name].append(_host_column(batch[name]).reshape(-1, 1))
        return {name: np.concatenate(values) for name, values in parts.items()}

    # Building.

    def _check_if_adapted(self):
        if not self._is_adapted:
            raise ValueError(
                "You need to call `.adapt(dataset)` on the FeatureSpace before "
                "you can start using it."
            )

    def build(self, input_shape=None):
        from keras_core._src.layers.merging.concatenate import Concatenate
        from keras_core._src.layers.preprocessing.category_encoding import (
            CategoryEncoding,
        )

        encoders = {}
        for name, feature in self.features.items():
            if feature.output_mode == "one_hot":
                encoders[name] = CategoryEncoding(
                    num_tokens=_num_tokens(name, feature.preprocessor),
                    output_mode="multi_hot",
                )
        for cross in self.crosses:
            if cross.output_mode == "one_hot":
                encoders[cross.name] = CategoryEncoding(
                    num_tokens=cross.crossing_dim, output_mode="multi_hot"
                )
        self.one_hot_encoders = encoders
        if self.output_mode == "concat":
            unencoded = [
                name
                for name, item in [
                    *self.features.items(),
                    *self.crosses_by_name.items(),
                ]
                if item.output_mode == "int"
            ]
            if unencoded:
                raise ValueError(
                    "Cannot concatenate features because feature "
                    f"{unencoded[0]!r} has not been encoded (its output_mode is "
                    "'int'). Consider using `output_mode='dict'`."
                )
            self.concat = Concatenate(axis=-1)

    def _finish_building(self):
        self._check_if_adapted()
        if not self.built:
            self.build()

    def get_build_config(self):
        """Each preprocessor's build config, once adapted (Keras's layout).

        Its presence in a saved config tells loading that the preprocessors
        were adapted; their state comes with the weights and assets.
        """
        if not self.built:
            return None
        return {
            name: preprocessor.get_build_config() or {}
            for name, preprocessor in self.preprocessors.items()
        }

    def build_from_config(self, config):
        for name, preprocessor_config in (config or {}).items():
            preprocessor = self.preprocessors.get(name)
            if preprocessor_config and preprocessor and not preprocessor.built:
                preprocessor.build_from_config(preprocessor_config)
        # The encoders are made on first use: they need the vocabularies,
        # which are loaded after this.
        self._is_adapted = True

    def get_encoded_features(self):
        """The encoded features of `get_inputs()`, as KerasTensors: one
        (concat mode) or a dict of them (dict mode)."""
        self._finish_building()
        if self.encoded_features is None:
            self.encoded_features = self._encode(self.inputs)
        return self.encoded_features

    def get_inputs(self):
        """The dict of `(None, 1)` Input KerasTensors, one per feature."""
        return self.inputs

    # Calling.

    def __call__(self, data):
        self._finish_building()
        if not isinstance(data, dict):
            raise ValueError(
                f"FeatureSpace '{self.name}' takes a dict of features (one "
                f"entry per feature: {list(self.features)}). Received: "
                f"{type(data).__name__}"
            )
        if any(_is_symbolic(value) for value in data.values()):
            return self._encode(data)
        return super().__call__(data)

    def call(self, data):
        return self._encode(data)

    def compute_output_spec(self, data):
        unbatched = _all_scalars(data)
        batch = None
        for value in data.values():
            if len(value.shape) > 0:
                batch = value.shape[0]
                break
        specs = self._encode(
            {
                name: KerasTensor((batch, 1), dtype=feature.dtype)
                for name, feature in self.features.items()
            }
        )
        if unbatched:
            return tree_api.map_structure(
                lambda spec: KerasTensor(spec.shape[1:], dtype=spec.dtype), specs
            )
        return specs

    def _encode(self, data):
        missing = [name for name in self.features if name not in data]
        if missing:
            raise ValueError(
                f"FeatureSpace '{self.name}': the data has no features "
                f"{missing}. Expected: {list(self.features)}; received: "
                f"{sorted(data)}"
            )
        unbatched = _all_scalars(data)
        columns = {
            name: self._column(data[name], feature)
            for name, feature in self.features.items()
        }
        preprocessed = {
            name: self.preprocessors[name](column) for name, column in columns.items()
        }
        encoded = {}
        for name, feature in self.features.items():
            value = preprocessed[name]
            if feature.output_mode == "one_hot":
                value = self.one_hot_encoders[name](value)
            encoded[name] = value
        for cross in self.crosses:
            value = self.crossers[cross.name](
                tuple(preprocessed[name] for name in cross.feature_names)
            )
            if cross.output_mode == "one_hot":
                value = self.one_hot_encoders[cross.name](value)
            encoded[cross.name] = value
        # Keras's order: features by name, then crosses by name.
        order = sorted(self.features) + sorted(self.crosses_by_name)
        if self.output_mode == "concat":
            outputs = self.concat(
                [ops.cast(encoded[name], "float32") for name in order]
            )
        else:
            outputs = {name: encoded[name] for name in order}
        if unbatched:
            outputs = tree_api.map_structure(lambda x: ops.squeeze(x, 0), outputs)
        return outputs

    @staticmethod
    def _column(value, feature):
        """One feature's values as a `(samples, 1)` column."""
        if _is_symbolic(value) or backend.core.is_tensor(value):
            rank = len(value.shape)
            if rank < 2:
                value = ops.reshape(value, (-1, 1))
        else:
            value = _host_column(value)
            if value.ndim < 2:
                value = value.reshape(-1, 1)
        if feature.dtype.startswith("float"):
            value = ops.cast(value, feature.dtype)
        return value

    # Saving.

    def save(self, filepath):
        """Saves the FeatureSpace, adapted state included, to a `.keras` file.

        Load it back with `keras_core.saving.load_model(filepath)`.
        """
        from keras_core._src.saving import saving_lib

        saving_lib.save_model(self, filepath)

    def get_config(self):
        return {
            "features": {
                name: serialization_lib.serialize_keras_object(feature)
                for name, feature in self.features.items()
            },
            "output_mode": self.output_mode,
            "crosses": [
                serialization_lib.serialize_keras_object(cross)
                for cross in self.crosses
            ],
            "crossing_dim": self.crossing_dim,
            "hashing_dim": self.hashing_dim,
            "num_discretization_bins": self.num_discretization_bins,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _all_scalars(data):
    return all(len(np.shape(value)) == 0 for value in data.values()) if data else False


def _needs_adapt(preprocessor):
    if not hasattr(preprocessor, "adapt"):
        return False
    config = preprocessor.get_config()
    return all(config.get(key) is None for key in _FIXED_STATE_KEYS)


def _num_tokens(name, preprocessor):
    """How many indices a preprocessor's output can hold, for one-hot codes."""
    vocabulary_size = getattr(preprocessor, "vocabulary_size", None)
    if callable(vocabulary_size):
        return int(vocabulary_size())
    num_bins = getattr(preprocessor, "num_bins", None)
    if num_bins is None:
        boundaries = getattr(preprocessor, "bin_boundaries", None)
        if boundaries is not None:
            num_bins = len(boundaries) + 1
    if num_bins is None:
        raise ValueError(
            f"FeatureSpace: feature {name!r} is one-hot encoded, but its "
            f"preprocessor {type(preprocessor).__name__} says neither its "
            "`vocabulary_size()` nor its `num_bins`. Use output_mode='int' "
            "or 'float' for this feature."
        )
    return int(num_bins)
