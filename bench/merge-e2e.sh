#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# custos --diff and --merge end to end (start-up, loads, save, exit) against
# a load, custos --check, in wall and CPU time (user + system), from
# alternating runs (min and median); the goal of issue 14 is at most 2× each.
#
#   bench/merge-e2e.sh BUILDDIR OUTDIR DOCUMENT...
#
# Run by bench/run.sh. Each DOCUMENT is the common ancestor; custos-bench-diff
# derives the two sides from it (see bench/custos-bench-diff.c) and prints
# its in-process figures. Then, BENCH_RUNS (5) times each, alternating:
#   custos --check BASE
#   custos --diff BASE OURS
#   custos --merge BASE OURS THEIRS   (on a fresh copy of OURS)
# Needs /usr/bin/time.
set -euo pipefail

build=$1
outdir=$2
shift 2
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
runs=${BENCH_RUNS:-5}
custos=$build/src/custos
diffbench=$build/bench/custos-bench-diff

die () { echo "merge-e2e.sh: $*" >&2; exit 1; }
for exe in "$custos" "$diffbench"; do
  [ -x "$exe" ] || die "no $exe (build first)"
done
# shellcheck source=bench/stats.sh
. "$(dirname "${BASH_SOURCE[0]}")/stats.sh"

# timed CMD...: "wall cpu" seconds. Exit status 1 is an answer ("different",
# "conflicts", "findings"), not a failure.
timed () {
  local start end rc=0
  start=$(date +%s%N)
  /usr/bin/time -o "$outdir/time.log" -f '%U %S' "$@" >/dev/null 2>&1 || rc=$?
  end=$(date +%s%N)
  [ "$rc" -le 1 ] || die "failed with status $rc: $*"
  # The last line: time first says "Command exited with non-zero status 1".
  tail -n 1 "$outdir/time.log" | awk -v ns=$((end - start)) '{ printf "%.4f %.4f", ns / 1e9, $1 + $2 }'
}

rows=()
for doc in "$@"; do
  name=$(basename "$doc" .isms | sed 's/bench-//; s/$/ risks/')
  sides=$outdir/sides-$(basename "$doc" .isms)
  mkdir -p "$sides"
  printf '%s, in process: ' "$name"
  "$diffbench" "$doc" "$runs" "$sides"

  declare -A wall=() cpu=()
  for ((i = 0; i < runs; i++)); do
    cp "$sides/ours.isms" "$sides/merged.isms"
    rm -f "$sides/merged.isms.bak"
    for what in check diff merge; do
      case $what in
        check) read -r w c <<<"$(timed "$custos" --check "$doc")" ;;
        diff) read -r w c <<<"$(timed "$custos" --diff "$doc" "$sides/ours.isms")" ;;
        merge) read -r w c <<<"$(timed "$custos" --merge "$doc" "$sides/merged.isms" "$sides/theirs.isms")" ;;
      esac
      wall[$what]+="$w "
      cpu[$what]+="$c "
    done
  done
  # shellcheck disable=SC2086 # the lists are meant to split
  read -r _ cw_med <<<"$(stats ${wall[check]})"
  # shellcheck disable=SC2086
  read -r _ cc_med <<<"$(stats ${cpu[check]})"
  for what in check diff merge; do
    # shellcheck disable=SC2086
    read -r w_min w_med <<<"$(stats ${wall[$what]})"
    # shellcheck disable=SC2086
    read -r c_min c_med <<<"$(stats ${cpu[$what]})"
    rows+=("$(awk -v what="custos --$what" -v d="$name" -v a="$w_min" -v b="$w_med" -v c="$c_min" -v e="$c_med" \
                  -v cw="$cw_med" -v cc="$cc_med" -v anchor="$([ "$what" = check ] && echo 1 || echo 0)" 'BEGIN {
      rw = b / cw; rc = e / cc
      verdict = anchor ? "(the load)" : sprintf("≤ 2×: wall %s, CPU %s", rw <= 2 ? "ok" : "MISSED", rc <= 2 ? "ok" : "MISSED")
      printf "| %s | %s | %.3f / %.3f | %.3f / %.3f | %.2f× | %.2f× | %s |", what, d, a, b, c, e, rw, rc, verdict }')")
  done
  unset wall cpu
done

echo
echo "end to end, $runs alternating runs; ratios of the medians to custos --check's:"
echo
echo "| command | document | wall s min / median | CPU s min / median | wall ÷ check | CPU ÷ check | goal |"
echo "|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do echo "$row"; done
