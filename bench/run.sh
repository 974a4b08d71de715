#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Load and save benchmark of the custos command line against xmllint.
#
#   bench/run.sh [CUSTOS] [OUTDIR] [GENERATOR]
#
# CUSTOS     the custos binary (default: build/src/custos beside this folder)
# OUTDIR     where the generated documents and outputs go (default: bench/out)
# GENERATOR  the document generator built from bench/custos-bench-gen.c
#            (default: bench/custos-bench-gen in the build folder of CUSTOS)
#
# Generates documents with 1,000, 10,000 and 100,000 risks (custos-bench-gen;
# set BENCH_SIZES="1000 10000" to choose others), then times, best of
# BENCH_RUNS (default 5) runs each:
#   xmllint --noout FILE            the bare libxml2 parse
#   custos --check FILE             load and validate
#   custos --output=OUT FILE        load and save
# and measures the peak resident memory of custos with /usr/bin/time.
# Uses hyperfine when it is installed, /usr/bin/time otherwise. Builds nothing.
# Then bench/merge-e2e.sh times --diff and --merge in process and end to end
# against a load, and bench/table.sh prints the table of issue 11 for the example and the
# same documents (first frame, Risks page, search, heatmap, load, reports;
# BENCH_TABLE=0 leaves it out).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
custos=${1:-$here/../build/src/custos}
outdir=${2:-$here/out}
# build/src/custos -> build/bench/custos-bench-gen
generator=${3:-$(dirname "$custos")/../bench/custos-bench-gen}
io=${4:-$(dirname "$custos")/../bench/custos-bench-io}
diffbench=$(dirname "$io")/custos-bench-diff
sizes=${BENCH_SIZES:-1000 10000 100000}
runs=${BENCH_RUNS:-5}
python=${PYTHON:-python3}

die () { echo "run.sh: $*" >&2; exit 1; }

[ -x "$custos" ] || die "no custos binary at $custos (build first, or pass its path)"
[ -x "$generator" ] || die "no custos-bench-gen at $generator (build first, or pass its path as the third argument)"
command -v xmllint >/dev/null || die "xmllint not found (apt install libxml2-utils)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt install time)"
custos=$(cd "$(dirname "$custos")" && pwd)/$(basename "$custos")
generator=$(cd "$(dirname "$generator")" && pwd)/$(basename "$generator")
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

have_hyperfine=false
if command -v hyperfine >/dev/null && [ -z "${BENCH_NO_HYPERFINE:-}" ]; then
  have_hyperfine=true
  # Only to read hyperfine's JSON export.
  command -v "$python" >/dev/null || die "$python not found (needed with hyperfine; or set BENCH_NO_HYPERFINE=1)"
fi

# best_of CMD...: prints the best wall time in seconds over $runs runs.
best_of () {
  if $have_hyperfine; then
    local json="$outdir/hyperfine.json" cmd="" arg
    for arg in "$@"; do cmd+=" $(printf '%q' "$arg")"; done
    if ! hyperfine -N --style none --runs "$runs" --warmup 1 --export-json "$json" "${cmd# }" \
           >/dev/null 2>"$outdir/hyperfine.log"; then
      cat "$outdir/hyperfine.log" >&2
      die "failed: $*"
    fi
    "$python" -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["min"])' "$json"
  else
    local best="" t i
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -o "$outdir/time.log" -f '%e' "$@" >/dev/null 2>&1 || die "failed: $*"
      t=$(tail -n 1 "$outdir/time.log")
      if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
  fi
}

# peak_kb CMD...: peak resident set size in KiB.
peak_kb () {
  local log="$outdir/time.log"
  /usr/bin/time -o "$log" -f '%M' "$@" >/dev/null 2>&1 || die "failed: $*"
  tail -n 1 "$log"
}

echo "custos:  $custos"
echo "gen:     $generator"
echo "timing:  best of $runs runs ($($have_hyperfine && echo hyperfine || echo /usr/bin/time))"
echo

rows=()
verdicts=()
for n in $sizes; do
  doc="$outdir/bench-$n.isms"
  out="$outdir/bench-$n.out.isms"
  "$generator" --risks "$n" --seed 1 -o "$doc" || die "custos-bench-gen fails for $n risks"

  # One plain run of each first, so a failure shows its message.
  xmllint --noout "$doc" || die "xmllint rejects $doc"
  "$custos" --check "$doc" >/dev/null || die "custos --check fails on $doc"
  "$custos" --output="$out" "$doc" >/dev/null || die "custos --output fails on $doc"
  if ! cmp -s "$doc" "$out"; then
    echo "note: the round trip of $doc is not byte-identical (see: diff $doc $out)" >&2
  fi

  t_xml=$(best_of xmllint --noout "$doc")
  t_check=$(best_of "$custos" --check "$doc")
  t_out=$(best_of "$custos" --output="$out" "$doc")
  kb_check=$(peak_kb "$custos" --check "$doc")
  kb_out=$(peak_kb "$custos" --output="$out" "$doc")
  kb=$(( kb_check > kb_out ? kb_check : kb_out ))
  bytes=$(stat -c %s "$doc")

  rows+=("$(awk -v bytes="$bytes" -v n="$n" -v x="$t_xml" -v c="$t_check" -v o="$t_out" -v kb="$kb" 'BEGIN {
      save = o - c; if (save < 0) save = 0;
      printf "%8.1f %8d %10.3f %9.3f %8.2f %9.3f %9.3f %8.2f %8.1f",
             bytes / 1048576, n, x, c, (x > 0 ? c / x : 0), o, save, (c > 0 ? save / c : 0), kb / 1024 }')")

  if [ "$n" -ge 10000 ]; then
    verdicts+=("$(awk -v n="$n" -v x="$t_xml" -v c="$t_check" -v o="$t_out" -v kb="$kb" 'BEGIN {
        save = o - c; if (save < 0) save = 0;
        printf "%d risks: load %.2f x xmllint (goal <= 3): %s; save %.3f s vs load %.3f s (goal save <= load): %s; peak %.1f MB (goal <= 100): %s",
               n, (x > 0 ? c / x : 0), (c <= 3 * x ? "ok" : "MISSED"), save, c, (save <= c ? "ok" : "MISSED"),
               kb / 1024, (kb / 1024 <= 100 ? "ok" : "MISSED") }')")
  fi
done

printf '%8s %8s %10s %9s %8s %9s %9s %8s %8s\n' \
  "size MB" "risks" "xmllint s" "check s" "chk/xml" "output s" "save s" "save/ld" "peak MB"
for row in "${rows[@]}"; do echo "$row"; done
echo
echo "save s = output s - check s; --check also runs the readiness check, so this"
echo "under-states saving: the in-process figures below time load and save alone."
for v in "${verdicts[@]}"; do echo "$v"; done
if [ -x "$io" ]; then
  echo
  echo "in process (custos_file_load and custos_file_save, best of $runs):"
  for n in $sizes; do
    printf '%8d risks: ' "$n"
    "$io" "$outdir/bench-$n.isms" "$runs"
  done
fi
if [ -x "$diffbench" ]; then
  echo
  echo "diff and merge (custos_diff_new and custos_merge in process, best of $runs, then end to end):"
  docs=()
  for n in $sizes; do docs+=("$outdir/bench-$n.isms"); done
  "$here/merge-e2e.sh" "$(dirname "$custos")/.." "$outdir" "${docs[@]}"
fi

if [ "${BENCH_TABLE:-1}" != 0 ]; then
  docs=("$here/../data/examples/northwind-accountants.isms")
  for n in $sizes; do docs+=("$outdir/bench-$n.isms"); done
  echo
  "$here/table.sh" "$(dirname "$custos")/.." "$outdir" "${docs[@]}"
fi
