#!/usr/bin/env python3
"""NumPy/SciPy peer of the README's planned-model estimate as a user runs it:

    aicarbon estimate --params 70B --tokens 2T --hardware h100 --chips 1024 --grid USA

with every default prior sampled, exactly as `aicarbon` lists them under "inputs" of its JSON output
(H100 SXM: 700 W TDP, 989 TFLOP/s, embodied 518.8 kg median; the US grid, 0.369473 kg/kWh):
  mfu                truncated(lognormal(median 0.370975, gsd 1.56214), 0, 0.6)   (planning prior)
  power_utilization  pert(0.6, 0.8, 1)          host_overhead  pert(1.1, 1.25, 1.6)
  pue                pert(1.05, 1.12, 1.6)      grid           lognormal(median 0.369473, gsd 1.0838)
  embodied_per_chip  lognormal(median 518.8, gsd 1.5655)
  lifetime           pert(22338, 37230, 44676) h in use (aicarbon's pert(3, 5, 6) calendar years x 8,760 h x 85%)
  wue                lognormal(median 0.6, gsd 1.95015)  water_intensity lognormal(median 3.1321, gsd 1.50202)
The parameters are those aicarbon prints, to 6 significant digits (exact: the planning prior's log-moments from
PlanningPrior.sizeFit at ln(70e9 / 1e10), the US grid's gsd 1.083797 in the catalog); the rounding moves percentiles by
under 1e-5 relative, far below the Monte Carlo error at 10M samples (about 1e-3 relative for p95).
Vectorised over all samples, every output aicarbon reports computed and summarised (mean, sd, p05-p95); as aicarbon,
training energy (equal to energy without inference), inference energy (0) and training FLOPs (constant) are derived.

Usage: python3 numpy_user_path.py [samples] [seed]   (prints JSON with the same statistics as aicarbon)
"""
import sys

import numpy as np
from scipy.special import ndtr, ndtri

from numpy_summary import planned_footprint, print_summary


def pert(rng, a, m, b, n):
    alpha = 1 + 4 * (m - a) / (b - a)
    beta = 1 + 4 * (b - m) / (b - a)
    return a + (b - a) * rng.beta(alpha, beta, n)


def lognormal(rng, median, gsd, n):
    return rng.lognormal(np.log(median), np.log(gsd), n)


def truncated_lognormal(rng, median, gsd, upper, n):
    mu, sigma = np.log(median), np.log(gsd)
    top = ndtr((np.log(upper) - mu) / sigma)
    return np.exp(mu + sigma * ndtri(rng.uniform(0, top, n)))


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10_000_000
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    mfu = truncated_lognormal(rng, 0.370975, 1.56214, 0.6, n)
    power_utilization = pert(rng, 0.6, 0.8, 1.0, n)
    host_overhead = pert(rng, 1.1, 1.25, 1.6, n)
    pue = pert(rng, 1.05, 1.12, 1.6, n)
    grid = lognormal(rng, 0.369473, 1.0838, n)
    embodied_per_chip = lognormal(rng, 518.8, 1.5655, n)
    lifetime = pert(rng, 22338, 37230, 44676, n)
    wue = lognormal(rng, 0.6, 1.95015, n)
    water_intensity = lognormal(rng, 3.1321, 1.50202, n)

    outputs = planned_footprint(mfu, power_utilization, host_overhead, pue, grid, embodied_per_chip, lifetime, wue,
                                water_intensity, chips=1024)
    print_summary(n, outputs)


if __name__ == "__main__":
    main()
