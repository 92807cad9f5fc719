#!/usr/bin/env python3
"""NumPy/SciPy peer of `compare` on two IEA projections (issue 13, item 4 (d)):

    aicarbon compare Scenarios/iea-high-efficiency-2024-2035.yaml Scenarios/iea-base-2024-2035.yaml \
        --samples 1000000 --seed 1 --format json

Both scenarios are the aggregate projections of numpy_projection.py (same model, same priors; their growth paths
differ). As aicarbon's `compare` (Sources/AICarbon/Comparison/), both are sampled on common random numbers: the union of
their inputs by name, in sorted name order, Latin hypercubes (both files ask for `lhs`), so every input with the
same name has the same uniforms in A and B (here all ten). Per year and per output both have (all nine), the peer
reports what aicarbon's JSON reports:
  a_p50, b_p50                 the medians of A and of B
  difference                   A - B paired sample by sample: mean, p05-p95, sd, mcse (32 equal chunks)
  p_a_less_than_b              the fraction of pairs with A < B by more than rounding: a pair with
                               |A - B| <= 1e-12 max(|A|, |B|) is a tie and does not count
and, as the table's "A = B", whether every pair is a tie (`all_tied`; aicarbon's JSON leaves it out, its table shows it).

Differences from aicarbon: the sampling of numpy_projection.py (32 SciPy Latin hypercubes of n/32 rows and scipy.stats
ppf, against aicarbon's 32 hypercubes from taus2 and GSL/table inverses); years are computed and summarised one
at a time (aicarbon runs and stores both projections whole, then summarises each year's differences).

Usage: python3 numpy_compare.py [samples] [seed] [--se]   (--se adds percentile standard errors of the differences and
of both medians, and the mean and sd of A and B, for run_benchmark.py's agreement and memory checks only)
"""
import json
import sys

import numpy as np

from numpy_projection import CHUNKS, OUTPUTS, SCENARIOS, arguments, draw, trajectories
from numpy_summary import percentile_se, statistics

A, B = "iea-high-efficiency", "iea-base"


def main():
    n, seed, with_se = arguments()
    names = sorted(set(SCENARIOS[A]) | set(SCENARIOS[B]))
    uniforms = draw(names, n, seed)
    years = []
    for (year, a), (_, b) in zip(trajectories(SCENARIOS[A], uniforms), trajectories(SCENARIOS[B], uniforms)):
        outputs = {}
        for name in OUTPUTS:
            ca, cb = a[name], b[name]
            diff = ca - cb
            ties = np.abs(diff) <= 1e-12 * np.maximum(np.abs(ca), np.abs(cb))
            less = np.count_nonzero(~ties & (ca < cb))
            summary = statistics(diff, mcse_chunks=CHUNKS)
            outputs[name] = {"a_p50": float(np.percentile(ca, 50)), "b_p50": float(np.percentile(cb, 50)),
                             "difference": summary, "p_a_less_than_b": less / n, "all_tied": bool(ties.all())}
            if with_se:
                summary["percentile_se"] = percentile_se(diff)
                for side, values in (("a", ca), ("b", cb)):
                    outputs[name][f"{side}_p50_se"] = percentile_se(values)["p50"]
                    outputs[name][f"{side}_mean"], outputs[name][f"{side}_sd"] = float(values.mean()), float(values.std())
        years.append({"year": year, "outputs": outputs})
    json.dump({"a": A, "b": B, "samples": n, "common_random_numbers": True, "years": years}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
