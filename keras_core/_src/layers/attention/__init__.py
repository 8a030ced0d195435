"""Attention layers; `__all__` gathers each module's public names."""

from keras_core._src.layers.attention import additive_attention
from keras_core._src.layers.attention import attention
from keras_core._src.layers.attention import grouped_query_attention
from keras_core._src.layers.attention import multi_head_attention
from keras_core._src.layers.attention.additive_attention import *  # noqa: F403
from keras_core._src.layers.attention.attention import *  # noqa: F403
from keras_core._src.layers.attention.grouped_query_attention import *  # noqa: F403
from keras_core._src.layers.attention.multi_head_attention import *  # noqa: F403

__all__ = [
    *additive_attention.__all__,
    *attention.__all__,
    *grouped_query_attention.__all__,
    *multi_head_attention.__all__,
]
