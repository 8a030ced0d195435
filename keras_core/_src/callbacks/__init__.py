"""Callbacks: objects called by `fit`, `evaluate` and `predict` at the start
and end of training, epochs and batches (`Callback`), the list that
dispatches to them (`CallbackList`), and the built-in ones: history,
progress bar, checkpoints, early stopping, learning-rate control, logging
to files, TensorBoard and remote servers."""
