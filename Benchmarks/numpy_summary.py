"""The summaries the NumPy peers print, as JSON shaped like aicarbon's.

- `print_summary(n, outputs)`: per output mean, p05-p95 and sd (the estimate peers); constants and outputs equal to
  another are derived, not summarised again, as aicarbon derives them.
- `statistics(x, mcse_chunks=...)`: one output's mean, p05-p95, sd and, when asked, the standard error of the mean
  from the spread of equal chunk means (what aicarbon's `mcse` is: 32 chunks); the projection and compare peers.
- `planned_footprint(...)`: the footprint model of the README's planned 70B estimate, shared by the two estimate
  peers that sample it (`numpy_user_path.py`, `numpy_baseline.py`).
- `percentile_se(x)`: standard errors of p05-p95 from order statistics at ranks n p -/+ 1.96 sqrt(n p (1 - p))
  (Conover 1999, as aicarbon's `percentile_se`), asked for only by run_benchmark.py's untimed agreement check.
"""
import json
import sys

import numpy as np

PERCENTILES = [5, 25, 50, 75, 95]
KEYS = ["p05", "p25", "p50", "p75", "p95"]
Z975 = 1.959963984540054


def statistics(x, mcse_chunks=None):
    """{"mean", "p05", ..., "p95", "sd"} of one output (NumPy's default percentiles are type 7, as aicarbon's),
    plus "mcse" from `mcse_chunks` equal chunks when given."""
    result = {"mean": float(x.mean())}
    result.update(zip(KEYS, (float(v) for v in np.percentile(x, PERCENTILES))))
    result["sd"] = float(x.std(ddof=1))
    if mcse_chunks:
        usable = len(x) - len(x) % mcse_chunks
        means = x[:usable].reshape(mcse_chunks, -1).mean(axis=1)
        result["mcse"] = float(means.std(ddof=1) / np.sqrt(mcse_chunks))
    return result


def percentile_se(x):
    """{"p05": se, ...}: half the width of the distribution-free 95% interval of each percentile / 1.96."""
    n = len(x)
    se = {}
    for key, p in zip(KEYS, PERCENTILES):
        q = p / 100
        h = Z975 * np.sqrt(q * (1 - q) / n)
        lo, hi = np.percentile(x, [100 * max(q - h, 0), 100 * min(q + h, 1)])
        se[key] = float((hi - lo) / (2 * Z975))
    return se


def planned_footprint(mfu, power_utilization, host_overhead, pue, grid, embodied_per_chip, hours_in_use, wue,
                      water_intensity, chips=None):
    """The outputs of Sources/AICarbon/Footprint/FootprintModel.swift for the planned estimate: 70e9 active
    parameters, 2e12 tokens (training FLOPs 6 N D, Kaplan et al. 2020), H100 SXM (989e12 FLOP/s peak, 700 W TDP),
    training only. Chip-hours = FLOPs / (peak x MFU) / 3600; power = TDP x utilisation x host overhead (W);
    IT energy = chip-hours x power / 1000 (kWh); facility energy = IT x PUE; CO2e = energy x grid (kg);
    embodied = chip-hours x embodied per chip / hours in use (calendar lifetime x 85% use, as aicarbon counts a
    lifetime); water = IT x WUE + energy x water intensity (L). Inputs are arrays of samples or plain numbers; the
    constants and the outputs equal to another are given as such, so that `print_summary` derives them as
    aicarbon does. `chips` adds the wall-clock hours of that many accelerators."""
    flops = 6 * 70e9 * 2e12
    chip_hours = flops / (989e12 * mfu) / 3600
    power_w = 700 * power_utilization * host_overhead
    it_energy = chip_hours * power_w / 1000
    energy = it_energy * pue
    co2e = energy * grid
    embodied = chip_hours * embodied_per_chip / hours_in_use
    outputs = {
        "energy_kwh": energy, "training_energy_kwh": energy, "inference_energy_kwh": 0.0, "it_energy_kwh": it_energy,
        "co2e_kg": co2e, "embodied_co2e_kg": embodied, "total_co2e_kg": co2e + embodied,
        "water_l": it_energy * wue + energy * water_intensity, "chip_hours": chip_hours, "training_flops": flops,
    }
    if chips:
        outputs["wall_clock_hours"] = chip_hours / chips
    return outputs


def constant(value):
    """The statistics of an output that is the same value in every sample."""
    result = {"mean": float(value)}
    result.update((key, float(value)) for key in KEYS)
    result["sd"] = 0.0
    return result


def print_summary(n, outputs):
    """Prints {"samples": n, "outputs": {NAME: {"mean", "p05", "p25", "p50", "p75", "p95", "sd"}}} to stdout.

    An output given as a plain number is constant; an output given as the same array as another is summarised once
    (aicarbon derives such outputs, e.g. training energy equal to energy without inference, instead of sampling them)."""
    done = {}
    result = {"samples": n, "outputs": {}}
    for name, x in outputs.items():
        if isinstance(x, (int, float)):
            result["outputs"][name] = constant(x)
        else:
            if id(x) not in done:
                done[id(x)] = statistics(x)
            result["outputs"][name] = done[id(x)]
    json.dump(result, sys.stdout, indent=1, default=float)
    print()
