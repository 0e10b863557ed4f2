#!/usr/bin/env python3
"""uproot's time to read every histogram: values(flow=True) of every TH*/TProfile* in
every directory, timed like ReadBenchmark.

    python3 uproot_read.py FILE...
"""
import sys

import uproot

from timing import report_best


def read_all():
    count = 0
    for path in sys.argv[1:]:
        with uproot.open(path) as f:
            for name, cls in f.classnames(recursive=True).items():
                if cls.startswith(("TH1", "TH2", "TH3", "TProfile")):
                    f[name].values(flow=True)
                    count += 1
    return count


if __name__ == "__main__":
    report_best("uproot values(flow=True) every histogram", read_all)
