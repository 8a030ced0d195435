"""Ops: every public op defined once, over the backend tables."""
