"""Data adapters: every kind of data fit/evaluate/predict take, as batches.

`get_data_adapter` picks the adapter for the data; `EpochIterator` groups
its batches into epochs and `steps_per_execution` groups for the loops.
"""

from keras_core._src.trainers.data_adapters.epoch_iterator import EpochIterator
from keras_core._src.trainers.data_adapters.epoch_iterator import get_data_adapter
