#!/usr/bin/env python3
"""ROOT's Chi2Test on the fixtures' 3D histograms (pairs.golden.json covers 1D and 2D only):
data run 315705 against reference 315000, options UU, UW, WW, p-value and CHI2/NDF.

Run from the repository root:
    python3 Tests/Fixtures/golden/make_th3_chi2.py > Tests/Fixtures/golden/th3-chi2.golden.json
"""
import json

import ROOT

ROOT.gErrorIgnoreLevel = ROOT.kFatal
base = "Tests/Fixtures/dqm/OfflineData/Run2018/ZeroBias/"
data = ROOT.TFile.Open(base + "0003157xx/DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root")
ref = ROOT.TFile.Open(base + "0003150xx/DQM_V0001_R000315000__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root")


def walk(directory, prefix=""):
    for key in directory.GetListOfKeys():
        path = prefix + key.GetName()
        if key.GetClassName().startswith("TDirectory"):
            yield from walk(key.ReadObj(), path + "/")
        elif key.GetClassName().startswith("TH3"):
            yield path


pairs = []
for path in walk(data):
    relative = path.split("/", 2)[2]
    d, r = data.Get(path), ref.Get("DQMData/Run 315000/" + relative)
    if not r:
        continue
    values = {}
    for option in ["UU", "UW", "WW"]:
        values["chi2_" + option.lower()] = d.Chi2Test(r, option)
        values["chi2ndf_" + option.lower()] = d.Chi2Test(r, option + " CHI2/NDF")
    pairs.append({"path": relative, "class": d.ClassName(), "root": values})
print(json.dumps({"pairs": pairs}, indent=1))
