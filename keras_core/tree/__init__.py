"""Public API: `keras_core.tree` (nested structures of tensors)."""

from keras_core._src.tree.tree_api import MAP_TO_NONE
from keras_core._src.tree.tree_api import assert_same_paths
from keras_core._src.tree.tree_api import assert_same_structure
from keras_core._src.tree.tree_api import flatten
from keras_core._src.tree.tree_api import flatten_with_path
from keras_core._src.tree.tree_api import is_nested
from keras_core._src.tree.tree_api import lists_to_tuples
from keras_core._src.tree.tree_api import map_shape_structure
from keras_core._src.tree.tree_api import map_structure
from keras_core._src.tree.tree_api import map_structure_up_to
from keras_core._src.tree.tree_api import pack_sequence_as
from keras_core._src.tree.tree_api import traverse
