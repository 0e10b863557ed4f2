#!/usr/bin/env python3
"""uproot's time to read every histogram: values(flow=True) of every TH*/TProfile* in
every directory, timed like ReadBenchmark.

    python3 uproot_read.py FILE...
"""
import sys
import time

import uproot


def main():
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        count = 0
        for path in sys.argv[1:]:
            with uproot.open(path) as f:
                classes = f.classnames(recursive=True)
                for name, cls in classes.items():
                    if cls.startswith(("TH1", "TH2", "TH3", "TProfile")):
                        f[name].values(flow=True)
                        count += 1
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print("uproot values(flow=True) every histogram: %.3f s (%d objects, %.1f us each; runs: %s)"
          % (best, count, best / count * 1e6, " ".join("%.3f" % r for r in runs)))


if __name__ == "__main__":
    main()
