#!/usr/bin/env python3
"""Real ROOT's time to read every histogram: a PyROOT loop calling key.ReadObj() on every
key of every directory (what ROOT-based tools do), timed like ReadBenchmark.

    python3 pyroot_read.py FILE...
"""
import sys

import ROOT

from timing import report_best

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


def read_all():
    count = 0
    for path in sys.argv[1:]:
        f = ROOT.TFile.Open(path)
        count += walk(f)
        f.Close()
    return count


if __name__ == "__main__":
    report_best("PyROOT ReadObj every histogram", read_all)
