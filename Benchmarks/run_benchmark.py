#!/usr/bin/env python3
"""Whole-process benchmarks of the paths users take (issue 13, item 4): the release `aicarbon` against a vectorised
NumPy/SciPy peer doing the same work (same inputs, same priors sampled, the same outputs and percentiles).

Paths (`--path`; `all` runs every one in this order):
- `user` (default): the README's planned-model estimate as a user runs it, every default prior sampled, 10M samples;
  peer numpy_user_path.py.
- `fixed`: the estimate of issue 3, which fixes embodied, lifetime and water inputs a user would not fix; a
  library-floor measurement, not the user's path; 10M; peer numpy_baseline.py.
- `mixed`: an estimate whose inputs are beta, PERT, gamma and Weibull, 1M; peer numpy_mixed_path.py (NumPy samplers).
- `projection`: `aicarbon run Scenarios/iea-base-2024-2035.yaml`, 1M trajectories (Latin hypercube, as the file asks);
  peer numpy_projection.py.
- `compare`: `aicarbon compare` of the IEA High Efficiency and Base projections, 1M; peer numpy_compare.py.
- `lhs`, `sobol`: the `mixed` estimate with `--method lhs` (1M) and `--method sobol` (2^20 = 1,048,576); peer
  numpy_mixed_path.py with scipy.stats.qmc.LatinHypercube / Sobol (scrambled) and each distribution's ppf.

Per path it prints, for both programs, the median over --runs of wall time, user and system CPU time and the largest
peak resident memory (wait4); the speed-up (NumPy's median wall / aicarbon's); aicarbon's peak memory against the bytes
of the samples that must be stored (distinct sampled outputs x samples x 8 bytes; years included for projections, both
scenarios for compare); and the agreement of p05-p95 of every output (every year; for compare the differences, both
medians and P(A < B)) in standard errors of the difference of two independent estimates (sqrt(2) x one standard error):
aicarbon's own percentile_se for estimates; for projections and compare, whose JSON has no percentile_se, the
distribution-free standard errors of the peer's samples from one extra, untimed peer run with --se. The limit is 4. For
LHS and Sobol' the same limit is a stated tolerance: Monte Carlo standard errors overstate the error of both designs.

Runs alternate (aicarbon, peer, aicarbon, ...) so that load on a shared machine hits both alike.

`--profile` records aicarbon on the path (after the timed runs) with `perf record` and prints the top symbols of
`perf report --no-children` (self time), demangled, with the user/system CPU split of that run.

Usage: python3 Benchmarks/run_benchmark.py [--path user|fixed|mixed|projection|compare|lhs|sobol|all]
       [--samples N (default per path)] [--runs 3] [--profile] [--top 15]   (after `make release`)
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
AICARBON = os.environ.get("AICARBON") or os.path.join(ROOT, ".build", "release", "aicarbon")  # AICARBON=path: another build
KEYS = ("p05", "p25", "p50", "p75", "p95")
LIMIT = 4.0
SIM = lambda n: ["--samples", str(n), "--seed", "1", "--format", "json"]


def user_command(n):
    return [AICARBON, "estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA"] + SIM(n)


def fixed_command(n):
    return [AICARBON, "estimate", "--params", "70e9", "--tokens", "2e12", "--hardware", "H100 SXM",
            "--mfu", "0.3 to 0.5", "--power-utilization", "uniform(0.6, 0.9)", "--host-overhead", "uniform(1.1, 1.4)",
            "--pue", "triangular(1.1, 1.2, 1.6)", "--grid", "0.25 to 0.55 kg/kWh",
            "--embodied-per-chip", "462.5 kg", "--lifetime", "5 years", "--wue", "0.55", "--water-intensity", "3.14"] + SIM(n)


def mixed_command(n, method="mc"):
    return [AICARBON, "estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024",
            "--mfu", "beta(6, 10, 0.2, 0.6)", "--power-utilization", "beta(8, 3, 0.5, 1)", "--pue", "pert(1.08, 1.15, 1.4)",
            "--grid", "gamma(16, 0.025) kg/kWh", "--lifetime", "weibull(3.5, 40000) h", "--method", method] + SIM(n)


def projection_command(n):
    return [AICARBON, "run", os.path.join(ROOT, "Scenarios", "iea-base-2024-2035.yaml")] + SIM(n)


def compare_command(n):
    return [AICARBON, "compare", os.path.join(ROOT, "Scenarios", "iea-high-efficiency-2024-2035.yaml"),
            os.path.join(ROOT, "Scenarios", "iea-base-2024-2035.yaml")] + SIM(n)


def peer(script, *extra):
    return lambda n: [sys.executable, os.path.join(HERE, script), str(n), "1", *extra]


# name: (aicarbon command, peer command, default samples, kind)
PATHS = {
    "user": (user_command, peer("numpy_user_path.py"), 10_000_000, "estimate"),
    "fixed": (fixed_command, peer("numpy_baseline.py"), 10_000_000, "estimate"),
    "mixed": (mixed_command, peer("numpy_mixed_path.py", "mc"), 1_000_000, "estimate"),
    "projection": (projection_command, peer("numpy_projection.py"), 1_000_000, "projection"),
    "compare": (compare_command, peer("numpy_compare.py"), 1_000_000, "compare"),
    "lhs": (lambda n: mixed_command(n, "lhs"), peer("numpy_mixed_path.py", "lhs"), 1_000_000, "estimate"),
    "sobol": (lambda n: mixed_command(n, "sobol"), peer("numpy_mixed_path.py", "sobol"), 2**20, "estimate"),
}


def run_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed")
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


def signature(stats):
    return tuple(stats[k] for k in ("mean", "sd") + KEYS)


def distinct_sampled(outputs, seen):
    """Outputs with spread that are not equal (by their statistics) to one already counted."""
    count = 0
    for stats in outputs.values():
        s = signature(stats)
        if stats["sd"] > 0 and s not in seen:
            count += 1
        seen.add(s)
    return count


def stored_outputs(kind, ours, check):
    """Distinct sampled outputs an engine must otherwise store (x samples x 8 bytes), and a description."""
    if kind == "estimate":
        return distinct_sampled(ours["outputs"], set()), "distinct sampled outputs"
    if kind == "projection":
        return sum(distinct_sampled(y["outputs"], set()) for y in ours["years"]), "distinct sampled year-outputs"
    # compare: the paired samples of both projections (its JSON has no spread of A or B alone: the peer's --se run's).
    count = 0
    for side in ("a", "b"):
        for y in check["years"]:
            seen = set()
            for stats in y["outputs"].values():
                s = (stats[f"{side}_mean"], stats[f"{side}_sd"], stats[f"{side}_p50"])
                count += 1 if stats[f"{side}_sd"] > 0 and s not in seen else 0
                seen.add(s)
    return count, "distinct sampled year-outputs of A and B"


def z_score(ours, theirs, se):
    if se > 0:
        return abs(ours - theirs) / (se * 2 ** 0.5)
    # No spread: the values must agree to rounding.
    return 0.0 if abs(ours - theirs) <= 1e-9 * max(abs(ours), abs(theirs), 1e-300) else float("inf")


def agreement(kind, ours, theirs, check):
    """(largest z, where, count of compared values, largest relative difference)."""
    worst, where, compared, relative = 0.0, "", 0, 0.0

    def see(a, b, se, label):
        nonlocal worst, where, compared, relative
        z = z_score(a, b, se)
        compared += 1
        if a != b:
            relative = max(relative, abs(a - b) / max(abs(a), abs(b)))
        if z > worst:
            worst, where = z, label

    if kind == "estimate":
        for name, o in ours["outputs"].items():
            if name not in theirs["outputs"]:
                sys.exit(f"the peer does not report {name}, which aicarbon reports")
            p = theirs["outputs"][name]
            for key in KEYS:
                see(o[key], p[key], o["percentile_se"][key], f"{name} {key}")
    elif kind == "projection":
        for yo, yc in zip(ours["years"], check["years"]):
            for name, o in yo["outputs"].items():
                c = yc["outputs"][name]
                for key in KEYS:
                    see(o[key], c[key], c["percentile_se"][key], f"{name} {key} {yo['year']}")
    else:
        n = ours["samples"]
        for yo, yc in zip(ours["years"], check["years"]):
            for name, o in yo["outputs"].items():
                c = yc["outputs"][name]
                for key in KEYS:
                    see(o["difference"][key], c["difference"][key], c["difference"]["percentile_se"][key],
                        f"{name} difference {key} {yo['year']}")
                for side in ("a", "b"):
                    see(o[f"{side}_p50"], c[f"{side}_p50"], c[f"{side}_p50_se"], f"{name} {side}_p50 {yo['year']}")
                p = c["p_a_less_than_b"]
                see(o["p_a_less_than_b"], p, max((p * (1 - p) / n) ** 0.5, 1 / n), f"{name} P(A<B) {yo['year']}")
    return worst, where, compared, relative


def profile(command, top):
    """perf record on aicarbon, then the top self-time symbols (demangled) and the run's CPU split."""
    if not shutil.which("perf"):
        print("profile   perf is not installed")
        return
    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, "perf.data")
        start = time.perf_counter()
        process = subprocess.Popen(["perf", "record", "-q", "-o", data, "--"] + command,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,symbol", "--stdio"],
                                capture_output=True, text=True).stdout
    rows = [line for line in report.splitlines() if line.strip() and not line.startswith("#")][:top]
    demangle = shutil.which("swift")
    if demangle and rows:
        rows = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(rows), capture_output=True,
                              text=True).stdout.splitlines()
    print(f"profile   perf record (with perf's overhead): wall {wall:.2f} s, user {usage.ru_utime:.2f} s, "
          f"sys {usage.ru_stime:.2f} s; top {len(rows)} symbols by self time:")
    for row in rows:
        print("          " + " ".join(row.split())[:150])


def run_path(name, samples, runs, with_profile, top):
    make_ours, make_peer, default_samples, kind = PATHS[name]
    n = samples or default_samples
    ours_command, peer_command = make_ours(n), make_peer(n)
    results = alternating({"aicarbon": ours_command, "peer": peer_command}, runs)
    (ours, ours_out), (theirs, theirs_out) = results["aicarbon"], results["peer"]
    print(f"== path {name}: {n:,} samples, {runs} alternating runs ==")
    print(f"command   aicarbon {' '.join(repr(a) if ' ' in a else a for a in ours_command[1:])}")
    print(f"peer      {' '.join(os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in peer_command[1:])}")
    for label, m in (("aicarbon", ours), ("peer", theirs)):
        print(f"{label:9s} wall {m['wall']:.2f} s (runs {', '.join(f'{w:.2f}' for w in m['walls'])}), "
              f"user {m['user']:.2f} s, sys {m['sys']:.2f} s, peak {m['peak_mib']:.0f} MiB, "
              f"{n / m['wall'] / 1e6:.2f} M samples/s")
    speedup = theirs["wall"] / ours["wall"]
    cpu_ratio = (theirs["user"] + theirs["sys"]) / (ours["user"] + ours["sys"])
    print(f"speed-up  {speedup:.2f}x wall (whole process, medians; target 10x); CPU time ratio {cpu_ratio:.2f}x")
    check = None
    if kind in ("projection", "compare"):
        check = run_once(peer_command + ["--se"])[2]
    outputs, what = stored_outputs(kind, ours_out, check)
    stored = n * outputs * 8 / 2**20
    ratio = ours["peak_mib"] / stored if stored else float("nan")
    print(f"memory    {outputs} {what} x {n:,} samples x 8 B = {stored:.0f} MiB; aicarbon peak {ours['peak_mib']:.0f} MiB "
          f"= {ratio:.2f}x (target: under 2x)")
    worst, where, compared, relative = agreement(kind, ours_out, theirs_out, check)
    qmc = ours_out.get("method") in ("lhs", "sobol")
    source = "aicarbon's percentile_se" if kind == "estimate" else "percentile SEs of an untimed peer run with --se"
    print(f"agreement largest |difference| = {worst:.2f} standard errors at {where} ({compared} values, {source}); "
          f"largest relative difference {relative:.2e}; "
          f"{'ok' if worst < LIMIT else 'MISMATCH'}: under {LIMIT:g}"
          f"{' (tolerance: Monte Carlo standard errors overstate the QMC error)' if qmc else ''}")
    if with_profile:
        profile(ours_command, top)
    print()
    return {"path": name, "samples": n, "ours": ours, "peer": theirs, "speedup": speedup, "cpu_ratio": cpu_ratio,
            "stored_mib": stored, "memory_ratio": ratio, "agreement": worst, "where": where, "relative": relative}


def machine():
    """One line: the date, the CPU, cores, load averages and versions, for the record."""
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    import numpy
    import scipy
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}; {model}, {os.cpu_count()} CPUs; load average {load} "
            f"(1, 5, 15 min) at start; Python {sys.version.split()[0]}, NumPy {numpy.__version__}, SciPy {scipy.__version__}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=None, help="samples for every path (default: per path)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--path", choices=list(PATHS) + ["all"], default="user")
    parser.add_argument("--profile", action="store_true", help="perf record aicarbon on each path and print top symbols")
    parser.add_argument("--top", type=int, default=15, help="symbols to print with --profile")
    args = parser.parse_args()
    if not os.path.exists(AICARBON):
        sys.exit("build first: make release")
    names = list(PATHS) if args.path == "all" else [args.path]
    print(machine())
    rows = [run_path(name, args.samples, args.runs, args.profile, args.top) for name in names]
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if len(rows) > 1:
        print("| path | samples | aicarbon wall | user+sys | peak | peer wall | user+sys | peak | speed-up | CPU ratio "
              "| aicarbon peak / stored | agreement (SE) |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            o, p = r["ours"], r["peer"]
            print(f"| {r['path']} | {r['samples']:,} | {o['wall']:.2f} s | {o['user'] + o['sys']:.2f} s | {o['peak_mib']:.0f} MiB "
                  f"| {p['wall']:.2f} s | {p['user'] + p['sys']:.2f} s | {p['peak_mib']:.0f} MiB | {r['speedup']:.2f}x "
                  f"| {r['cpu_ratio']:.2f}x | {o['peak_mib']:.0f} / {r['stored_mib']:.0f} MiB = {r['memory_ratio']:.2f}x "
                  f"| {r['agreement']:.2f} |")


if __name__ == "__main__":
    main()
