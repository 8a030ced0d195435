"""One benchmark measurement in a fresh process; prints one JSON line.

Run by `benchmarks/run.py`, with the Python of the environment under test
(keras_core's, or one with Keras 3 installed: this file imports only the
library it is told to, so it runs in either).

Modes:
- `cold --impl library|native`: build, then time the first epoch (tracing
  and compiling included, with a last partial batch as real data has) and the
  first `predict()`; report the process's peak resident memory.
- `steady`: the library's `fit()` and the native loop take turns epoch by
  epoch (the native epoch runs inside a callback between the library's
  epochs, so machine noise hits both alike); then `predict()` and the native
  batched forward pass take turns. Medians over the epochs after the first.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

PREDICT_SAMPLES = 1000
PREDICT_BATCH = 32  # Keras's default predict batch size


def _limit_threads(threads, backend):
    """The same thread count for every framework: pinned cores and pool sizes."""
    os.sched_setaffinity(0, set(range(threads)))
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS"):
        os.environ[name] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = str(threads)
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    os.environ["XLA_FLAGS"] = (
        f"--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads={threads}"
    )
    if backend == "torch":
        import torch

        torch.set_num_threads(threads)
    elif backend == "tensorflow":
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)


def _native_module(backend):
    if backend == "torch":
        import native_torch as module
    elif backend == "jax":
        import native_jax as module
    else:
        import native_tf as module
    return module


def _batches(x, y, batch_size):
    return [
        (x[start : start + batch_size], y[start : start + batch_size])
        for start in range(0, len(x), batch_size)
    ]


def _peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cold(args, keras, workloads):
    batch_size = workloads.WORKLOADS[args.workload][0]
    # A partial last batch, as real datasets have: compiling it is first-epoch work.
    x, y = workloads.make_data(args.workload, args.steps * batch_size + batch_size // 2)
    x_predict, _ = workloads.make_data(args.workload, PREDICT_SAMPLES, seed=1)
    if args.impl == "native":
        loop = _native_module(args.backend).NativeLoop(args.workload)
        x, x_predict = loop.prepare(x), loop.prepare(x_predict)
        start = time.perf_counter()
        loop.train_epoch(_batches(x, y, batch_size))
        first_epoch = time.perf_counter() - start
        start = time.perf_counter()
        loop.predict(x_predict, PREDICT_BATCH)
    else:
        model = workloads.build_model(keras, args.workload)
        start = time.perf_counter()
        model.fit(x, y, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
        first_epoch = time.perf_counter() - start
        start = time.perf_counter()
        model.predict(x_predict, batch_size=PREDICT_BATCH, verbose=0)
    first_predict = time.perf_counter() - start
    return {
        "first_epoch_s": first_epoch,
        "first_predict_s": first_predict,
        "peak_memory_mb": _peak_memory_mb(),
    }


def steady(args, keras, workloads):
    batch_size = workloads.WORKLOADS[args.workload][0]
    x, y = workloads.make_data(args.workload, args.steps * batch_size)
    x_predict, _ = workloads.make_data(args.workload, PREDICT_SAMPLES, seed=1)
    loop = _native_module(args.backend).NativeLoop(args.workload)
    native_batches = _batches(loop.prepare(x), y, batch_size)
    native_predict_x = loop.prepare(x_predict)
    model = workloads.build_model(keras, args.workload)
    library_epochs, native_epochs = [], []

    class TakeTurns(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            library_epochs.append(time.perf_counter() - self.start)
            start = time.perf_counter()
            loop.train_epoch(native_batches)
            native_epochs.append(time.perf_counter() - start)

    model.fit(
        x,
        y,
        batch_size=batch_size,
        epochs=args.epochs + 1,
        shuffle=False,
        verbose=0,
        callbacks=[TakeTurns()],
    )
    library_predict, native_predict = [], []
    for _ in range(args.epochs + 1):
        start = time.perf_counter()
        model.predict(x_predict, batch_size=PREDICT_BATCH, verbose=0)
        library_predict.append(time.perf_counter() - start)
        start = time.perf_counter()
        loop.predict(native_predict_x, PREDICT_BATCH)
        native_predict.append(time.perf_counter() - start)
    # The first epoch and the first predict call compile: left out.
    return {
        "library_step_s": statistics.median(library_epochs[1:]) / args.steps,
        "native_step_s": statistics.median(native_epochs[1:]) / args.steps,
        "library_predict_s": statistics.median(library_predict[1:]),
        "native_predict_s": statistics.median(native_predict[1:]),
        "library_epochs_s": library_epochs,
        "native_epochs_s": native_epochs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["cold", "steady"])
    parser.add_argument("--lib", choices=["keras_core", "keras"], required=True)
    parser.add_argument(
        "--backend", choices=["jax", "torch", "tensorflow"], required=True
    )
    parser.add_argument("--workload", required=True)
    parser.add_argument("--impl", choices=["library", "native"], default="library")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    os.environ["KERAS_BACKEND"] = args.backend
    _limit_threads(args.threads, args.backend)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import workloads

    if args.mode == "cold" and args.impl == "native":
        keras = None
    else:
        keras = __import__(args.lib)
    result = (cold if args.mode == "cold" else steady)(args, keras, workloads)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
