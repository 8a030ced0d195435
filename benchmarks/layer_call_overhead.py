"""Per-call cost of an eager keras_core `Dense` against `torch.nn.Linear`.

The issue's target: on eager torch, calling `Dense(64)` on a (32, 64)
input costs at most 1.5x `torch.nn.Linear(64, 64)` doing the same, in the
same process (Keras 3 is 2-5x). Both run with autograd on (as in a
training loop) and under `torch.no_grad()` (inference); timings alternate
between the two contestants, and each figure is the median of the repeats.

Usage: python benchmarks/layer_call_overhead.py [--calls 10000] [--repeats 5]
(it sets KERAS_BACKEND=torch itself).
"""

import argparse
import os
import statistics
import timeit

os.environ["KERAS_BACKEND"] = "torch"

import torch

import keras_core


def measure(calls, repeats):
    torch.manual_seed(0)
    inputs = torch.randn(32, 64)
    linear = torch.nn.Linear(64, 64)
    dense = keras_core.layers.Dense(64)
    dense(inputs)  # build
    rows = []
    for mode, context in (("autograd", torch.enable_grad), ("no_grad", torch.no_grad)):
        with context():
            linear(inputs)
            dense(inputs)
            native_times, keras_times = [], []
            for _ in range(repeats):
                native_times.append(timeit.timeit(lambda: linear(inputs), number=calls))
                keras_times.append(timeit.timeit(lambda: dense(inputs), number=calls))
        native = statistics.median(native_times) / calls * 1e6
        keras = statistics.median(keras_times) / calls * 1e6
        rows.append((mode, native, keras, keras / native))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"torch {torch.__version__}, {args.calls} calls x {args.repeats} repeats")
    print("| mode | torch.nn.Linear (us) | keras_core Dense (us) | ratio |")
    print("|---|---|---|---|")
    for mode, native, keras, ratio in measure(args.calls, args.repeats):
        print(f"| {mode} | {native:.2f} | {keras:.2f} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
