"""`keras_core.optimizers.legacy`: Keras 2 names that explain their absence."""

import pytest

from keras_core import optimizers
from keras_core.optimizers import legacy

NAMES = ["Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop", "SGD"]


def test_names_are_one_placeholder_class():
    assert sorted(legacy.__all__) == sorted(NAMES)
    classes = {getattr(legacy, name) for name in NAMES}
    assert len(classes) == 1
    assert classes.pop().__name__ == "LegacyOptimizerWarning"
    assert optimizers.legacy is legacy


@pytest.mark.parametrize("name", NAMES)
def test_instantiating_raises_an_explanation(name):
    with pytest.raises(
        ImportError, match=r"legacy` is not supported.*optimizers\.Adam"
    ):
        getattr(legacy, name)(learning_rate=0.1)


def test_legacy_placeholders_are_not_current_optimizers():
    assert not issubclass(legacy.Adam, optimizers.Optimizer)
    assert legacy.Adam is not optimizers.Adam
