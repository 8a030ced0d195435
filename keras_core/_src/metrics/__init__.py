"""Metrics: the Metric base class and the metrics built on it."""
