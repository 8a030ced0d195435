"""Control flow on TensorFlow: `tf.cond`, `tf.while_loop`, `tf.switch_case`,
so it all traces under `tf.function` (XLA included).

The frontend (keras_core/_src/ops/core/control_flow.py) hands `while_loop`
its state as a tuple with `cond(*state)` and `body(*state) -> tuple`.
"""

from keras_core._src.backend.tensorflow.tf_import import tf
from keras_core._src.tree import tree_api


def cond(pred, true_fn, false_fn):
    return tf.cond(tf.cast(pred, tf.bool), true_fn, false_fn)


def switch(index, branches, *operands):
    index = tf.clip_by_value(tf.cast(index, tf.int32), 0, len(branches) - 1)
    return tf.switch_case(
        index, [lambda branch=branch: branch(*operands) for branch in branches]
    )


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    result = tf.while_loop(
        cond,
        lambda *state: tuple(body(*state)),
        tuple(loop_vars),
        maximum_iterations=maximum_iterations,
    )
    return tuple(result)


def fori_loop(lower, upper, body_fun, init_val):
    def step(index, value):
        return index + 1, body_fun(index, value)

    _, value = tf.while_loop(
        lambda index, _: index < upper,
        step,
        (tf.convert_to_tensor(lower, dtype=tf.int32), init_val),
    )
    return value


def _length(xs, length):
    if length is not None:
        return length
    first = tree_api.flatten(xs)[0]
    return first.shape[0] if first.shape[0] is not None else tf.shape(first)[0]


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    steps = _length(xs, length)

    def x_at(index):
        if reverse:
            index = steps - 1 - index
        if xs is None:
            return None
        return tree_api.map_structure(lambda x: x[index], xs)

    # The first step runs outside the loop: its outputs give the dtypes and
    # shapes of the stacked `ys`.
    carry, y = f(init, x_at(0))
    leaves = tree_api.flatten(y)
    arrays = [
        None
        if leaf is None
        else tf.TensorArray(leaf.dtype, size=steps, element_shape=leaf.shape).write(
            0, leaf
        )
        for leaf in leaves
    ]
    kept = [index for index, array in enumerate(arrays) if array is not None]

    def body(index, carry, arrays):
        carry, y = f(carry, x_at(index))
        new_leaves = tree_api.flatten(y)
        arrays = [
            array.write(index, new_leaves[position])
            for array, position in zip(arrays, kept, strict=True)
        ]
        return index + 1, carry, arrays

    _, carry, kept_arrays = tf.while_loop(
        lambda index, *_: index < steps,
        body,
        (tf.constant(1), carry, [arrays[position] for position in kept]),
    )
    stacked = list(leaves)
    for position, array in zip(kept, kept_arrays, strict=True):
        values = array.stack()
        stacked[position] = tf.reverse(values, [0]) if reverse else values
    return carry, tree_api.pack_sequence_as(y, stacked)


def associative_scan(f, elems, reverse=False, axis=0):
    first = tree_api.flatten(elems)[0]
    size = first.shape[axis]
    if reverse:
        elems = tree_api.map_structure(lambda x: tf.reverse(x, [axis]), elems)

    def piece(index):
        return tree_api.map_structure(lambda x: tf.gather(x, [index], axis=axis), elems)

    running = piece(0)
    results = [running]
    for index in range(1, size):
        running = f(running, piece(index))
        results.append(running)
    output = tree_api.map_structure(
        lambda *parts: tf.concat(parts, axis=axis), *results
    )
    if reverse:
        output = tree_api.map_structure(lambda x: tf.reverse(x, [axis]), output)
    return output


def map(f, xs):
    _, ys = scan(lambda carry, x: (carry, f(x)), tf.constant(0), xs)
    return ys


def vectorized_map(function, elements):
    return tf.vectorized_map(function, elements)
