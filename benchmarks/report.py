"""Markdown tables from the figures `run.py` collects, with the issue's targets."""

# Targets, as ratios of medians measured in one run (issue 11).
STEP_VS_NATIVE = 1.10
STEP_VS_KERAS3 = 0.9
STEP_VS_KERAS3_TORCH = 0.6
PREDICT_VS_NATIVE = 1.2


def _ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _fmt(value, spec, suffix=""):
    return "n/a" if value is None else f"{value:{spec}}{suffix}"


def _mark(value, target):
    if value is None:
        return "n/a"
    return f"{value:.2f}" + ("" if value <= target else " ✗")


def _figure(run, key):
    return None if run is None or "error" in run else run.get(key)


def derived(row):
    """The ratios of one workload/backend row."""
    ours, keras3 = row.get("keras_core"), row.get("keras3")
    step_ratio = _ratio(_figure(ours, "library_step_s"), _figure(ours, "native_step_s"))
    keras3_step_ratio = _ratio(
        _figure(keras3, "library_step_s"), _figure(keras3, "native_step_s")
    )
    return {
        "step_vs_native": step_ratio,
        "predict_vs_native": _ratio(
            _figure(ours, "library_predict_s"), _figure(ours, "native_predict_s")
        ),
        # Each run against its own native loop: drift between processes cancels.
        "step_vs_keras3": _ratio(step_ratio, keras3_step_ratio),
        "predict_vs_keras3": _ratio(
            _ratio(
                _figure(ours, "library_predict_s"), _figure(ours, "native_predict_s")
            ),
            _ratio(
                _figure(keras3, "library_predict_s"),
                _figure(keras3, "native_predict_s"),
            ),
        ),
        "first_epoch_vs_keras3": _ratio(
            _figure(row.get("keras_core_cold"), "first_epoch_s"),
            _figure(row.get("keras3_cold"), "first_epoch_s"),
        ),
    }


def _errors(row):
    lines = []
    for key in (
        "keras_core",
        "keras_core_cold",
        "native_cold",
        "keras3",
        "keras3_cold",
    ):
        run = row.get(key)
        if run and "error" in run:
            lines.append(f"- {row['workload']}/{row['backend']} {key}: {run['error']}")
    return lines


def write_report(results):
    """The Markdown report: training, prediction, first epoch, memory, import."""
    settings = results["settings"]
    lines = [
        "# keras_core benchmarks",
        "",
        f"{settings['threads']} threads for every framework, "
        f"{settings['steps_per_epoch']} steps per epoch, medians of "
        f"{settings['measured_epochs']} epochs after the first; Keras 3: "
        f"{'measured' if settings['keras3_python'] else 'not measured'}. "
        f"Total {results['total_s'] / 60:.1f} min. ✗ marks a missed target.",
        "",
        "## fit() step (ms) and predict() of 1,000 samples (ms)",
        "",
        "| workload | backend | step keras_core | step native | ratio (≤1.10) "
        "| vs Keras 3 (≤0.9; torch ≤0.6) | predict keras_core | predict native "
        "| ratio (≤1.2) | predict vs Keras 3 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    errors = []
    for row in results["workloads"]:
        ours = row.get("keras_core")
        ratios = derived(row)
        keras3_target = (
            STEP_VS_KERAS3_TORCH if row["backend"] == "torch" else STEP_VS_KERAS3
        )
        lines.append(
            f"| {row['workload']} | {row['backend']} "
            f"| {_ms(ours, 'library_step_s')} "
            f"| {_ms(ours, 'native_step_s')} "
            f"| {_mark(ratios['step_vs_native'], STEP_VS_NATIVE)} "
            f"| {_mark(ratios['step_vs_keras3'], keras3_target)} "
            f"| {_ms(ours, 'library_predict_s')} | {_ms(ours, 'native_predict_s')} "
            f"| {_mark(ratios['predict_vs_native'], PREDICT_VS_NATIVE)} "
            f"| {_fmt(ratios['predict_vs_keras3'], '.2f')} |"
        )
        errors += _errors(row)
    lines += [
        "",
        "## First epoch with compilation (s) and peak memory (MB), fresh processes",
        "",
        "| workload | backend | first epoch keras_core | native | Keras 3 "
        "| keras_core/Keras 3 (jax ≤1) | peak MB keras_core | native | Keras 3 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["workloads"]:
        ours, native, keras3 = (
            row.get("keras_core_cold"),
            row.get("native_cold"),
            row.get("keras3_cold"),
        )
        first_ratio = derived(row)["first_epoch_vs_keras3"]
        if row["backend"] == "jax":
            first_cell = _mark(first_ratio, 1.0)
        else:
            first_cell = _fmt(first_ratio, ".2f")
        lines.append(
            f"| {row['workload']} | {row['backend']} "
            f"| {_fmt(_figure(ours, 'first_epoch_s'), '.2f')} "
            f"| {_fmt(_figure(native, 'first_epoch_s'), '.2f')} "
            f"| {_fmt(_figure(keras3, 'first_epoch_s'), '.2f')} "
            f"| {first_cell} "
            f"| {_fmt(_figure(ours, 'peak_memory_mb'), '.0f')} "
            f"| {_fmt(_figure(native, 'peak_memory_mb'), '.0f')} "
            f"| {_fmt(_figure(keras3, 'peak_memory_mb'), '.0f')} |"
        )
    lines += [
        "",
        "## import time (s), median of fresh processes",
        "",
        "| backend | framework alone | keras_core | overhead | ratio |",
        "|---|---|---|---|---|",
    ]
    for entry in results["import_time"]:
        lines.append(
            f"| {entry['backend']} | {entry['framework_s']:.2f} "
            f"| {entry['keras_core_s']:.2f} | {entry['overhead_s']:+.2f} "
            f"| {entry['ratio']:.2f} |"
        )
    if errors:
        lines += ["", "## Runs that failed", "", *errors]
    return "\n".join(lines) + "\n"


def _ms(run, key):
    value = _figure(run, key)
    return "n/a" if value is None else f"{value * 1e3:.1f}"
