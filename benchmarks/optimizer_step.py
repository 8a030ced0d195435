"""An Adam step of keras_core against `torch.optim.Adam`, on eager torch.

The issue's target: over a 50-tensor model, one keras_core Adam step costs
at most 1.2x `torch.optim.Adam` (its default foreach implementation) in
the same process. Both update the same-sized tensors from the same
gradients; timings alternate and each figure is the median of the repeats.

Usage: python benchmarks/optimizer_step.py [--steps 200] [--repeats 5]
(it sets KERAS_BACKEND=torch itself).
"""

import argparse
import os
import statistics
import timeit

os.environ["KERAS_BACKEND"] = "torch"

import torch

import keras_core

SHAPES = [(64, 64), (64,)] * 25  # 50 tensors, a small MLP's worth


def measure(steps, repeats):
    torch.manual_seed(0)
    grads = [torch.randn(shape) for shape in SHAPES]
    params = [torch.nn.Parameter(torch.randn(shape)) for shape in SHAPES]
    for param, grad in zip(params, grads, strict=True):
        param.grad = grad
    torch_adam = torch.optim.Adam(params, lr=1e-3)
    variables = [keras_core.Variable(torch.randn(shape)) for shape in SHAPES]
    keras_adam = keras_core.optimizers.Adam(learning_rate=1e-3)
    keras_adam.build(variables)

    def torch_step():
        torch_adam.step()

    def keras_step():
        keras_adam.apply(grads, variables)

    torch_step()
    keras_step()
    torch_times, keras_times = [], []
    for _ in range(repeats):
        torch_times.append(timeit.timeit(torch_step, number=steps))
        keras_times.append(timeit.timeit(keras_step, number=steps))
    native = statistics.median(torch_times) / steps * 1e6
    ours = statistics.median(keras_times) / steps * 1e6
    return native, ours


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    native, ours = measure(args.steps, args.repeats)
    print(f"torch {torch.__version__}, {len(SHAPES)} tensors, {args.steps} steps")
    print("| torch.optim.Adam (us/step) | keras_core Adam (us/step) | ratio |")
    print("|---|---|---|")
    print(f"| {native:.1f} | {ours:.1f} | {ours / native:.2f}x |")


if __name__ == "__main__":
    main()
