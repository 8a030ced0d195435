"""The numpy backend table: unary math ops.

See keras_core/_src/ops/numpy/unary_math.py for the declarations.
"""
