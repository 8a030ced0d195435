"""Dtype policies: which dtypes a layer computes in and stores variables in."""
