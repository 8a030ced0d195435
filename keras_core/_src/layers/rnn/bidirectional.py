"""`Bidirectional`: runs a recurrent layer forwards and backwards, then merges."""

import copy

from keras_core import ops
from keras_core._src.api_export import keras_public
from keras_core._src.layers.layer import Layer
from keras_core._src.saving import serialization_lib

__all__ = ["Bidirectional"]

_MERGE_MODES = ("sum", "mul", "ave", "concat", None)
# Attributes both directions must agree on.
_SHARED_ATTRIBUTES = ("return_sequences", "return_state", "stateful")
_FORWARD_PREFIX = "forward_"


def _check_recurrent(layer, argument):
    missing = [
        name
        for name in ("go_backwards", *_SHARED_ATTRIBUTES)
        if not hasattr(layer, name)
    ]
    if not isinstance(layer, Layer) or missing:
        raise ValueError(
            f"Bidirectional: argument `{argument}` must be a recurrent layer "
            "(an `RNN` such as `LSTM`, `GRU`, `SimpleRNN` or `ConvLSTM2D`, with "
            "attributes `go_backwards`, `return_sequences`, `return_state` and "
            f"`stateful`). Received: {argument}={layer!r}"
            + (f", which lacks {missing}." if isinstance(layer, Layer) else ".")
        )


def _copy_layer(layer, name, go_backwards):
    config = copy.deepcopy(layer.get_config())
    config["name"] = name
    config["go_backwards"] = go_backwards
    return type(layer).from_config(config)


@keras_public("keras.layers")
class Bidirectional(Layer):
    """Bidirectional wrapper for RNNs: one copy reads forwards, one backwards.

    The forward layer is a copy of `layer` named `forward_<name>`; the
    backward one is `backward_layer` or, by default, a copy named
    `backward_<name>` with `go_backwards` flipped. With `return_sequences`
    the backward outputs are reversed in time so that step `t` of both
    directions lines up before they are merged.

    Args:
        layer: The recurrent layer to wrap (`LSTM`, `GRU`, `SimpleRNN`, an
            `RNN`, a `ConvLSTM*D`...). It is copied from its config: the
            wrapped instance itself is not used.
        merge_mode: How the two directions' outputs combine: `"concat"`
            (on the last axis), `"sum"`, `"mul"`, `"ave"`, or None to return
            both separately.
        weights: Optional initial weights (forward layer's, then backward
            layer's), set when the layer is built.
        backward_layer: Optional recurrent layer for the backward direction.
            It must differ from `layer` in `go_backwards` and match it in
            `return_sequences`, `return_state` and `stateful`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        sequences: A `(batch, timesteps, ...)` tensor.
        initial_state: Optional list of initial states: the forward
            layer's, then the backward layer's.
        mask: Optional `(batch, timesteps)` boolean mask.
        training: Whether the layers run in training mode (dropout).

    Returns:
        The merged output (a pair of outputs when `merge_mode` is None);
        with `return_state`, a tuple of the output(s) followed by the
        forward states, then the backward states.

    Example:

    >>> layer = keras_core.layers.Bidirectional(
    ...     keras_core.layers.SimpleRNN(4, return_sequences=True, name="rnn"))
    >>> layer(numpy.ones((2, 3, 5))).shape
    (2, 3, 8)
    >>> layer.forward_layer.name, layer.backward_layer.name
    ('forward_rnn', 'backward_rnn')
    """

    def __init__(
        self,
        layer,
        merge_mode="concat",
        weights=None,
        backward_layer=None,
        **kwargs,
    ):
        _check_recurrent(layer, "layer")
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                f"Bidirectional: invalid merge mode. Received: "
                f"merge_mode={merge_mode!r}. Merge mode should be one of "
                '"sum", "mul", "ave", "concat" or None.'
            )
        if backward_layer is not None:
            _check_recurrent(backward_layer, "backward_layer")
        super().__init__(weights=weights, **kwargs)
        self.forward_layer = _copy_layer(
            layer, _FORWARD_PREFIX + layer.name, layer.go_backwards
        )
        if backward_layer is None:
            backward_layer = _copy_layer(
                layer, "backward_" + layer.name, not layer.go_backwards
            )
        self.backward_layer = backward_layer
        self._check_directions()
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.stateful = layer.stateful
        # Masked steps must output zeros: the backward outputs are reversed
        # before merging, so a repeated output would land on the wrong step.
        for direction in (self.forward_layer, self.backward_layer):
            if hasattr(direction, "zero_output_for_mask"):
                direction.zero_output_for_mask = self.return_sequences
        self.input_spec = layer.input_spec
        self.supports_masking = True

    def _check_directions(self):
        forward, backward = self.forward_layer, self.backward_layer
        if forward.go_backwards == backward.go_backwards:
            raise ValueError(
                "Bidirectional: the forward layer and the backward layer should "
                "have different `go_backwards` values. Received: "
                f"forward_layer.go_backwards={forward.go_backwards}, "
                f"backward_layer.go_backwards={backward.go_backwards}. Create "
                "the backward layer with `go_backwards=True`."
            )
        for name in _SHARED_ATTRIBUTES:
            forward_value = getattr(forward, name)
            backward_value = getattr(backward, name)
            if forward_value != backward_value:
                raise ValueError(
                    "Bidirectional: the forward layer and the backward layer are "
                    f'expected to have the same value for attribute "{name}", '
                    f"got {forward_value} for the forward layer and "
                    f"{backward_value} for the backward layer. Create both "
                    f"with the same `{name}`."
                )

    def build(self, sequences_shape, initial_state_shape=None):
        for direction in (self.forward_layer, self.backward_layer):
            if not direction.built:
                direction.build(sequences_shape)

    def _split_initial_state(self, initial_state):
        if initial_state is None:
            return None, None
        states = (
            list(initial_state)
            if isinstance(initial_state, (list, tuple))
            else [initial_state]
        )
        if len(states) % 2:
            raise ValueError(
                f"Bidirectional layer '{self.name}': `initial_state` must hold "
                "the forward layer's states followed by the backward layer's, "
                f"an even number of tensors. Received {len(states)} tensor(s)."
            )
        half = len(states) // 2
        return states[:half], states[half:]

    def call(self, sequences, initial_state=None, mask=None, training=None):
        forward_state, backward_state = self._split_initial_state(initial_state)
        forward = self.forward_layer(
            sequences, initial_state=forward_state, mask=mask, training=training
        )
        backward = self.backward_layer(
            sequences, initial_state=backward_state, mask=mask, training=training
        )
        if self.return_state:
            forward, *forward_states = forward
            backward, *backward_states = backward
        if self.return_sequences:
            backward = ops.flip(backward, axis=1)
        if self.merge_mode is None:
            outputs = (forward, backward)
        else:
            outputs = (self._merge(forward, backward),)
        if self.return_state:
            return (*outputs, *forward_states, *backward_states)
        return outputs[0] if len(outputs) == 1 else outputs

    def _merge(self, forward, backward):
        if self.merge_mode == "concat":
            return ops.concatenate([forward, backward], axis=-1)
        if self.merge_mode == "sum":
            return forward + backward
        if self.merge_mode == "ave":
            return (forward + backward) / 2
        return forward * backward

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        shapes = self.forward_layer.compute_output_shape(sequences_shape)
        if self.return_state:
            output_shape, *state_shapes = shapes
        else:
            output_shape, state_shapes = shapes, []
        output_shape = tuple(output_shape)
        if self.merge_mode is None:
            outputs = (output_shape, output_shape)
        elif self.merge_mode == "concat":
            last = output_shape[-1]
            merged = (*output_shape[:-1], None if last is None else 2 * last)
            outputs = (merged,)
        else:
            outputs = (output_shape,)
        if self.return_state:
            states = tuple(tuple(shape) for shape in state_shapes)
            return (*outputs, *states, *states)
        return outputs[0] if len(outputs) == 1 else outputs

    def compute_mask(self, inputs, mask):
        output_mask = self.forward_layer.compute_mask(inputs, mask)
        state_masks = []
        if self.return_state:
            output_mask, *state_masks = output_mask
        masks = [output_mask] if self.merge_mode is not None else [output_mask] * 2
        if self.return_state:
            return [*masks, *state_masks, *state_masks]
        return masks[0] if len(masks) == 1 else masks

    @property
    def states(self):
        """The state variables of both directions (stateful layers), or None."""
        forward = self.forward_layer.states
        backward = self.backward_layer.states
        if forward is None and backward is None:
            return None
        return tuple(forward or ()) + tuple(backward or ())

    def reset_state(self):
        """Resets the states of both directions (stateful layers)."""
        self.forward_layer.reset_state()
        self.backward_layer.reset_state()

    def reset_states(self):
        """The same as `reset_state()`."""
        self.reset_state()

    def get_config(self):
        return {
            **super().get_config(),
            "merge_mode": self.merge_mode,
            "layer": serialization_lib.serialize_keras_object(self.forward_layer),
            "backward_layer": serialization_lib.serialize_keras_object(
                self.backward_layer
            ),
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Creates the layer, deserializing the two directions first.

        Args:
            config: The dict `get_config()` returned.
            custom_objects: Custom classes by name, for wrapped layers or
                cells that are not keras_core classes.
        """
        config = copy.deepcopy(config)
        layer_config = config["layer"]["config"]
        # The saved forward layer is already named `forward_<name>`; the
        # constructor adds the prefix again.
        if layer_config["name"].startswith(_FORWARD_PREFIX):
            layer_config["name"] = layer_config["name"][len(_FORWARD_PREFIX) :]
        for key in ("layer", "backward_layer"):
            if config.get(key) is None:
                continue
            # Built later, inside this layer's name scope, so that weight
            # paths read `bidirectional/backward_lstm/...`.
            config[key].pop("build_config", None)
            config[key] = serialization_lib.deserialize_keras_object(
                config[key], custom_objects=custom_objects
            )
        return super().from_config(config)
