#!/bin/sh
# Bounded fuzzing of the whole pipeline.
#   checker/fuzz/run.sh <build-dir> [seconds] [corpus-dir]
# The build directory must be configured with -DVMBCHECK_FUZZ=ON (and,
# usefully, -DVMBCHECK_SANITIZE=ON). The corpus starts from testdata/ and
# grows in corpus-dir (default <build-dir>/fuzz-corpus), so repeated runs
# continue where the last one stopped. A crash, leak, sanitizer report or
# hang (an input over 60 s) stops the run with a non-zero exit and leaves the
# input in <build-dir>/fuzz-artifacts/: add it to testdata/ as a case.
set -eu
build=${1:?usage: run.sh <build-dir> [seconds] [corpus-dir]}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${3:-$build/fuzz-corpus}
mkdir -p "$corpus" "$build/fuzz-artifacts"
# Sanitizer reports name source lines; leaks are checked per input.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$build/vmbcheck_fuzz" \
  -max_total_time="$seconds" -timeout=60 -rss_limit_mb=6144 -max_len=65536 \
  -dict="$here/vmbcheck.dict" -artifact_prefix="$build/fuzz-artifacts/" \
  -print_final_stats=1 \
  "$corpus" "$root/testdata"
