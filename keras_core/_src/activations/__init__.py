"""Activation functions: `keras_core.activations`."""
