"""Recurrent layers."""

from keras_core._src.layers.rnn.bidirectional import *  # noqa: F403
from keras_core._src.layers.rnn.conv_lstm import *  # noqa: F403
from keras_core._src.layers.rnn.gru import *  # noqa: F403
from keras_core._src.layers.rnn.lstm import *  # noqa: F403
from keras_core._src.layers.rnn.rnn import *  # noqa: F403
from keras_core._src.layers.rnn.simple_rnn import *  # noqa: F403
from keras_core._src.layers.rnn.stacked_rnn_cells import *  # noqa: F403
