"""The summary both NumPy peers print: per output mean, p05-p95 and sd, as JSON like aicarbon's."""
import json
import sys

import numpy as np


def print_summary(n, outputs):
    """Prints {"samples": n, "outputs": {NAME: {"mean", "p05", "p25", "p50", "p75", "p95", "sd"}}} to stdout."""
    result = {"samples": n, "outputs": {}}
    for name, x in outputs.items():
        p05, p25, p50, p75, p95 = np.percentile(x, [5, 25, 50, 75, 95])
        result["outputs"][name] = {"mean": float(x.mean()), "p05": p05, "p25": p25, "p50": p50, "p75": p75,
                                   "p95": p95, "sd": float(x.std(ddof=1))}
    json.dump(result, sys.stdout, indent=1, default=float)
    print()
