"""Timing shared by the Python benchmark scripts: best of three runs, wall-clock and CPU
(the machine is shared, so CPU time is the steadier figure), printed like ReadBenchmark."""
import time


def report_best(label, read_all, runs=3):
    """Calls read_all() (which returns the number of objects read) `runs` times."""
    walls, cpus = [], []
    count = 0
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        count = read_all()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu_start)
    print("%-44s wall %7.3f s  cpu %7.3f s  (%d objects, %.1f us cpu each; wall runs: %s)"
          % (label, min(walls), min(cpus), count, min(cpus) / max(count, 1) * 1e6, " ".join("%.3f" % t for t in walls)))
