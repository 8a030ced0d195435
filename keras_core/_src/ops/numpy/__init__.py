"""The NumPy-API ops (`keras_core.ops.numpy`)."""
