#!/usr/bin/env python3
"""Whole-process benchmark: `aicarbon estimate` (release build) against a vectorised NumPy peer doing the same
work, 10 million samples by default. Two paths:

- `--path user` (default): the README's planned-model estimate as a user runs it, every default prior
  sampled (the planning prior of utilisation, PERT power, host, PUE and lifetime, lognormal grid,
  embodied and water); peer Benchmarks/numpy_user_path.py (NumPy + scipy.special).
- `--path fixed`: the estimate of issue 3, which fixes embodied, lifetime and water inputs a user would
  not fix; a library-floor measurement, not the user's path; peer Benchmarks/numpy_baseline.py.

Reports, per program, the median over --runs of wall time, user and system CPU time, peak resident
memory, and samples per second; checks that the percentiles agree within Monte Carlo error; and
compares aicarbon's peak memory with the bytes of the samples it stores.

Runs alternate (aicarbon, NumPy, aicarbon, …) so that load on a shared machine hits both alike.

Usage: python3 Benchmarks/run_benchmark.py [--path user|fixed] [--samples 10000000] [--runs 3]   (after `make release`)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
AICARBON = os.path.join(ROOT, ".build", "release", "aicarbon")


def user_command(samples):
    return [AICARBON, "estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA",
            "--samples", str(samples), "--seed", "1", "--format", "json"]


def aicarbon_command(samples):
    return [AICARBON, "estimate", "--params", "70e9", "--tokens", "2e12", "--hardware", "H100 SXM",
            "--mfu", "0.3 to 0.5", "--power-utilization", "uniform(0.6, 0.9)", "--host-overhead", "uniform(1.1, 1.4)",
            "--pue", "triangular(1.1, 1.2, 1.6)", "--grid", "0.25 to 0.55 kg/kWh",
            "--embodied-per-chip", "462.5 kg", "--lifetime", "5 years", "--wue", "0.55", "--water-intensity", "3.14",
            "--samples", str(samples), "--seed", "1", "--format", "json"]




def run_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed")
    return wall, usage, json.loads(stdout)


def alternating(commands, runs):
    """Runs each command `runs` times, alternating between them; per command the median measures."""
    samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_once(command))
    result = {}
    for name, rows in samples.items():
        walls = [r[0] for r in rows]
        result[name] = ({"wall": statistics.median(walls), "user": statistics.median(r[1].ru_utime for r in rows),
                         "sys": statistics.median(r[1].ru_stime for r in rows), "peak_mib": max(r[1].ru_maxrss / 1024 for r in rows),
                         "walls": walls}, rows[-1][2])
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--path", choices=["user", "fixed"], default="user")
    args = parser.parse_args()
    if not os.path.exists(AICARBON):
        sys.exit("build first: make release")
    n = args.samples
    ours_command = user_command(n) if args.path == "user" else aicarbon_command(n)
    peer = "numpy_user_path.py" if args.path == "user" else "numpy_baseline.py"
    results = alternating({"aicarbon": ours_command, "numpy": [sys.executable, os.path.join(HERE, peer), str(n), "1"]}, args.runs)
    (ours, ours_out), (numpy, numpy_out) = results["aicarbon"], results["numpy"]
    print(f"path      {args.path}: {' '.join(ours_command[1:-6])} (and {peer})")
    for name, m in (("aicarbon", ours), ("numpy", numpy)):
        print(f"{name:9s} wall {m['wall']:.2f} s (runs {', '.join(f'{w:.2f}' for w in m['walls'])}), "
              f"user {m['user']:.2f} s, sys {m['sys']:.2f} s, peak {m['peak_mib']:.0f} MiB, "
              f"{n / m['wall'] / 1e6:.1f} M samples/s")
    print(f"speed-up  {numpy['wall'] / ours['wall']:.2f}x (whole process, median wall time)")
    # The memory target is stated against the samples an engine must otherwise store: the distinct sampled
    # outputs (constant ones, and e.g. training energy equal to total energy when no inference is modelled,
    # are derived exactly). aicarbon's estimate streams them: it holds a pilot chunk and the kept cells only.
    seen, outputs = set(), 0
    for stats in ours_out["outputs"].values():
        signature = tuple(stats[k] for k in ("mean", "sd", "p05", "p50", "p95"))
        if stats["sd"] > 0 and signature not in seen:
            outputs += 1
        seen.add(signature)
    stored = n * outputs * 8 / 2**20
    print(f"memory    {outputs} distinct sampled outputs x {n} samples = {stored:.0f} MiB if stored; "
          f"aicarbon peak {ours['peak_mib']:.0f} MiB = {ours['peak_mib'] / stored:.2f}x (target: under 2x)")
    worst = 0.0
    for name in ("energy_kwh", "co2e_kg", "total_co2e_kg", "water_l", "chip_hours"):
        o, p = ours_out["outputs"][name], numpy_out["outputs"][name]
        for key in ("p05", "p25", "p50", "p75", "p95"):
            se = o["percentile_se"][key]
            # Two independent estimates: the difference has about sqrt(2) times one standard error.
            z = abs(o[key] - p[key]) / (se * 2 ** 0.5) if se > 0 else 0.0
            worst = max(worst, z)
    print(f"agreement largest |difference| of p05-p95 across 5 outputs = {worst:.2f} standard errors "
          f"({'ok' if worst < 4 else 'MISMATCH'}: under 4)")


if __name__ == "__main__":
    main()
