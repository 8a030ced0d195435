"""EpochIterator: epochs, steps_per_epoch, steps_per_execution groups, reset."""

import numpy as np
import pytest

import keras_core
from keras_core import ops
from keras_core._src.trainers.data_adapters import EpochIterator

X = np.arange(10, dtype="float32").reshape(10, 1)


def epochs_of(iterator, epochs=1):
    """Per epoch, the `(step, [first sample of each batch])` groups."""
    result = []
    for _ in range(epochs):
        result.append(
            [
                (step, [int(ops.convert_to_numpy(batch)[0, 0]) for batch in group])
                for step, group in iterator.enumerate_epoch()
            ]
        )
    return result


def generator(count, start=0):
    for index in range(start, start + count):
        yield (X[index : index + 1],)


class TestStepsPerExecution:
    def test_groups_consecutive_batches_and_a_shorter_last_group(self):
        iterator = EpochIterator(X, batch_size=3, steps_per_execution=3)
        assert epochs_of(iterator, 2) == [[(0, [0, 3, 6]), (3, [9])]] * 2

    def test_one_batch_per_group_by_default(self):
        iterator = EpochIterator(X, batch_size=4)
        assert epochs_of(iterator) == [[(0, [0]), (1, [4]), (2, [8])]]

    def test_groups_stop_at_steps_per_epoch(self):
        iterator = EpochIterator(
            X, batch_size=1, steps_per_epoch=5, steps_per_execution=2
        )
        assert epochs_of(iterator, 2) == [
            [(0, [0, 1]), (2, [2, 3]), (4, [4])],
            [(0, [5, 6]), (2, [7, 8]), (4, [9])],
        ]

    @pytest.mark.parametrize("value", [0, -2, 1.5, None])
    def test_must_be_a_positive_int(self, value):
        with pytest.raises(ValueError, match="`steps_per_execution` must be"):
            EpochIterator(X, steps_per_execution=value)


class TestStepsPerEpoch:
    def test_num_batches(self):
        assert EpochIterator(X, batch_size=3).num_batches == 4
        assert EpochIterator(X, batch_size=3, steps_per_epoch=2).num_batches == 2
        assert EpochIterator(X, batch_size=3, steps_per_epoch=9).num_batches == 9
        assert EpochIterator(generator(3)).num_batches is None
        assert EpochIterator(generator(3), steps_per_epoch=2).num_batches == 2

    def test_epochs_continue_the_pass_then_start_a_new_one(self):
        iterator = EpochIterator(X, batch_size=4, steps_per_epoch=2)
        with pytest.warns(UserWarning, match="ran out of data.*after 1 of"):
            assert epochs_of(iterator, 3) == [
                [(0, [0]), (1, [4])],
                [(0, [8])],
                [(0, [0]), (1, [4])],
            ]

    def test_a_pass_that_ends_with_the_epoch_restarts_cleanly(self):
        iterator = EpochIterator(X, batch_size=3, steps_per_epoch=2)
        assert epochs_of(iterator, 3) == [
            [(0, [0]), (1, [3])],
            [(0, [6]), (1, [9])],
            [(0, [0]), (1, [3])],
        ]

    def test_more_steps_than_batches_ends_the_epoch_with_a_warning(self):
        iterator = EpochIterator(X, batch_size=5, steps_per_epoch=3)
        with pytest.warns(UserWarning, match="after 2 of steps_per_epoch=3"):
            assert epochs_of(iterator, 2) == [[(0, [0]), (1, [5])]] * 2

    def test_an_endless_generator_is_read_up_to_the_steps(self):
        def endless():
            index = 0
            while True:
                yield (X[index % 10 : index % 10 + 1],)
                index += 1

        iterator = EpochIterator(endless(), steps_per_epoch=3)
        assert epochs_of(iterator, 2) == [
            [(0, [0]), (1, [1]), (2, [2])],
            [(0, [3]), (1, [4]), (2, [5])],
        ]

    def test_a_generator_continues_across_epochs_then_runs_dry(self):
        iterator = EpochIterator(generator(5), steps_per_epoch=2)
        with pytest.warns(UserWarning, match="ran out of data"):
            assert epochs_of(iterator, 4) == [
                [(0, [0]), (1, [1])],
                [(0, [2]), (1, [3])],
                [(0, [4])],
                [],
            ]

    def test_a_finite_generator_without_steps_is_one_pass(self):
        iterator = EpochIterator(generator(3))
        assert epochs_of(iterator, 2) == [[(0, [0]), (1, [1]), (2, [2])], []]

    def test_max_steps_per_epoch_caps_the_epochs(self):
        keras_core.config.set_max_steps_per_epoch(2)
        iterator = EpochIterator(X, batch_size=3)
        assert iterator.num_batches == 2
        assert epochs_of(iterator, 2) == [[(0, [0]), (1, [3])], [(0, [6]), (1, [9])]]
        assert EpochIterator(X, batch_size=3, steps_per_epoch=1).num_batches == 1
        assert EpochIterator(generator(5)).num_batches == 2
        keras_core.config.set_max_steps_per_epoch(50)
        assert EpochIterator(X, batch_size=3).num_batches == 4

    def test_reset_starts_from_the_beginning(self):
        iterator = EpochIterator(X, batch_size=3, steps_per_epoch=2)
        assert epochs_of(iterator) == [[(0, [0]), (1, [3])]]
        iterator.reset()
        assert epochs_of(iterator) == [[(0, [0]), (1, [3])]]

    def test_stopping_mid_epoch_without_steps_restarts_next_epoch(self):
        iterator = EpochIterator(X, batch_size=2)
        for step, _ in iterator.enumerate_epoch():
            if step == 1:
                break
        assert epochs_of(iterator)[0][0] == (0, [0])


def test_array_and_generator_data_never_import_tensorflow_or_torch(run_python):
    code = """
import sys
import numpy as np
import keras_core
from keras_core._src.trainers.data_adapters import EpochIterator

def generator():
    yield (np.ones((2, 1)),)

arrays = EpochIterator({"a": np.ones((5, 2))}, np.ones(5), batch_size=2, shuffle=True)
assert sum(len(group) for _, group in arrays.enumerate_epoch()) == 3
assert len(list(EpochIterator(generator()).enumerate_epoch())) == 1
print(sorted(name for name in ("tensorflow", "torch") if name in sys.modules))
"""
    result = run_python(code, env={"KERAS_BACKEND": "jax"})
    assert result.stdout.strip().splitlines()[-1] == "[]"
