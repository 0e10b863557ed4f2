#!/usr/bin/env python3
"""The baseline for `autodqm compare --all`: a PyROOT loop in RelMon's style.

Opens both files, walks every directory of the data file, reads each histogram and
its namesake in the reference and runs ROOT's Chi2Test on the pair ("UU", or "WW"
when either is weighted: a profile, or entries != sum of weights), counting p < 1e-5
as flagged. No plots. Prints the pair count, flagged count, wall and CPU time of the loop
(file opening included, `import ROOT` excluded).

    pyroot_loop.py DATA.root REF.root
"""
import sys
import time

import ROOT

ROOT.gErrorIgnoreLevel = ROOT.kFatal


def weighted(h):
    return h.InheritsFrom("TProfile") or h.GetEntries() != h.GetSumOfWeights()


def walk(data_dir, ref_dir, counts):
    for key in data_dir.GetListOfKeys():
        name, cls = key.GetName(), key.GetClassName()
        if cls == "TDirectoryFile":
            sub = ref_dir.Get(name)
            if sub:
                walk(data_dir.Get(name), sub, counts)
        elif cls.startswith(("TH", "TProfile")):
            ref = ref_dir.Get(name)
            if not ref:
                continue
            data = key.ReadObj()
            option = "WW" if weighted(data) or weighted(ref) else "UU"
            p = data.Chi2Test(ref, option)
            counts[0] += 1
            counts[1] += p < 1e-5


def main():
    data_path, ref_path = sys.argv[1:3]
    start, cpu = time.perf_counter(), time.process_time()
    data, ref = ROOT.TFile.Open(data_path), ROOT.TFile.Open(ref_path)
    run_dir = lambda f: f.Get("DQMData").Get(f.Get("DQMData").GetListOfKeys()[0].GetName())
    counts = [0, 0]
    walk(run_dir(data), run_dir(ref), counts)
    print(f"{counts[0]} pairs, {counts[1]} flagged (p < 1e-5) in {time.perf_counter() - start:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU (after `import ROOT`)")


if __name__ == "__main__":
    main()
