"""The tensorflow backend table: nn rearrangement ops.

See keras_core/_src/ops/nn/rearrangement.py for the declarations. `unfold`
gathers, and `fold` segment-sums, the flat padded-image positions of every
patch element (`conv_arguments.patch_indices`); the batch may be unknown.
"""

import tensorflow as tf

from keras_core._src.backend.common import conv_arguments as args


def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    args.check_rank("unfold", "x", tuple(x.shape), (4,))
    _, c, h, w = x.shape
    indices, padded, pads = args.patch_indices(
        "unfold", (h, w), kernel_size, dilation, padding, stride
    )
    x = tf.pad(x, [(0, 0), (0, 0), *[(p, p) for p in pads]])
    flat = tf.reshape(x, [-1, c, padded[0] * padded[1]])
    taken = tf.gather(flat, indices.reshape(-1), axis=2)
    return tf.reshape(taken, [-1, c * indices.shape[0], indices.shape[1]])


def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    args.check_rank("fold", "x", tuple(x.shape), (3,))
    size = args.as_tuple("fold", "output_size", output_size, 2)
    indices, padded, pads = args.patch_indices(
        "fold", size, kernel_size, dilation, padding, stride
    )
    args.check_fold(tuple(x.shape), indices.shape)
    depth = x.shape[1]
    c = depth // indices.shape[0]
    dtype = x.dtype
    values = tf.cast(x, tf.int32) if dtype == tf.bool else x
    values = tf.transpose(
        tf.reshape(values, [-1, c, depth // c * x.shape[2]]), [2, 0, 1]
    )
    result = tf.math.unsorted_segment_sum(
        values, indices.reshape(-1), num_segments=padded[0] * padded[1]
    )
    result = tf.reshape(tf.transpose(result, [1, 2, 0]), [-1, c, *padded])
    result = result[:, :, pads[0] : pads[0] + size[0], pads[1] : pads[1] + size[1]]
    return tf.not_equal(result, 0) if dtype == tf.bool else result


def depth_to_space(x, block_size, data_format="channels_last"):
    b, data_format = args.block_size_of(
        "depth_to_space", tuple(x.shape), block_size, data_format
    )
    if data_format == "channels_last":
        _, h, w, c = x.shape
        y = tf.reshape(x, [-1, h, w, b, b, c // (b * b)])
        y = tf.transpose(y, [0, 1, 3, 2, 4, 5])
        return tf.reshape(y, [-1, h * b, w * b, c // (b * b)])
    _, c, h, w = x.shape
    y = tf.reshape(x, [-1, b, b, c // (b * b), h, w])
    y = tf.transpose(y, [0, 3, 4, 1, 5, 2])
    return tf.reshape(y, [-1, c // (b * b), h * b, w * b])


def space_to_depth(x, block_size, data_format="channels_last"):
    b, data_format = args.block_size_of(
        "space_to_depth", tuple(x.shape), block_size, data_format
    )
    if data_format == "channels_last":
        _, h, w, c = x.shape
        y = tf.reshape(x, [-1, h // b, b, w // b, b, c])
        y = tf.transpose(y, [0, 1, 3, 2, 4, 5])
        return tf.reshape(y, [-1, h // b, w // b, c * b * b])
    _, c, h, w = x.shape
    y = tf.reshape(x, [-1, c, h // b, b, w // b, b])
    y = tf.transpose(y, [0, 3, 5, 1, 2, 4])
    return tf.reshape(y, [-1, c * b * b, h // b, w // b])
