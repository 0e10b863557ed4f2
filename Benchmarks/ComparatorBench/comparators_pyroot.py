#!/usr/bin/env python3
"""The ROOT baseline for the comparators benchmark: a PyROOT loop that opens a data and a
reference DQM file and runs Chi2Test("UU") and KolmogorovTest on every histogram pair
(reading included), best of 3.

    python3 comparators_pyroot.py DATA.root REFERENCE.root
"""
import re
import sys
import time

import ROOT

ROOT.gROOT.SetBatch(True)
ROOT.TH1.AddDirectory(False)
ROOT.gErrorIgnoreLevel = ROOT.kFatal  # Chi2Test warns on every low-count bin


def histogram_paths(directory, prefix=""):
    for key in directory.GetListOfKeys():
        cls = key.GetClassName()
        path = prefix + key.GetName()
        if cls.startswith("TDirectory"):
            yield from histogram_paths(key.ReadObj(), path + "/")
        elif cls.startswith(("TH1", "TH2", "TH3", "TProfile")):
            yield path


def run(data_path, reference_path):
    data_file = ROOT.TFile.Open(data_path)
    reference_file = ROOT.TFile.Open(reference_path)
    data_run = re.search(r"R0*(\d+)__", data_path).group(1)
    reference_run = re.search(r"R0*(\d+)__", reference_path).group(1)
    pairs = 0
    for path in histogram_paths(data_file):
        data = data_file.Get(path)
        reference = reference_file.Get(path.replace("Run %s" % data_run, "Run %s" % reference_run))
        if reference:
            data.Chi2Test(reference, "UU")
            data.KolmogorovTest(reference)
            pairs += 1
            reference.Delete()
        data.Delete()
    data_file.Close()
    reference_file.Close()
    return pairs


def main():
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        pairs = run(sys.argv[1], sys.argv[2])
        runs.append(time.perf_counter() - start)
    print("PyROOT Chi2Test(UU) + KolmogorovTest on every pair: %.3f s (%d pairs; runs: %s)"
          % (min(runs), pairs, " ".join("%.3f" % r for r in runs)))


if __name__ == "__main__":
    main()
