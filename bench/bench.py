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


# Runs a command in a fresh process and prints its wall time and the largest
# peak RSS of any process in its tree (RUSAGE_CHILDREN covers waited-for
# descendants, so the analysis processes vmbcheck forks count). That is a
# maximum, not a sum: peak_tree_memory() below gives the sum.
PEAK = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "t = time.perf_counter() - t; "
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, t)")


def measure(cmd, cwd):
    """Wall seconds and the largest peak RSS (MiB) in the process tree of one run of cmd."""
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True).stdout.split()
    code, peak_kib, elapsed = int(out[0]), int(out[1]), float(out[2])
    if code not in (0, 1, 2):  # 2: testdata/errors holds files that do not compile
        sys.exit(f"{cmd[0]} exited with {code}: {' '.join(cmd)}")
    return elapsed, peak_kib / 1024.0


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kib(pid):
    """Resident memory of pid and all its descendants, summed, in KiB. Pages
    a forked child shares with its parent (the LLVM libraries) count twice,
    so this is an upper bound of what the tree holds; unlike PSS it does not
    depend on what other processes run."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * PAGE_KIB
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError, IndexError):
            pass  # the process ended meanwhile
    return total


def peak_tree_memory(cmd, cwd):
    """Peak of the whole process tree's summed RSS (MiB), sampled every 2 ms,
    in runs separate from the timed ones."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while p.poll() is None:
        peak = max(peak, tree_rss_kib(p.pid))
        time.sleep(0.002)
    return peak / 1024.0


def instructions(cmd, cwd):
    """Instructions executed by one run of cmd and every process it forks,
    counted by callgrind (one output file per process, summed): the same for
    the same binary and input whatever the machine's load."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=" + os.path.join(out, "cg.%p"), *cmd],
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        total = 0
        for name in os.listdir(out):
            for line in open(os.path.join(out, name)):
                if line.startswith("summary:") or line.startswith("totals:"):
                    total += int(line.split()[1])
                    break
        return total or None


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
    # The whole tree's memory, from a few separate runs.
    tree = {"clang": [], "vmbcheck": []}
    for _ in range(min(runs, 5)):
        tree["clang"].append(peak_tree_memory(clang_cmd, cwd))
        tree["vmbcheck"].append(peak_tree_memory(tool_cmd, cwd))
    cp, vp = statistics.median(tree["clang"]), statistics.median(tree["vmbcheck"])
    print(f"{name}:")
    print(f"  {'':24}{'wall':>9}  {'max RSS':>11}  {'tree RSS':>11}")
    print(f"  clang-19 -fsyntax-only  {ct:7.3f} s  {cm:7.1f} MiB  {cp:7.1f} MiB")
    print(f"  vmbcheck                {vt:7.3f} s  {vm:7.1f} MiB  {vp:7.1f} MiB")
    print(f"  ratio                   {vt / ct:7.2f} x  {vm / cm:7.2f} x    {vp / cp:7.2f} x"
          f"   (medians of {runs} alternating runs; tree RSS of {len(tree['clang'])})")
    if count_instructions:
        ci, vi = instructions(clang_cmd, cwd), instructions(tool_cmd, cwd)
        if ci and vi:
            print(f"  instructions            {vi / ci:7.2f} x   ({vi:,} vs {ci:,}, callgrind)")
    return vt / ct, vm / cm


ENGINE_OFF = "--rules=-VMB001,-VMB002,-VMB003,-VMB004"


def per_callback_ms(tool_cmd, cwd, runs):
    """Milliseconds the path-sensitive engine spends per save callback: the
    median wall time of tool_cmd minus that of the same run with the engine's
    rules switched off (parse and discovery only), divided by the number of
    callbacks --list-callbacks reports."""
    listed = subprocess.run([tool_cmd[0], "--list-callbacks", *tool_cmd[1:]], cwd=cwd,
                            capture_output=True, text=True).stdout
    count = sum(1 for line in listed.splitlines() if line.strip())
    on, off = [], []
    for _ in range(runs):
        on.append(measure(tool_cmd, cwd)[0])
        off.append(measure([tool_cmd[0], ENGINE_OFF, *tool_cmd[1:]], cwd)[0])
    engine = statistics.median(on) - statistics.median(off)
    print(f"  engine per callback     {1000 * engine / max(count, 1):7.1f} ms   "
          f"({count} callbacks; {1000 * engine:.0f} ms with the engine minus without, "
          f"medians of {runs})")


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
        per_callback_ms([tool, "-j1", big, "--", *flags], tmp, args.runs)

    cases = []
    for root, _, files in os.walk(os.path.join(REPO, "testdata")):
        if os.sep + "include" in root:
            continue
        cases += [os.path.join(root, f) for f in files if f.endswith((".c", ".cpp"))]
    cases.sort()
    # Each case with its own flags file, as vmbcheck sees it.
    compare(f"testdata/ ({len(cases)} files, one process each tool)",
            ["clang-19", "-fsyntax-only", *flags, *cases],
            [tool, "-j1", *cases, "--", *flags], args.runs, REPO)
    per_callback_ms([tool, "-j1", *cases, "--", *flags], REPO, args.runs)


if __name__ == "__main__":
    main()
