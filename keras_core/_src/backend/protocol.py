"""What every backend provides.

Two lists make the protocol:

- `PROTOCOL` below: the backend-internal functions per namespace (`core`),
  with their signatures;
- every op declared in `keras_core/_src/ops/` (`op_definition.REGISTRY`):
  each backend's table for the op's namespace (`numpy_api`, later `nn`,
  `math`, `linalg`, `image`, `random`, `rnn`) has a function of the op's name
  taking the op's parameters. Declaring the op declares the entry, so the
  list cannot drift from the ops.

`tests/backend/test_protocol.py` checks the active backend against both: a
function must exist, or be listed with a reason in the backend's
`known_gaps.json` and raise `NotImplementedError` naming the backend and the
function.
"""

PROTOCOL = {
    "core": {
        "convert_to_tensor": "(x, dtype=None, sparse=None, ragged=None)",
        "convert_to_numpy": "(x)",
        "is_tensor": "(x)",
        "shape": "(x)",
        "cast": "(x, dtype)",
        "device_scope": "(device_name)",
        "compute_output_spec": "(fn, *args, **kwargs)",
        # The Variable class, subclassing common.variables.Variable.
        "Variable": "class",
    },
    # The recurrent loop and the fused LSTM/GRU kernels (a backend without
    # a fused kernel raises the private FastPathUnavailable and the layer
    # takes the generic loop).
    "rnn": {
        "rnn": (
            "(step_function, inputs, initial_states, go_backwards=False, "
            "mask=None, constants=None, unroll=False, input_length=None, "
            "time_major=False, zero_output_for_mask=False, "
            "return_all_outputs=True)"
        ),
        "lstm": (
            "(inputs, initial_state_h, initial_state_c, mask, kernel, "
            "recurrent_kernel, bias, return_sequences=False, go_backwards=False, "
            "zero_output_for_mask=False)"
        ),
        "gru": (
            "(inputs, initial_state, mask, kernel, recurrent_kernel, bias, "
            "return_sequences=False, go_backwards=False, zero_output_for_mask=False)"
        ),
    },
}

# Module-level constants every backend package defines.
BACKEND_CONSTANTS = {
    # Whether promotion keeps int64/float64 results (see common.dtypes).
    "KEEPS_64BIT": bool,
}

# Module-level constants every backend's `core` defines.
CORE_CONSTANTS = {
    "SUPPORTS_SPARSE_TENSORS": bool,
    "SUPPORTS_RAGGED_TENSORS": bool,
}
