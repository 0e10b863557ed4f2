"""Timing shared by the Python benchmark scripts: best of three runs, printed like ReadBenchmark."""
import time


def report_best(label, read_all, runs=3):
    """Calls read_all() (which returns the number of objects read) `runs` times."""
    times = []
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        count = read_all()
        times.append(time.perf_counter() - start)
    best = min(times)
    print("%s: %.3f s (%d objects, %.1f us each; runs: %s)"
          % (label, best, count, best / max(count, 1) * 1e6, " ".join("%.3f" % t for t in times)))
