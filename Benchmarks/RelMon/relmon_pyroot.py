#!/usr/bin/env python3
"""RelMon's per-histogram test loop on PyROOT, as the baseline for `autodqm relmon`.

Walks DQMData/Run N of both files, pairs keys by name and applies RelMon's rules
(utils.py, described in shared/reference/relmon.md section 1) with ROOT's own
Chi2Test / KolmogorovTest. `--json` writes every pair's rank, status and Chi2 option:
the golden `Tests/Fixtures/golden/relmon.golden.json.gz` is made this way.

    relmon_pyroot.py TEST.root REF.root [--test chi2|ks] [--threshold 1e-5]
                     [--filled-bins all|x] [--chi2-only] [--json OUT]

`--chi2-only` skips RelMon's Python loops over bins (empty check, absval, filled-bin
count) and only calls Chi2Test with RelMon's option choice: the cheapest PyROOT loop.
"""
import argparse
import json
import sys
import time

import ROOT

ROOT.gErrorIgnoreLevel = ROOT.kFatal


def run_directory(tfile):
    top = tfile.Get("DQMData") or tfile
    runs = [k.GetName() for k in top.GetListOfKeys() if k.GetName().startswith("Run ")]
    return top.Get(runs[-1]) if runs else top


def global_bins(h):
    """Every global bin, under/overflow included, on every axis."""
    n = h.GetNbinsX() + 2
    if h.GetDimension() > 1:
        n *= h.GetNbinsY() + 2
    if h.GetDimension() > 2:
        n *= h.GetNbinsZ() + 2
    return n


def weighted(h):
    return h.InheritsFrom("TProfile") or h.GetEntries() != h.GetSumOfWeights()


def absolute_values(h):
    # RelMon's absval(): SetBinContent also bumps the entry count, which later changes
    # the weighted/unweighted decision; keep that, it is what RelMon does.
    for i in range(global_bins(h)):
        c = h.GetBinContent(i)
        if c < 0:
            h.SetBinContent(i, -c)
        if h.GetBinError(i) == 0 and c != 0:
            h.SetBinContent(i, 0)


def filled(h, all_axes):
    n = global_bins(h) if all_axes else h.GetNbinsX() + 2
    return sum(1 for i in range(n) if h.GetBinContent(i) > 0)


def chi2_only(h1, h2):
    w1, w2 = weighted(h1), weighted(h2)
    if w1 and w2:
        return h1.Chi2Test(h2, "WW"), "WW"
    if not w1 and not w2:
        return h1.Chi2Test(h2, "UU"), "UU"
    if not w1:
        return h1.Chi2Test(h2, "UW"), "UW"
    return h2.Chi2Test(h1, "UW"), "UW swapped"


def rank_of(test, h1, h2, all_axes):
    """(rank, chi2 option or pre-check note)."""
    if h1.ClassName() != h2.ClassName():
        return -104.0, "differentTypes"
    empty1 = all(h1.GetBinContent(i) == 0 for i in range(global_bins(h1)))
    empty2 = all(h2.GetBinContent(i) == 0 for i in range(global_bins(h2)))
    if empty1 and empty2:
        return 1.0, "bothEmpty"
    if empty1 or empty2:
        return 0.0, "oneEmpty"
    if global_bins(h1) != global_bins(h2):
        return -103.0, "differentBinning"
    if test == "ks":
        for h in (h1, h2):
            if h.GetSumw2().GetSize() == 0:
                h.Sumw2()
        return h1.KolmogorovTest(h2), "ks"
    absolute_values(h1)
    absolute_values(h2)
    if filled(h1, all_axes) < 3 and filled(h2, all_axes) < 3:
        return 1.0, "fewFilledBins"
    w1, w2 = weighted(h1), weighted(h2)
    if w1 and w2:
        return h1.Chi2Test(h2, "WW"), "WW"
    if not w1 and not w2:
        return h1.Chi2Test(h2, "UU"), "UU"
    if not w1:
        return h1.Chi2Test(h2, "UW"), "UW"
    return h2.Chi2Test(h1, "UW"), "UW swapped"


def walk(d1, d2, path, out, args):
    keys2 = {k.GetName(): k for k in d2.GetListOfKeys()}
    for key in d1.GetListOfKeys():
        name, cls = key.GetName(), key.GetClassName()
        other = keys2.get(name)
        if other is None:
            continue
        sub = f"{path}/{name}" if path else name
        if cls == "TDirectoryFile" and other.GetClassName() == "TDirectoryFile":
            walk(d1.Get(name), d2.Get(name), sub, out, args)
        elif cls.startswith(("TH", "TPr")) and other.GetClassName().startswith(("TH", "TPr")):
            h1, h2 = key.ReadObj(), other.ReadObj()
            if args.chi2_only:
                rank, how = chi2_only(h1, h2)
            else:
                rank, how = rank_of(args.test, h1, h2, args.filled_bins == "all")
            status = "null" if rank < 0 else ("fail" if rank < args.threshold else "success")
            out.append({"path": sub, "class": cls, "rank": rank, "how": how, "status": status})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("test_file")
    parser.add_argument("reference")
    parser.add_argument("--test", dest="test", default="chi2", choices=["chi2", "ks"])
    parser.add_argument("--threshold", type=float, default=1e-5)
    parser.add_argument("--filled-bins", default="all", choices=["all", "x"])
    parser.add_argument("--chi2-only", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    start, cpu = time.perf_counter(), time.process_time()
    f1, f2 = ROOT.TFile.Open(args.test_file), ROOT.TFile.Open(args.reference)
    out = []
    walk(run_directory(f1), run_directory(f2), "", out, args)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    counts = {s: sum(1 for o in out if o["status"] == s) for s in ("success", "fail", "null")}
    print(f"{len(out)} pairs in {elapsed:.2f} s wall, {cpu:.2f} s cpu: {counts}", file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"test": args.test, "threshold": args.threshold, "filledBins": args.filled_bins,
                       "pairs": out}, f, indent=0)


if __name__ == "__main__":
    main()
