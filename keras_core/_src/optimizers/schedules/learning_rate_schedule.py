"""`LearningRateSchedule`: a learning rate that depends on the step."""

from keras_core._src.api_export import keras_public


@keras_public("keras.optimizers.schedules")
class LearningRateSchedule:
    """The base of learning rate schedules: `schedule(step) -> rate`.

    Subclasses implement `__call__(step)` (with ops, so it works on
    symbolic steps inside compiled training) and `get_config`.

    Example:

    >>> class Halving(keras_core.optimizers.schedules.LearningRateSchedule):
    ...     def __call__(self, step):
    ...         return 0.1 * 0.5 ** keras_core.ops.cast(step // 100, "float32")
    ...     def get_config(self):
    ...         return {}
    """

    def __call__(self, step):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override "
            "`__call__(self, step)`."
        )

    def get_config(self):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override "
            "`get_config()` to be serializable."
        )

    @classmethod
    def from_config(cls, config):
        """Creates the schedule from its `get_config()` dict."""
        return cls(**config)
