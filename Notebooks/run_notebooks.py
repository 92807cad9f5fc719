#!/usr/bin/env python3
"""Runs every notebook in this folder headless (nbclient) against the built aicarbon CLI.

Fails (exit 1) when a cell raises, or when a committed notebook holds outputs (they are kept out of
git). The executed copies go to .build/notebooks/, never over the committed files.

Usage (from the repository root, after `make release`):
    python Notebooks/run_notebooks.py [--timeout SECONDS]
"""
import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args()
    binary = ROOT / ".build" / "release" / "aicarbon"
    if "AICARBON" not in os.environ and not binary.exists():
        print(f"error: {binary} not found; run `make release` first", file=sys.stderr)
        return 1
    os.environ.setdefault("AICARBON", str(binary))
    # The kernel draws with IPython's inline backend, so the executed copies keep their figures.
    os.environ.pop("MPLBACKEND", None)
    out = ROOT / ".build" / "notebooks"
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted((ROOT / "Notebooks").glob("*.ipynb"))
    failed = 0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        stored = [c for c in nb.cells if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))]
        if stored:
            print(f"FAIL {path.name}: {len(stored)} cells hold outputs; clear them before committing")
            failed += 1
            continue
        start = time.time()
        # The kernel talks over local sockets (IPC), not TCP.
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(out / f"{path.stem}.kernel"))
        client = NotebookClient(nb, km=manager, timeout=args.timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
            print(f"ok   {path.name} ({time.time() - start:.1f} s)")
        except CellExecutionError as error:
            print(f"FAIL {path.name}: a cell raised\n{error}")
            failed += 1
        finally:
            # Stop the kernel before the next notebook (and before this process exits).
            if manager.has_kernel:
                manager.shutdown_kernel(now=True)
        nbformat.write(nb, out / path.name)
    sys.stdout.flush()
    sys.stderr.flush()
    print(f"{len(notebooks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
