#!/usr/bin/env python3
"""NumPy/SciPy peer of the IEA base projection (issue 13, item 4 (c)):

    aicarbon run Scenarios/iea-base-2024-2035.yaml --samples 1000000 --seed 1 --format json

The scenario is an aggregate projection (Sources/AICarbon/Projection/ProjectionModel.swift, aggregate mode), 2024-2035,
and its file asks for a Latin hypercube (`simulation: method: lhs`), so that is what a user running it gets; the peer
draws one too. Ten sampled columns, exactly aicarbon's JSON "inputs" (the scenario's values, then the defaults it
assumes because the file names the WORLD grid):

  inference_share            uniform(0.8, 0.9)           ai_share   uniform(0.15, 0.22)
  ai_growth@2025             lognormal, p05 1.27, p95 1.33 (steps to 2026-2030 as well)
  ai_growth@2031             lognormal, p05 1.05, p95 1.11 (steps to 2031-2035)
  conventional_growth@2025   lognormal, p05 1.07, p95 1.11
  conventional_growth@2031   lognormal, p05 1.01, p95 1.05
  pue                        pert(1.05, 1.12, 1.6)  (default; WORLD is no cloud region with a provider PUE)
  grid                       lognormal(median 0.480617, gsd 1.076914) kg/kWh  (the catalog's WORLD row, held constant)
  wue                        lognormal, p05 0.2, p95 1.8 L/kWh (default)
  water_intensity            lognormal(median 3.908, gsd of the default 1.6-to-6.1 prior) L/kWh (WORLD, EcoLogits)
Fixed: base_electricity 415 TWh; elasticity 0 and efficiency_gain 1 (defaults: no rebound), growth_noise none.

Per trajectory and year t (t = 0 is 2024, no growth yet), as aicarbon computes it:
  g_ai(t) = product of the year's ai_growth steps, g_conv(t) likewise; k(t) = product of efficiency_gain = 1
  demand = k^(-elasticity); base = 415e9 kWh x PUE(t) / PUE(2024) (a constant PUE path: the ratio is 1)
  ai = base (s g_ai demand); conventional = base ((1 - s) g_conv); energy = base (s g_ai demand + (1 - s) g_conv)
  inference = ai x inference_share; training = ai - inference; co2e = energy x grid
  water = (energy / pue) x wue + energy x water_intensity; rebound R(k, elasticity) = 0 at k = 1
  energy_without_rebound = base (s g_ai + (1 - s) g_conv)
and for each of the nine outputs aicarbon reports, in each of the 12 years, the same statistics: mean, p05-p95, sd and
mcse (the spread of 32 equal chunk means, as aicarbon's 32 chunks).

Differences from aicarbon, none of them in the model or the statistics:
- Sampling: 32 chunks of n/32 rows, each its own scipy.stats.qmc.LatinHypercube(d=10) (randomised within cells), as
  aicarbon's 32 chunks, each column through scipy.stats ppf (uniform, lognorm, beta for PERT); aicarbon draws its
  hypercubes from taus2 and inverts with GSL and its beta tables. Same distributions and design, not the same numbers.
- The constant factors (k = 1, elasticity 0, the PUE ratio) are evaluated once on scalars/arrays instead of per sample
  and year; the constant rebound output is an array of zeros summarised like the others.
- Years are computed one at a time and summarised as they go (whole arrays of n trajectories per year); aicarbon stores
  every year's samples (12 x 9 x n doubles) before summarising.

Usage: python3 numpy_projection.py [samples] [seed] [--se]   (--se adds percentile standard errors, for the
agreement check only; JSON like aicarbon's: {"samples", "years": [{"year", "outputs": {NAME: {...}}}]})
"""
import json
import sys

import numpy as np
from scipy import stats

from numpy_summary import percentile_se, statistics

Z95 = 1.6448536269514722
YEARS = list(range(2024, 2036))
CHUNKS = 32


def lognormal_5_95(low, high):
    mu, sigma = (np.log(low) + np.log(high)) / 2, (np.log(high) - np.log(low)) / (2 * Z95)
    return stats.lognorm(sigma, scale=np.exp(mu))


def pert(a, m, b):
    return stats.beta(1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a), loc=a, scale=b - a)


WATER_SIGMA = (np.log(6.1) - np.log(1.6)) / (2 * Z95)

# The two IEA scenarios of Scenarios/: their sampled columns by aicarbon's names, and the fixed values.
SCENARIOS = {
    "iea-base": {
        "inference_share": stats.uniform(0.8, 0.1), "ai_share": stats.uniform(0.15, 0.07),
        "ai_growth@2025": lognormal_5_95(1.27, 1.33), "ai_growth@2031": lognormal_5_95(1.05, 1.11),
        "conventional_growth@2025": lognormal_5_95(1.07, 1.11), "conventional_growth@2031": lognormal_5_95(1.01, 1.05),
    },
    "iea-high-efficiency": {
        "inference_share": stats.uniform(0.8, 0.1), "ai_share": stats.uniform(0.15, 0.07),
        "ai_growth@2025": lognormal_5_95(1.25, 1.31), "ai_growth@2031": lognormal_5_95(1.03, 1.09),
        "conventional_growth@2025": lognormal_5_95(1.04, 1.08), "conventional_growth@2031": lognormal_5_95(1.00, 1.03),
    },
}
DEFAULTS = {
    "pue": pert(1.05, 1.12, 1.6),
    "grid": stats.lognorm(np.log(1.076914), scale=0.480617),
    "wue": lognormal_5_95(0.2, 1.8),
    "water_intensity": stats.lognorm(WATER_SIGMA, scale=3.908),
}
for columns in SCENARIOS.values():
    columns.update(DEFAULTS)
BASE_KWH = 415e9
ELASTICITY, EFFICIENCY_GAIN = 0.0, 1.0
OUTPUTS = ["energy_kwh", "ai_energy_kwh", "conventional_energy_kwh", "training_energy_kwh", "inference_energy_kwh",
           "co2e_kg", "water_l", "rebound", "energy_without_rebound_kwh"]


def draw(names, n, seed):
    """Latin hypercube uniforms, one column per name (aicarbon samples the union of two scenarios' inputs by name): as
    aicarbon, 32 chunks of about n/32 rows, each its own randomised hypercube, so that chunk means are replicates."""
    rng = np.random.default_rng(seed)
    sizes = [n // CHUNKS + (1 if c < n % CHUNKS else 0) for c in range(CHUNKS)]
    u = np.concatenate([stats.qmc.LatinHypercube(d=len(names), seed=rng).random(m) for m in sizes if m > 0])
    return {name: u[:, j] for j, name in enumerate(names)}


def rebound(k, eta):
    """Sorrell & Dimitropoulos 2008, as aicarbon's Rebound.rebound: 0 with no gain (k = 1) or eta = 0."""
    if k == 1 or eta == 0:
        return 0.0
    l = np.log(k)
    return -np.exp(-l) * np.expm1(-eta * l) / np.expm1(-l)


def trajectories(columns, uniforms):
    """Yields (year, {output: array over trajectories}) for the 12 years, one year at a time."""
    x = {name: prior.ppf(uniforms[name]) for name, prior in columns.items()}
    n = len(x["ai_share"])
    s, share, pue = x["ai_share"], x["inference_share"], x["pue"]
    base = BASE_KWH * (pue / pue)
    g_ai, g_conv, k = np.ones(n), np.ones(n), 1.0
    for t, year in enumerate(YEARS):
        if t > 0:
            step = "@2031" if year >= 2031 else "@2025"
            g_ai = g_ai * x["ai_growth" + step]
            g_conv = g_conv * x["conventional_growth" + step]
            k *= EFFICIENCY_GAIN
        demand = k ** -ELASTICITY
        ai = base * (s * g_ai * demand)
        conventional = base * ((1 - s) * g_conv)
        energy = base * (s * g_ai * demand + (1 - s) * g_conv)
        inference = ai * share
        yield year, {
            "energy_kwh": energy, "ai_energy_kwh": ai, "conventional_energy_kwh": conventional,
            "training_energy_kwh": ai - inference, "inference_energy_kwh": inference, "co2e_kg": energy * x["grid"],
            "water_l": energy / pue * x["wue"] + energy * x["water_intensity"],
            "rebound": np.full(n, rebound(k, ELASTICITY)),
            "energy_without_rebound_kwh": base * (s * g_ai + (1 - s) * g_conv),
        }


def arguments(default_samples=1_000_000):
    positional = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(float(positional[0])) if positional else default_samples
    seed = int(positional[1]) if len(positional) > 1 else 1
    return n, seed, "--se" in sys.argv


def main():
    n, seed, with_se = arguments()
    columns = SCENARIOS["iea-base"]
    years = []
    for year, outputs in trajectories(columns, draw(list(columns), n, seed)):
        summaries = {}
        for name in OUTPUTS:
            summaries[name] = statistics(outputs[name], mcse_chunks=CHUNKS)
            if with_se:
                summaries[name]["percentile_se"] = percentile_se(outputs[name])
        years.append({"year": year, "outputs": summaries})
    json.dump({"scenario": "iea-base", "samples": n, "years": years}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
