#!/usr/bin/env python3
"""Write, with real ROOT, classes.root: every histogram class the reader models, plus
the layouts it must get right (cycles, nested directories, labels, variable bins, a fit
in fFunctions, classes it must skip); and twoblocks.root: one object over 16 MiB, which
ROOT splits into two compression blocks (no golden: 2.5 M bins are slow to compare); and
profile-statistics.json: GetMean/GetStdDev of every profile's axes and value axis, which
root_dump.py's goldens do not hold.

    python3 make_classes.py DIR && python3 root_dump.py DIR/classes.root | gzip -9 > classes.golden.json.gz
"""
import array
import json
import sys

import ROOT

ROOT.gROOT.SetBatch(True)
ROOT.TH1.AddDirectory(False)
rng = ROOT.TRandom3(11)
f = ROOT.TFile(sys.argv[1] + "/classes.root", "RECREATE", "reader class coverage", 101)

def fill(h, n, dim):
    for _ in range(n):
        args = [rng.Gaus(0, 1) for _ in range(dim)]
        h.Fill(*args)

for dim, axes in ((1, (20, -3, 3)), (2, (10, -3, 3, 8, -3, 3)), (3, (6, -3, 3, 5, -3, 3, 4, -3, 3))):
    for kind in "CSILFD":
        h = getattr(ROOT, "TH%d%s" % (dim, kind))("h%d%s" % (dim, kind), "TH%d%s;x;y" % (dim, kind), *axes)
        fill(h, 500, dim)
        h.Write()

weighted = ROOT.TH1D("weighted", "weighted with Sumw2", 10, 0, 10)
weighted.Sumw2()
for i in range(200):
    weighted.Fill(rng.Uniform(-1, 11), rng.Uniform(0.5, 2.0))
weighted.Write()

variable = ROOT.TH1F("variable", "variable bins", 4, array.array("d", [0, 1, 3, 7, 15]))
fill(variable, 100, 1)
variable.Write()

labelled = ROOT.TH1D("labelled", "labelled", 3, 0, 3)
for i, text in enumerate(("alpha", "beta", "gamma")):
    labelled.GetXaxis().SetBinLabel(i + 1, text)
    labelled.Fill(text, i + 1)
labelled.Write()

ranged = ROOT.TH1D("ranged", "display range set: statistics over bins 5-20", 30, -3, 3)
fill(ranged, 1000, 1)
ranged.GetXaxis().SetRange(5, 20)
ranged.Write()
ranged2 = ROOT.TH2F("ranged2", "y display range set", 10, -3, 3, 8, -3, 3)
fill(ranged2, 1000, 2)
ranged2.GetYaxis().SetRange(2, 6)
ranged2.Write()

fitted = ROOT.TH1D("fitted", "with a fit", 30, -3, 3)
fill(fitted, 1000, 1)
fitted.Fit("gaus", "Q0")
fitted.Write()

for mode in ("", "s", "i", "g"):
    p = ROOT.TProfile("prof" + (mode or "mean"), "profile " + mode, 10, -3, 3, mode)
    for _ in range(300):
        x = rng.Gaus(0, 1)
        p.Fill(x, 2 * x + rng.Gaus(0, 0.5), rng.Uniform(0.5, 1.5) if mode == "s" else 1.0)
    p.Write()
pranged = ROOT.TProfile("pranged", "profile with a display range", 10, -3, 3)
for _ in range(300):
    x = rng.Gaus(0, 1)
    pranged.Fill(x, 2 * x + rng.Gaus(0, 0.5))
pranged.GetXaxis().SetRange(3, 8)
pranged.Write()
p2 = ROOT.TProfile2D("prof2d", "profile 2D", 5, -3, 3, 4, -3, 3)
p2.Sumw2()
for _ in range(300):
    x, y = rng.Gaus(0, 1), rng.Gaus(0, 1)
    p2.Fill(x, y, x + y, rng.Uniform(0.5, 1.5))
p2.Write()
p3 = ROOT.TProfile3D("prof3d", "profile 3D", 3, -3, 3, 3, -3, 3, 3, -3, 3)
for _ in range(300):
    x, y, z = rng.Gaus(0, 1), rng.Gaus(0, 1), rng.Gaus(0, 1)
    p3.Fill(x, y, z, x * y * z)
p3.Write()

cycled = ROOT.TH1F("cycled", "first cycle", 5, 0, 5)
cycled.Fill(1)
cycled.Write()
cycled.Fill(2)
cycled.SetTitle("second cycle")
cycled.Write()

outer = f.mkdir("outer")
inner = outer.mkdir("inner", "nested directory")
inner.cd()
deep = ROOT.TH1F("deep", "in a nested directory", 4, 0, 4)
deep.Fill(1)
deep.Write()
ROOT.TObjString("<deep>i=42</deep>").Write()
graph = ROOT.TGraph(3)
graph.Write("graph")
ROOT.TNamed("named", "a TNamed").Write()
f.cd()
ROOT.TObjString("<me.Chi2Test>qr=st:100:0.87:Comp2RefChi2:ok</me.Chi2Test>").Write()
f.Close()

f = ROOT.TFile(sys.argv[1] + "/twoblocks.root", "RECREATE", "two compression blocks", 101)
big = ROOT.TH1D("twoblocks", "more than 16 MiB: two compression blocks", 2500000, 0, 1)
for i in range(1, 2500001, 99991):
    big.SetBinContent(i, i % 7 + 1)
big.Write()
f.Close()

f = ROOT.TFile(sys.argv[1] + "/classes.root")
statistics = {}
for key in f.GetListOfKeys():
    if key.GetClassName().startswith("TProfile"):
        p = key.ReadObj()
        axes = range(1, p.GetDimension() + 2)
        statistics[key.GetName()] = {"mean": [p.GetMean(i) for i in axes], "stddev": [p.GetStdDev(i) for i in axes]}
with open(sys.argv[1] + "/profile-statistics.json", "w") as out:
    json.dump(statistics, out, indent=1, sort_keys=True)
