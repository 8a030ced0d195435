"""Import time of keras_core per backend against importing the framework alone.

Each measurement is a fresh Python process that times its own import (so
interpreter start-up is excluded); the two kinds of process alternate so that
machine noise hits both alike. Prints a Markdown table and writes JSON.

Usage: python benchmarks/import_time.py [--runs 5] [--json import_time.json]
    [--backends jax torch tensorflow numpy]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

FRAMEWORK_MODULE = {
    "jax": "jax",
    "torch": "torch",
    "tensorflow": "tensorflow",
    "numpy": "numpy",
}
TIMER = (
    "import time; start = time.perf_counter(); import {module}; "
    "print(time.perf_counter() - start)"
)


def time_import(module, backend, keras_home):
    env = dict(os.environ, KERAS_BACKEND=backend, KERAS_HOME=keras_home)
    output = subprocess.run(
        [sys.executable, "-c", TIMER.format(module=module)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip().splitlines()[-1])


def measure(backend, runs, keras_home):
    framework, ours = [], []
    for _ in range(runs):
        framework.append(time_import(FRAMEWORK_MODULE[backend], backend, keras_home))
        ours.append(time_import("keras_core", backend, keras_home))
    framework_median = statistics.median(framework)
    ours_median = statistics.median(ours)
    return {
        "backend": backend,
        "runs": runs,
        "framework_s": framework_median,
        "keras_core_s": ours_median,
        "overhead_s": ours_median - framework_median,
        "ratio": ours_median / framework_median,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", default="import_time.json")
    parser.add_argument("--backends", nargs="+", default=list(FRAMEWORK_MODULE))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as keras_home:
        results = [measure(b, args.runs, keras_home) for b in args.backends]
    print(f"import time, median of {args.runs} fresh processes\n")
    print("| backend | framework alone (s) | keras_core (s) | overhead (s) | ratio |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['backend']} | {r['framework_s']:.3f} | {r['keras_core_s']:.3f} "
            f"| {r['overhead_s']:+.3f} | {r['ratio']:.2f} |"
        )
    with open(args.json, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
