#!/usr/bin/env python3
"""NumPy/SciPy peer of an estimate whose inputs are PERT, beta, gamma and Weibull (issue 13, item 4 (b) and (e)):

    aicarbon estimate --params 70B --tokens 2T --hardware h100 --chips 1024 \
        --mfu "beta(6, 10, 0.2, 0.6)" --power-utilization "beta(8, 3, 0.5, 1)" --pue "pert(1.08, 1.15, 1.4)" \
        --grid "gamma(16, 0.025) kg/kWh" --lifetime "weibull(3.5, 40000) h" --samples 1M --seed 1 --format json

A planned 70B model on 1,024 H100 SXM whose analyst gave: MFU as a beta on [0.2, 0.6] (mean 0.35), the power drawn as a
beta on [0.5, 1] of TDP, PUE as PERT, the grid's intensity as a gamma (mean 0.4 kg/kWh, CV 0.25: a contract not yet
signed) and the accelerators' service life as a Weibull in hours (mean about 36,000 h, the usual failure/retirement
law). Every input the command does not give is sampled from the prior aicarbon assumes (its JSON "inputs"; H100 SXM:
700 W TDP, 989 TFLOP/s peak):

  mfu                beta(6, 10) on [0.2, 0.6]           power_utilization  beta(8, 3) on [0.5, 1]
  host_overhead      pert(1.1, 1.25, 1.6)  (default)     pue                pert(1.08, 1.15, 1.4)
  grid               gamma(shape 16, scale 0.025) kg/kWh lifetime           weibull(shape 3.5, scale 40000) h
  embodied_per_chip  lognormal(median 518.8, gsd 1.5655) kg (default: the catalog's H100 prior, embodied_gsd)
  wue                lognormal(p05 0.2, p95 1.8) L/kWh (default)
  water_intensity    lognormal(p05 1.6, p95 6.1) L/kWh (default: a grid given as an intensity has no country)
  development_multiplier 1 (fixed default)

The model is aicarbon's (Sources/AICarbon/Footprint/FootprintModel.swift, FLOP path, power from TDP, no inference):
  flops = 6 x 70e9 x 2e12; chip_hours = flops / (989e12 x mfu) / 3600; power = 700 x power_utilization x host_overhead
  energy = training = chip_hours x power / 1000 x pue; it = energy / pue; co2e = energy x grid
  embodied = embodied_per_chip x chip_hours / (lifetime x 0.85, the hours in use of a calendar lifetime); water = it x wue + energy x water_intensity
  wall_clock_hours = chip_hours / 1024; inference = 0; training_flops = flops (constant)
and every one of the 11 outputs aicarbon reports is computed and summarised (mean, sd, p05-p95); as aicarbon, the
constant outputs (inference 0, training_flops) and training energy (equal to energy) are derived, not sampled.

Methods (the third argument, after samples and seed):
  mc     NumPy's own samplers (Generator.beta, gamma, weibull, lognormal), as a NumPy user writes it; aicarbon draws
         uniforms (taus2) and inverts each CDF. The same distributions, not the same numbers.
  lhs    scipy.stats.qmc.LatinHypercube(d=9) (randomised within cells), each column through its distribution's ppf
         (scipy.stats beta, gamma, weibull_min, lognorm). aicarbon: 32 chunks, each its own randomised Latin
         hypercube of n/32 rows.
  sobol  scipy.stats.qmc.Sobol(d=9, scramble=True) (Owen scrambling), same ppf. aicarbon: 32 chunks, each Sobol'
         points (GSL) with a Cranley-Patterson random shift. Use a power of two (2^20 = 1,048,576).
What the peer does not do: aicarbon also reports min, max, mcse, percentile standard errors and 95% intervals and a
histogram per output; the peer computes only mean, sd and p05-p95 (less work for NumPy).

Usage: python3 numpy_mixed_path.py [samples] [seed] [mc|lhs|sobol]   (prints JSON with the same statistics as aicarbon)
"""
import sys

import numpy as np

from numpy_summary import print_summary

Z95 = 1.6448536269514722
EMBODIED_MEDIAN, EMBODIED_GSD = 518.8, 1.5655


def lognormal_5_95(low, high):
    """(mu, sigma) of the lognormal with these 5th and 95th percentiles (aicarbon's "low to high")."""
    return (np.log(low) + np.log(high)) / 2, (np.log(high) - np.log(low)) / (2 * Z95)


def pert_shapes(a, m, b):
    return 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)


WUE = lognormal_5_95(0.2, 1.8)
WATER = lognormal_5_95(1.6, 6.1)
EMBODIED = (np.log(EMBODIED_MEDIAN), np.log(EMBODIED_GSD))


def priors():
    """(name, scipy.stats frozen distribution) in aicarbon's input order; scipy.stats is imported only for lhs and
    sobol (the mc peer needs NumPy alone, and importing SciPy's stats costs a large part of a second)."""
    from scipy import stats
    return [
        ("mfu", stats.beta(6, 10, loc=0.2, scale=0.4)),
        ("power_utilization", stats.beta(8, 3, loc=0.5, scale=0.5)),
        ("host_overhead", stats.beta(*pert_shapes(1.1, 1.25, 1.6), loc=1.1, scale=0.5)),
        ("pue", stats.beta(*pert_shapes(1.08, 1.15, 1.4), loc=1.08, scale=0.32)),
        ("grid", stats.gamma(16, scale=0.025)),
        ("embodied_per_chip", stats.lognorm(EMBODIED[1], scale=EMBODIED_MEDIAN)),
        ("lifetime", stats.weibull_min(3.5, scale=40000)),
        ("wue", stats.lognorm(WUE[1], scale=np.exp(WUE[0]))),
        ("water_intensity", stats.lognorm(WATER[1], scale=np.exp(WATER[0]))),
    ]


def sample_mc(rng, n):
    def pert(a, m, b):
        return a + (b - a) * rng.beta(*pert_shapes(a, m, b), n)
    return {
        "mfu": 0.2 + 0.4 * rng.beta(6, 10, n),
        "power_utilization": 0.5 + 0.5 * rng.beta(8, 3, n),
        "host_overhead": pert(1.1, 1.25, 1.6),
        "pue": pert(1.08, 1.15, 1.4),
        "grid": rng.gamma(16, 0.025, n),
        "embodied_per_chip": rng.lognormal(*EMBODIED, n),
        "lifetime": 40000 * rng.weibull(3.5, n),
        "wue": rng.lognormal(*WUE, n),
        "water_intensity": rng.lognormal(*WATER, n),
    }


def sample_qmc(method, seed, n):
    from scipy.stats import qmc
    columns = priors()
    if method == "lhs":
        engine = qmc.LatinHypercube(d=len(columns), seed=seed)
    else:
        engine = qmc.Sobol(d=len(columns), scramble=True, seed=seed)
    u = engine.random(n)
    return {name: prior.ppf(u[:, j]) for j, (name, prior) in enumerate(columns)}


def model(x, n):
    """The footprint model on whole arrays; every output aicarbon reports for this estimate."""
    flops = 6 * 70e9 * 2e12
    chip_hours = flops / (989e12 * x["mfu"]) / 3600
    power_w = 700 * x["power_utilization"] * x["host_overhead"]
    energy = chip_hours * power_w / 1000 * x["pue"]
    it_energy = energy / x["pue"]
    co2e = energy * x["grid"]
    embodied = x["embodied_per_chip"] * chip_hours / (x["lifetime"] * 0.85)   # calendar lifetime x 85% use
    return {
        "energy_kwh": energy, "training_energy_kwh": energy, "inference_energy_kwh": 0.0,
        "it_energy_kwh": it_energy, "co2e_kg": co2e, "embodied_co2e_kg": embodied, "total_co2e_kg": co2e + embodied,
        "water_l": it_energy * x["wue"] + energy * x["water_intensity"], "chip_hours": chip_hours,
        "training_flops": flops, "wall_clock_hours": chip_hours / 1024,
    }


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    method = sys.argv[3] if len(sys.argv) > 3 else "mc"
    if method == "mc":
        x = sample_mc(np.random.default_rng(seed), n)
    elif method in ("lhs", "sobol"):
        x = sample_qmc(method, seed, n)
    else:
        sys.exit(f"unknown method {method}: mc, lhs or sobol")
    print_summary(n, model(x, n))


if __name__ == "__main__":
    main()
