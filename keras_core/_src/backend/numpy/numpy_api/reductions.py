"""The numpy backend table: reductions ops.

See keras_core/_src/ops/numpy/reductions.py for the declarations.
"""
