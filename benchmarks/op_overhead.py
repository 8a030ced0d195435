"""Per-call cost of eager keras_core ops against the framework's own calls.

Runs in one process for the backend `KERAS_BACKEND` selects. Each row is the
median of 5 repeats of a timed loop, as microseconds per call; the overhead
column is the op's time minus the native call it wraps, which is what the
dispatch in `keras_core._src.ops.op_definition` costs. Times are process
CPU time, so that other work on a shared machine inflates them less.

Usage: KERAS_BACKEND=torch python benchmarks/op_overhead.py [--calls 20000]
"""

import argparse
import statistics
import time
import timeit

import numpy

import keras_core
from keras_core import ops
from keras_core._src import backend


def native_functions(name):
    """The framework's own `add` and `matmul`, as a user would call them."""
    if name == "torch":
        import torch

        return torch.add, torch.matmul
    if name == "jax":
        import jax.numpy as jnp

        return jnp.add, jnp.matmul
    if name == "tensorflow":
        import tensorflow as tf

        return tf.add, tf.matmul
    return numpy.add, numpy.matmul


def per_call_us(function, calls, repeats=5):
    function()  # warm up caches (jit dispatch, dtype rules)
    times = timeit.repeat(
        function, number=calls, repeat=repeats, timer=time.process_time
    )
    return statistics.median(times) / calls * 1e6


def measure(calls):
    rng = numpy.random.default_rng(0)
    x = backend.core.convert_to_tensor(rng.normal(size=(32, 64)), dtype="float32")
    w = backend.core.convert_to_tensor(rng.normal(size=(64, 64)), dtype="float32")
    b = backend.core.convert_to_tensor(rng.normal(size=(64,)), dtype="float32")
    kernel = keras_core.Variable(w, name="kernel")
    native_add, native_matmul = native_functions(backend.backend())
    raw_kernel = kernel.value
    rows = [
        ("add", lambda: native_add(x, b), lambda: ops.add(x, b)),
        ("matmul", lambda: native_matmul(x, w), lambda: ops.matmul(x, w)),
        (
            "matmul(x, Variable)",
            lambda: native_matmul(x, raw_kernel),
            lambda: ops.matmul(x, kernel),
        ),
        ("Variable.value", lambda: raw_kernel, lambda: kernel.value),
    ]
    return [
        (name, per_call_us(native, calls), per_call_us(ours, calls))
        for name, native, ours in rows
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000)
    arguments = parser.parse_args()
    print(f"backend: {backend.backend()}, {arguments.calls} calls x 5, median")
    print(
        f"| {'call':<22} | {'native us':>9} | {'keras_core us':>13} "
        f"| {'overhead us':>11} | {'ratio':>6} |"
    )
    print(f"|{'-' * 24}|{'-' * 10}:|{'-' * 14}:|{'-' * 12}:|{'-' * 7}:|")
    for name, native, ours in measure(arguments.calls):
        print(
            f"| {name:<22} | {native:9.2f} | {ours:13.2f} | {ours - native:11.2f} "
            f"| {ours / native:6.2f} |"
        )


if __name__ == "__main__":
    main()
