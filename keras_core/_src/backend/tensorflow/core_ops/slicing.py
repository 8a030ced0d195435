"""Scatters and slices on TensorFlow tensors (`tf.scatter_nd` family)."""

from keras_core._src.backend.tensorflow.tf_import import tf

_SEGMENT = {
    "max": tf.math.unsorted_segment_max,
    "min": tf.math.unsorted_segment_min,
    "mul": tf.math.unsorted_segment_prod,
}


def _indices(indices):
    if indices.dtype not in (tf.int32, tf.int64):
        indices = tf.cast(indices, tf.int32)
    return indices


def scatter(indices, values, shape):
    return tf.scatter_nd(_indices(indices), values, shape)


def scatter_update(inputs, indices, updates, reduction=None):
    indices = _indices(indices)
    if reduction is None:
        return tf.tensor_scatter_nd_update(inputs, indices, updates)
    if reduction == "add":
        return tf.tensor_scatter_nd_add(inputs, indices, updates)
    # No tensor_scatter_nd_mul: combine the updates of each position by
    # segment (over row-major offsets), then with the inputs where touched.
    depth = indices.shape[-1]
    leading = tf.shape(inputs, out_type=indices.dtype)[:depth]
    positions = tf.reshape(indices, (-1, depth))
    offsets = tf.zeros(tf.shape(positions)[:1], dtype=indices.dtype)
    for axis in range(depth):
        offsets = offsets * leading[axis] + positions[:, axis]
    flat_inputs = tf.reshape(
        inputs, tf.concat([[-1], tf.shape(inputs)[depth:]], axis=0)
    )
    flat_updates = tf.reshape(
        updates, tf.concat([[-1], tf.shape(flat_inputs)[1:]], axis=0)
    )
    count = tf.shape(flat_inputs)[0]
    combined = _SEGMENT[reduction](flat_updates, offsets, count)
    touched = tf.math.unsorted_segment_max(
        tf.ones_like(offsets, dtype=tf.int32), offsets, count
    )
    touched = tf.reshape(
        touched > 0,
        tf.concat([[count], tf.ones([tf.rank(flat_inputs) - 1], tf.int32)], 0),
    )
    if reduction == "max":
        merged = tf.maximum(flat_inputs, combined)
    elif reduction == "min":
        merged = tf.minimum(flat_inputs, combined)
    else:
        merged = flat_inputs * combined
    return tf.reshape(tf.where(touched, merged, flat_inputs), tf.shape(inputs))


def slice(inputs, start_indices, shape):
    return tf.slice(inputs, start_indices, shape)


def slice_update(inputs, start_indices, updates):
    # Every position of the block, as index tuples for a scatter.
    starts = tf.cast(tf.convert_to_tensor(start_indices), tf.int32)
    ranges = [
        tf.range(tf.shape(updates)[axis]) + starts[axis]
        for axis in range(len(updates.shape))
    ]
    grid = tf.stack(tf.meshgrid(*ranges, indexing="ij"), axis=-1)
    return tf.tensor_scatter_nd_update(inputs, grid, updates)


def unstack(x, num=None, axis=0):
    return tf.unstack(x, num=num, axis=axis)
