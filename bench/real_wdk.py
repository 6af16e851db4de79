#!/usr/bin/env python3
"""Runs every testdata case twice - against vmbcheck's own test headers and
against the real WDK headers - and compares the findings (rule, line).

The real headers are not redistributable and are never committed; lay them
out with ../shared/corpus/setup.sh (it writes corpus/_headers/), then:

    bench/real_wdk.py --corpus /work/corpus [--build build] [--verbose]

Cases under testdata/errors and testdata/fuzz are left out (they are broken
on purpose). A case "differs" when the two runs report different findings;
"does not compile" when the real headers reject it (the cases include
vmbuskernelmodeclientlibapi.h only, so wdm.h is force-included as drivers
include it first). Exit status 0 when every compiling case agrees.
"""
import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def real_flags(corpus, shim):
    h = os.path.join(corpus, "_headers")
    return ["--target=x86_64-pc-windows-msvc", "-fms-extensions", "-fms-compatibility",
            "-fms-compatibility-version=19.40", "-Wno-error=invalid-token-paste",
            "-Wno-error=incompatible-function-pointer-types", "-Wno-error=implicit-int",
            "-Wno-error=int-conversion", "-Wno-error=return-mismatch",
            "-D_KERNEL_MODE", "-D_WIN64", "-D_AMD64_", "-DAMD64", "-DWINNT=1",
            "-D_WIN32_WINNT=0x0A00", "-DWINVER=0x0A00", "-DNTDDI_VERSION=0x0A000004",
            "-DKMDF_VERSION_MAJOR=1", "-DKMDF_VERSION_MINOR=33",
            # the case's own directory first, for the multi-file cases' headers
            "-isystem", os.path.join(h, "kmcl_overlay"),
            "-isystem", os.path.join(h, "wdf", "kmdf", "1.33"),
            "-isystem", os.path.join(shim, "wdk"), "-isystem", os.path.join(shim, "common"),
            "-isystem", os.path.join(h, "wdk", "km", "crt"),
            "-isystem", os.path.join(h, "wdk", "km"), "-isystem", os.path.join(h, "wdk", "shared"),
            "-include", os.path.join(shim, "common", "km_shim_pre.h"), "-include", "ntifs.h"]


def cases():
    root = os.path.join(REPO, "testdata")
    for group in sorted(os.listdir(root)):
        d = os.path.join(root, group)
        if group in ("include", "errors", "fuzz") or not os.path.isdir(d):
            continue
        for entry in sorted(os.listdir(d)):
            p = os.path.join(d, entry)
            if os.path.isdir(p):
                files = sorted(os.path.join(p, f) for f in os.listdir(p)
                               if f.endswith((".c", ".cpp")))
                if files:
                    yield f"{group}/{entry}", files
            elif entry.endswith((".c", ".cpp")):
                yield f"{group}/{os.path.splitext(entry)[0]}", [p]


def run(tool, files, extra):
    cmd = [tool, "--format=sarif", *files]
    if extra is not None:
        dirs = sorted({os.path.dirname(f) for f in files})
        cmd += ["--", *[a for d in dirs for a in ("-I", d)], *extra]
    r = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    try:
        sarif = json.loads(r.stdout)
    except json.JSONDecodeError:
        return r.returncode, None, r.stderr
    found = set()
    for res in sarif["runs"][0].get("results", []):
        loc = res["locations"][0]["physicalLocation"]
        found.add((res["ruleId"], os.path.basename(loc["artifactLocation"]["uri"]),
                   loc["region"]["startLine"]))
    errors = [n["message"]["text"] for inv in sarif["runs"][0].get("invocations", [])
              for n in inv.get("toolExecutionNotifications", []) if n.get("level") == "error"]
    return r.returncode, found, "\n".join(errors)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="folder setup.sh laid out (holds _headers/)")
    ap.add_argument("--shim", default=os.path.join(REPO, "..", "shared", "corpus", "shim"))
    ap.add_argument("--build", default=os.path.join(REPO, "build"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    tool = os.path.join(args.build, "vmbcheck")
    flags = real_flags(os.path.abspath(args.corpus), os.path.abspath(args.shim))

    def both(case):
        name, files = case
        return name, run(tool, files, None), run(tool, files, flags)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(both, cases()))
    same = differ = broken = 0
    findings = 0
    for name, (_, ours, _), (code, real, err) in results:
        if real is None or err:
            broken += 1
            print(f"does not compile with the real headers: {name}: {err.splitlines()[0] if err else code}")
            continue
        findings += len(real)
        if ours == real:
            same += 1
            if args.verbose:
                print(f"same: {name} ({len(real)} findings)")
        else:
            differ += 1
            print(f"differs: {name}: only with test headers {sorted(ours - real)}; "
                  f"only with real headers {sorted(real - ours)}")
    total = same + differ + broken
    print(f"{total} cases: {same} same findings, {differ} differ, {broken} do not compile "
          f"with the real headers; {findings} findings with the real headers")
    return 0 if differ == 0 and broken == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
