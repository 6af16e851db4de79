#!/usr/bin/env python3
"""vmbcheck's speed and memory against `clang-19 -fsyntax-only` on the same
inputs: a generated translation unit of ~2,000 driver functions and 5 save
callbacks, and all of testdata/. Runs alternate between the two tools; the
medians of wall time and of peak resident memory are printed with ratios.

    bench/bench.py [--runs N] [--build build]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Runs a command in a fresh process and prints the peak RSS over the whole
# process tree: RUSAGE_CHILDREN counts waited-for descendants too, so the
# analysis processes vmbcheck forks are included.
PEAK = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "t = time.perf_counter() - t; "
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, t)")


def measure(cmd, cwd):
    """Wall seconds and peak RSS (MiB, whole process tree) of one run of cmd."""
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True).stdout.split()
    code, peak_kib, elapsed = int(out[0]), int(out[1]), float(out[2])
    if code not in (0, 1, 2):  # 2: testdata/errors holds files that do not compile
        sys.exit(f"{cmd[0]} exited with {code}: {' '.join(cmd)}")
    return elapsed, peak_kib / 1024.0


def instructions(cmd, cwd):
    """Instructions executed by one run of cmd, counted by callgrind: the
    same for the same binary and input whatever the machine's load."""
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out.name, *cmd],
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for line in open(out.name):
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    return None


def compare(name, clang_cmd, tool_cmd, runs, cwd, count_instructions=False):
    results = {"clang": [], "vmbcheck": []}
    measure(clang_cmd, cwd)  # warm the page cache
    measure(tool_cmd, cwd)
    for _ in range(runs):
        results["clang"].append(measure(clang_cmd, cwd))
        results["vmbcheck"].append(measure(tool_cmd, cwd))
    med = {k: (statistics.median(t for t, _ in v), statistics.median(m for _, m in v))
           for k, v in results.items()}
    ct, cm = med["clang"]
    vt, vm = med["vmbcheck"]
    print(f"{name}:")
    print(f"  clang-19 -fsyntax-only  {ct:7.3f} s  {cm:7.1f} MiB")
    print(f"  vmbcheck                {vt:7.3f} s  {vm:7.1f} MiB")
    print(f"  ratio                   {vt / ct:7.2f} x  {vm / cm:7.2f} x   (median of {runs} alternating runs)")
    if count_instructions:
        ci, vi = instructions(clang_cmd, cwd), instructions(tool_cmd, cwd)
        if ci and vi:
            print(f"  instructions            {vi / ci:7.2f} x   ({vi:,} vs {ci:,}, callgrind)")
    return vt / ct, vm / cm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--functions", type=int, default=2000)
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions with valgrind's callgrind (load-independent)")
    args = ap.parse_args()
    tool = os.path.join(args.build, "vmbcheck")
    include = os.path.join(REPO, "testdata", "include")
    flags = ["--target=x86_64-pc-windows-msvc", "-I" + include]

    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "big_driver.c")
        subprocess.check_call([sys.executable, os.path.join(REPO, "bench", "generate.py"), big,
                               str(args.functions)])
        lines = sum(1 for _ in open(big))
        compare(f"generated TU ({args.functions} functions + 5 save callbacks, {lines} lines)",
                ["clang-19", "-fsyntax-only", *flags, big],
                [tool, "-j1", big, "--", *flags], args.runs, tmp, args.instructions)

    cases = []
    for root, _, files in os.walk(os.path.join(REPO, "testdata")):
        if os.sep + "include" in root:
            continue
        cases += [os.path.join(root, f) for f in files if f.endswith(".c")]
    cases.sort()
    # Each case with its own flags file, as vmbcheck sees it.
    compare(f"testdata/ ({len(cases)} files, one process each tool)",
            ["clang-19", "-fsyntax-only", *flags, *cases],
            [tool, "-j1", *cases, "--", *flags], args.runs, REPO)


if __name__ == "__main__":
    main()
