"""Backend-independent argument helpers of the op families, one module each.

Every backend table (and, where it needs them, the frontend declaration)
reads its Python arguments through these functions, so each check and
shape computation exists once and fails with the same message on every
backend. They use Python and NumPy on static values only: nothing here
touches a framework tensor.
"""
