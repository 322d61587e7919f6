#!/usr/bin/env python3
"""Runs a command and samples its resident memory (VmRSS) every second until it exits, to show
whether a long ingest stays flat (issue 4: "memory flat over a 1 GB WARC").

usage: RssSample.py OUT.tsv COMMAND [ARGS...]
Writes "seconds<TAB>rss_mib" lines to OUT.tsv, then prints min / median / max, the medians of
the first and last thirds of the run, and the least-squares slope in MiB per minute. The first
10 seconds (start-up, model loading) are left out of the summary, not of the file. The command's
stdout and stderr pass through. Exit status: the command's."""
import os, statistics, subprocess, sys, time


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main():
    out_path, cmd = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    samples = []
    with open(out_path, "w") as out:
        out.write("seconds\trss_mib\n")
        while proc.poll() is None:
            # The launcher execs dotnet, so the pid is the analysing process itself.
            r = rss_mib(proc.pid)
            t = time.monotonic() - start
            if r is not None:
                samples.append((t, r))
                out.write(f"{t:.1f}\t{r:.1f}\n")
                out.flush()
            time.sleep(1.0)
    steady = [(t, r) for t, r in samples if t >= 10] or samples
    if not steady:
        print("rss: no samples", file=sys.stderr)
        return proc.returncode
    values = [r for _, r in steady]
    third = max(1, len(steady) // 3)
    first, last = [r for _, r in steady[:third]], [r for _, r in steady[-third:]]
    n = len(steady)
    mt = sum(t for t, _ in steady) / n
    mr = sum(values) / n
    var = sum((t - mt) ** 2 for t, _ in steady)
    slope = sum((t - mt) * (r - mr) for t, r in steady) / var * 60 if var > 0 else 0.0
    print(f"rss: {len(samples)} samples over {samples[-1][0]:.0f} s; from 10 s on: min {min(values):.0f} MiB, "
          f"median {statistics.median(values):.0f} MiB, max {max(values):.0f} MiB; first third median "
          f"{statistics.median(first):.0f} MiB, last third {statistics.median(last):.0f} MiB; slope {slope:+.1f} MiB/min",
          file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
