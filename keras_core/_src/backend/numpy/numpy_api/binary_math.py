"""The numpy backend table: binary math ops.

See keras_core/_src/ops/numpy/binary_math.py for the declarations.
"""
