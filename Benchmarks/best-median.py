#!/usr/bin/env python3
"""Best and median of repeated measurements, for the Benchmarks/ scripts.

Reads lines "CASE VALUE" (any number of rounds, in any order) from the file given and prints one line per
case, in order of first appearance: best, median and every value. `--higher-is-better` for rates (paths/s),
else lower is better (seconds).
"""
import statistics
import sys

higher = "--higher-is-better" in sys.argv[1:]
path = [a for a in sys.argv[1:] if not a.startswith("--")][0]
values = {}
for line in open(path):
    if line.strip():
        case, value = line.rsplit(maxsplit=1)
        values.setdefault(case, []).append(float(value))
width = max((len(c) for c in values), default=0)
for case, v in values.items():
    best = max(v) if higher else min(v)
    shown = ", ".join(f"{x:,.0f}" if higher else f"{x:.3f}" for x in v)
    if higher:
        print(f"{case:{width}}  best {best:>12,.0f}  median {statistics.median(v):>12,.0f}  ({shown})")
    else:
        print(f"{case:{width}}  best {best:.3f} s  median {statistics.median(v):.3f} s  ({shown})")
