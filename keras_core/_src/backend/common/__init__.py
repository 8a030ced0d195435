"""Backend-independent core: config, dtypes, KerasTensor, Variable base, scopes."""
