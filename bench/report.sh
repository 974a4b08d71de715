#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Report benchmark: the certification pack and the Statement of Applicability
# of the example and of a generated 10,000-risk document, side by side with
# LibreOffice printing the same SoA from its CSV export.
#
#   bench/report.sh [CUSTOS] [OUTDIR] [GENERATOR]
#
# CUSTOS     the custos binary (default: build/src/custos)
# OUTDIR     where documents and outputs go (default: bench/out)
# GENERATOR  custos-bench-gen (default: beside CUSTOS, ../bench/custos-bench-gen)
#
# Environment: BENCH_RUNS (default 3; the best time is kept),
# BENCH_REPORT_RISKS (default 10000; sizes of generated documents),
# BENCH_NO_LIBREOFFICE (set to skip LibreOffice). LibreOffice is only a
# baseline for this script (libreoffice-calc-nogui); CI does not need it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
custos=${1:-$here/../build/src/custos}
outdir=${2:-$here/out}
generator=${3:-$(dirname "$custos")/../bench/custos-bench-gen}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_REPORT_RISKS:-10000}
example=$here/../data/examples/northwind-accountants.isms

die () { echo "report.sh: $*" >&2; exit 1; }

[ -x "$custos" ] || die "no custos binary at $custos (build first, or pass its path)"
[ -x "$generator" ] || die "no generator at $generator (ninja -C build bench/custos-bench-gen)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt install time)"
command -v pdfinfo >/dev/null || die "pdfinfo not found (apt install poppler-utils)"
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
export CAIRO_PDF_METADATA_CREATE_DATE=2026-11-01T09:00:00Z

soffice=""
if [ -z "${BENCH_NO_LIBREOFFICE:-}" ]; then
  soffice=$(command -v soffice || command -v libreoffice || true)
fi

# run_best CMD...: sets $best to the best wall time (s) over $runs runs and
# $peak to the largest peak RSS (KiB) seen.
best=0
peak=0
run_best () {
  local t kb i log="$outdir/time.log"
  best=""
  peak=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$log" -f '%e %M' "$@" >/dev/null 2>"$outdir/stderr.log" || { cat "$outdir/stderr.log" >&2; die "failed: $*"; }
    read -r t kb < <(tail -n 1 "$log")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
}

pages_of () { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

rows=()
ratios=()
add_row () {   # document report pages seconds peak_kb
  rows+=("$(awk -v d="$1" -v r="$2" -v p="$3" -v s="$4" -v kb="$5" 'BEGIN {
      printf "%-24s %-22s %7d %9.2f %9.0f %9.1f", d, r, p, s, (s > 0 ? p / s : 0), kb / 1024 }')")
}

docs=("example:$example")
for n in $sizes; do
  doc="$outdir/report-bench-$n.isms"
  "$generator" --risks "$n" --seed 1 -o "$doc" >/dev/null || die "custos-bench-gen fails for $n risks"
  docs+=("$n risks:$doc")
done

if [ -n "$soffice" ]; then
  lo_profile="$outdir/lo-profile"
  lo_env=(-env:UserInstallation=file://$lo_profile)
  # Warm the profile once: the first start of LibreOffice creates it.
  "$soffice" "${lo_env[@]}" --headless --convert-to pdf --outdir "$outdir" "$example" >/dev/null 2>&1 || true
fi

for entry in "${docs[@]}"; do
  name=${entry%%:*}
  doc=${entry#*:}
  base="$outdir/$(basename "$doc" .isms)"

  run_best "$custos" --export=pack --output="$base-pack.pdf" "$doc"
  add_row "$name" "custos pack (PDF)" "$(pages_of "$base-pack.pdf")" "$best" "$peak"

  run_best "$custos" --export=soa --output="$base-soa.pdf" "$doc"
  t_soa=$best
  add_row "$name" "custos SoA (PDF)" "$(pages_of "$base-soa.pdf")" "$t_soa" "$peak"

  run_best "$custos" --export=soa --output="$base-soa.csv" "$doc"
  t_csv=$best
  add_row "$name" "custos SoA (CSV)" 0 "$t_csv" "$peak"

  if [ -n "$soffice" ]; then
    lodir="$outdir/lo"
    mkdir -p "$lodir"
    run_best "$soffice" "${lo_env[@]}" --headless --infilter="CSV:44,34,76,1,1/2" --convert-to pdf \
             --outdir "$lodir" "$base-soa.csv"
    t_lo=$best
    add_row "$name" "LibreOffice SoA CSV→PDF" "$(pages_of "$lodir/$(basename "$base-soa").pdf")" "$t_lo" "$peak"
    ratios+=("$(awk -v d="$name" -v a="$t_soa" -v b="$t_lo" -v c="$t_csv" 'BEGIN {
        printf "%s: LibreOffice printing the SoA CSV takes %.1f x the time custos takes for the SoA PDF (%.1f x counting the CSV export too)",
               d, (a > 0 ? b / a : 0), (a > 0 ? (b + c) / a : 0) }')")
  fi
done

echo "custos:  $custos"
echo "timing:  best of $runs runs, wall clock; peak RSS from /usr/bin/time -f %M"
echo
printf '%-24s %-22s %7s %9s %9s %9s\n' "document" "output" "pages" "seconds" "pages/s" "peak MB"
for row in "${rows[@]}"; do echo "$row"; done
echo
for r in "${ratios[@]}"; do echo "$r"; done
[ -n "$soffice" ] || echo "LibreOffice not found: install libreoffice-calc-nogui for the side-by-side row"
