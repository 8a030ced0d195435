"""Training: compile, fit, evaluate, predict, data adapters and callbacks."""
