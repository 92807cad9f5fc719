#!/usr/bin/env python3
"""NumPy baseline for the planned-model estimate of issue 3, written the way an analyst would:
vectorised over all samples, every output computed and summarised (constants and outputs equal to another
derived, as aicarbon derives them; the model is numpy_summary.planned_footprint, shared with numpy_user_path.py).

Inputs (the same as Benchmarks/AICarbonBenchmark and the `aicarbon estimate` command in
Benchmarks/run_benchmark.py): 70e9 parameters, 2e12 tokens, H100 SXM (700 W, 989 TFLOP/s),
MFU "0.3 to 0.5" (lognormal with those 5th/95th percentiles), power utilization uniform(0.6, 0.9),
host overhead uniform(1.1, 1.4), PUE triangular(1.1, 1.2, 1.6), grid "0.25 to 0.55 kg/kWh" (lognormal),
embodied 462.5 kg per chip over 5 calendar years of service at 85% use, WUE 0.55 L/kWh, water intensity 3.14 L/kWh.

Usage: python3 numpy_baseline.py [samples] [seed]   (prints JSON with the same statistics as aicarbon)
"""
import sys

import numpy as np

from numpy_summary import planned_footprint, print_summary

Z95 = 1.6448536269514722


def lognormal_5_95(rng, low, high, n):
    mu = (np.log(low) + np.log(high)) / 2
    sigma = (np.log(high) - np.log(low)) / (2 * Z95)
    return rng.lognormal(mu, sigma, n)


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = np.random.default_rng(seed)

    mfu = np.minimum(lognormal_5_95(rng, 0.3, 0.5, n), 1.0)
    power_utilization = rng.uniform(0.6, 0.9, n)
    host_overhead = rng.uniform(1.1, 1.4, n)
    pue = rng.triangular(1.1, 1.2, 1.6, n)
    grid = lognormal_5_95(rng, 0.25, 0.55, n)

    # Embodied 462.5 kg per chip over 5 calendar years at 85% use; WUE 0.55 L/kWh; water intensity 3.14 L/kWh.
    outputs = planned_footprint(mfu, power_utilization, host_overhead, pue, grid, 462.5, 5 * 8760 * 0.85, 0.55, 3.14)
    print_summary(n, outputs)


if __name__ == "__main__":
    main()
