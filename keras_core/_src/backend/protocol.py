"""What every backend provides: one list of functions per namespace.

`tests/backend/test_protocol.py` checks the active backend against it: each
function must exist with exactly this signature, or be listed with a reason
in the backend's `known_gaps.json` and raise `NotImplementedError` naming the
backend and the function. Later namespaces (numpy, nn, math, linalg, image,
random, rnn) join this table as their ops land.
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
