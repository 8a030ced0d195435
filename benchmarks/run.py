"""`make bench`: keras_core against native framework loops and against Keras 3.

For each workload (see `workloads.py`) and backend it runs, each in a fresh
process (`worker.py`):
- a steady-state run where keras_core's `fit()`/`predict()` and a
  hand-written native loop take turns in one process (median per step, first
  epoch left out; `predict()` of 1,000 samples against a native batched
  forward pass);
- cold runs of keras_core and of the native loop (first epoch with tracing
  and compilation, first predict, peak memory);
- with a Keras 3 environment (`--keras3-python`), the same two runs through
  Keras 3. keras_core/Keras 3 step ratios are normalized by each run's own
  native loop, which cancels the drift of a noisy machine between processes.
Then `import keras_core` against importing the framework alone.

Writes `<out>/bench.md` (the tables) and `<out>/bench.json` (every figure).

Usage: python benchmarks/run.py [--keras3-python auto|none|PATH]
    [--backends jax torch tensorflow] [--workloads mlp convnet transformer lstm]
    [--threads 2] [--steps 8] [--epochs 3] [--out benchmarks/results]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import import_time
from report import write_report
from workloads import WORKLOADS

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER_TIMEOUT_S = 600


def _keras3_python(choice):
    """The interpreter that runs Keras 3, or None when there is none."""
    if choice == "none":
        return None
    python = sys.executable if choice == "auto" else choice
    probe = subprocess.run(
        [python, "-c", "import keras, sys; sys.stdout.write(keras.__version__)"],
        capture_output=True,
        text=True,
        env=dict(os.environ, KERAS_BACKEND="numpy"),
    )
    version = probe.stdout.strip()
    if probe.returncode != 0 or not version.startswith("3."):
        if choice != "auto":
            raise SystemExit(
                f"--keras3-python {choice}: no Keras 3 there ({version!r})."
            )
        return None
    return python


def _run_worker(python, mode, lib, backend, workload, args, keras_home, impl=None):
    command = [
        python,
        os.path.join(HERE, "worker.py"),
        mode,
        f"--lib={lib}",
        f"--backend={backend}",
        f"--workload={workload}",
        f"--threads={args.threads}",
        f"--steps={args.steps}",
        f"--epochs={args.epochs}",
    ]
    if impl:
        command.append(f"--impl={impl}")
    env = dict(os.environ, KERAS_HOME=keras_home)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=WORKER_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {WORKER_TIMEOUT_S} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(args, keras3_python, keras_home):
    rows = []
    for workload in args.workloads:
        for backend in args.backends:
            started = time.perf_counter()
            row = {"workload": workload, "backend": backend}
            common = (backend, workload, args, keras_home)
            ours = sys.executable
            row["keras_core"] = _run_worker(ours, "steady", "keras_core", *common)
            row["keras_core_cold"] = _run_worker(ours, "cold", "keras_core", *common)
            row["native_cold"] = _run_worker(
                ours, "cold", "keras_core", *common, impl="native"
            )
            if keras3_python:
                row["keras3"] = _run_worker(keras3_python, "steady", "keras", *common)
                row["keras3_cold"] = _run_worker(
                    keras3_python, "cold", "keras", *common
                )
            row["seconds"] = time.perf_counter() - started
            print(f"{workload:12s} {backend:10s} {row['seconds']:6.1f} s", flush=True)
            rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keras3-python", default="auto")
    parser.add_argument("--backends", nargs="+", default=["jax", "torch", "tensorflow"])
    parser.add_argument("--workloads", nargs="+", default=list(WORKLOADS))
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count()))
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    keras3_python = _keras3_python(args.keras3_python)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as keras_home:
        rows = measure(args, keras3_python, keras_home)
        imports = [
            import_time.measure(backend, args.import_runs, keras_home)
            for backend in [*args.backends, "numpy"]
        ]
    results = {
        "settings": {
            "threads": args.threads,
            "steps_per_epoch": args.steps,
            "measured_epochs": args.epochs,
            "keras3_python": keras3_python,
            "python": sys.version.split()[0],
        },
        "workloads": rows,
        "import_time": imports,
        "total_s": time.perf_counter() - started,
    }
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "bench.json"), "w") as f:
        json.dump(results, f, indent=1)
    markdown = write_report(results)
    with open(os.path.join(args.out, "bench.md"), "w") as f:
        f.write(markdown)
    print(markdown)


if __name__ == "__main__":
    main()
