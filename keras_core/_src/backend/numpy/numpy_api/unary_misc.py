"""The numpy backend table: unary misc ops.

See keras_core/_src/ops/numpy/unary_misc.py for the declarations.
"""
