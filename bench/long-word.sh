#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Wrapping benchmark: the risk assessment report (PDF) of a document whose
# first risk's title is one word without a space, of 64 KiB, 256 KiB and
# 1 MiB (the longest value the loader accepts). Wrapping must be linear in
# the length of the text: goal, under 2 s for 1 MiB.
#
#   bench/long-word.sh [CUSTOS] [OUTDIR] [GENERATOR]
#
# Environment: BENCH_RUNS (default 3; the best time is kept),
# BENCH_WORD_SIZES (default "65536 262144 1048576", in bytes).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
custos=${1:-$here/../build/src/custos}
outdir=${2:-$here/out}
generator=${3:-$(dirname "$custos")/../bench/custos-bench-gen}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_WORD_SIZES:-65536 262144 1048576}

die () { echo "long-word.sh: $*" >&2; exit 1; }

[ -x "$custos" ] || die "no custos binary at $custos (build first, or pass its path)"
[ -x "$generator" ] || die "no generator at $generator (ninja -C build bench/custos-bench-gen)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt install time)"
command -v pdfinfo >/dev/null || die "pdfinfo not found (apt install poppler-utils)"
mkdir -p "$outdir"
export CAIRO_PDF_METADATA_CREATE_DATE=2026-11-01T09:00:00Z

printf '%-10s %8s %8s %8s %9s\n' "word" "pages" "wall s" "user s" "peak MB"
worst=0
for size in $sizes; do
  doc=$outdir/long-word-$size.isms
  pdf=$outdir/long-word-$size.pdf
  "$generator" --risks 20 --long-word "$size" -o "$doc"
  best="" user="" peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %M' -o "$outdir/time.log" "$custos" --export=risks --output="$pdf" "$doc"
    read -r wall u kb < "$outdir/time.log"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall user=$u
    fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  printf '%-10s %8s %8s %8s %9.1f\n' "$((size / 1024)) KiB" "$pages" "$best" "$user" "$(awk -v kb="$peak" 'BEGIN { print kb / 1024 }')"
  worst=$best
done
if awk -v t="$worst" 'BEGIN { exit !(t < 2) }'; then
  echo "goal met: the largest word in under 2 s"
else
  echo "goal missed: the largest word took ${worst} s (goal: under 2 s; on a busy machine, read user s)"
fi
