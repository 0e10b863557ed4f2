#!/usr/bin/env python3
"""Real ROOT's time to read every histogram: a PyROOT loop calling key.ReadObj() on every
key of every directory (what ROOT-based tools do), timed like ReadBenchmark.

    python3 pyroot_read.py FILE...
"""
import sys
import time

import ROOT

ROOT.gROOT.SetBatch(True)
ROOT.TH1.AddDirectory(False)


def walk(directory):
    count = 0
    for key in directory.GetListOfKeys():
        cls = key.GetClassName()
        if cls.startswith("TDirectory"):
            count += walk(key.ReadObj())
        elif cls.startswith(("TH1", "TH2", "TH3", "TProfile")):
            obj = key.ReadObj()
            obj.Delete()  # ReadObj hands ownership to the caller; keep memory flat
            count += 1
    return count


def main():
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        count = 0
        for path in sys.argv[1:]:
            f = ROOT.TFile.Open(path)
            count += walk(f)
            f.Close()
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print("PyROOT ReadObj every histogram: %.3f s (%d objects, %.1f us each; runs: %s)"
          % (best, count, best / count * 1e6, " ".join("%.3f" % r for r in runs)))


if __name__ == "__main__":
    main()
