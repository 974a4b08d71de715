#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The table of issue 11: the example and generated documents side by side
# with their anchors, in CPU time, from alternating runs (min and median).
#
#   bench/table.sh BUILDDIR OUTDIR DOCUMENT...
#
# Run by bench/run.sh (BENCH_TABLE=0 leaves it out). BUILDDIR holds
# src/custos and bench/custos-bench-{bare-window,window,heatmap}. Needs
# xvfb-run when there is no display, /usr/bin/time, xmllint and pdfinfo;
# LibreOffice (soffice) for the report rows' anchor when installed.
# BENCH_RUNS (5) runs of each side, alternating.
set -euo pipefail

build=$1
outdir=$2
shift 2
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
runs=${BENCH_RUNS:-5}
custos=$build/src/custos
bare=$build/bench/custos-bench-bare-window
window=$build/bench/custos-bench-window
heatmap=$build/bench/custos-bench-heatmap

die () { echo "table.sh: $*" >&2; exit 1; }
for exe in "$custos" "$bare" "$window" "$heatmap"; do
  [ -x "$exe" ] || die "no $exe (build first)"
done

# A private display and settings, so that the GUI runs measure the same
# thing on any machine; the cairo renderer, as the test suite uses.
if [ -z "${BENCH_IN_XVFB:-}" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || die "no display and no xvfb-run"
  BENCH_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$build" "$outdir" "$@"
fi
export GSK_RENDERER=${GSK_RENDERER:-cairo} GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data NO_AT_BRIDGE=1
export XDG_DATA_HOME=$outdir/xdg XDG_STATE_HOME=$outdir/xdg XDG_CACHE_HOME=$outdir/xdg XDG_CONFIG_HOME=$outdir/xdg

# shellcheck source=bench/stats.sh
. "$(dirname "${BASH_SOURCE[0]}")/stats.sh"

# cpu CMD...: user + system CPU seconds of a command (output discarded).
cpu () {
  /usr/bin/time -o "$outdir/cpu.log" -f '%U %S' "$@" >/dev/null 2>&1 || die "failed: $*"
  awk '{ printf "%.4f", $1 + $2 }' "$outdir/cpu.log"
}

# first_frame FILE|- [OPTION]: the probe's CPU seconds (custos on FILE, or the
# bare window with OPTION: --adw, --app, see bench/bare-window.c).
first_frame () {
  local line
  if [ "$1" = - ]; then line=$("$bare" ${2:+"$2"}); else line=$(CUSTOS_PROFILE_FIRST_FRAME=1 "$custos" "$1"); fi
  echo "$line" | awk '$1 == "first-frame" { print $5 }'
}

rows=()
row () {  # what document value-min value-median anchor-min anchor-median goal
  rows+=("$(awk -v w="$1" -v d="$2" -v a="$3" -v b="$4" -v c="$5" -v e="$6" -v g="$7" 'BEGIN {
    if (c > 0) printf "| %s | %s | %.3f / %.3f | %.3f / %.3f | %.2f× | %s |", w, d, a, b, c, e, b / e, g;
    else printf "| %s | %s | %.3f / %.3f | — | — | %s |", w, d, a, b, g }')")
}

name_of () { case $1 in *example*|*northwind*) echo example ;; *) basename "$1" .isms | sed 's/bench-//; s/$/ risks/' ;; esac; }

example_ff_median=""
for doc in "$@"; do
  name=$(name_of "$doc")
  echo "measuring $name ..." >&2

  # First frame against the bare window, alternating.
  ff=(); bw=()
  for ((i = 0; i < runs; i++)); do
    ff+=("$(first_frame "$doc")")
    bw+=("$(first_frame -)")
  done
  read -r ff_min ff_med <<<"$(stats "${ff[@]}")"
  read -r bw_min bw_med <<<"$(stats "${bw[@]}")"
  row "first frame, s" "$name" "$ff_min" "$ff_med" "$bw_min" "$bw_med" "≤ 1.5× bare window"
  if [ "$name" = example ]; then
    example_ff_median=$ff_med
    # What of it is the toolkit's fixed cost: libadwaita, then a registered
    # AdwApplication with a header bar (custos alternating with each again).
    for anchor in --adw --app; do
      ff=(); aw=()
      for ((i = 0; i < runs; i++)); do
        ff+=("$(first_frame "$doc")")
        aw+=("$(first_frame - "$anchor")")
      done
      read -r a b <<<"$(stats "${ff[@]}")"
      read -r c e <<<"$(stats "${aw[@]}")"
      case $anchor in
        --adw) what="bare libadwaita window" ;;
        --app) what="bare AdwApplication window" ;;
      esac
      row "first frame vs a $what, s" "$name" "$a" "$b" "$c" "$e" "(what the toolkit costs)"
    done
  fi
  if [ -n "$example_ff_median" ] && [ "$name" != example ]; then
    row "first frame vs the example's" "$name" "$ff_min" "$ff_med" "$example_ff_median" "$example_ff_median" "≤ 2×"
  fi

  # Risks page and search keystrokes: main-thread CPU, from one window per run.
  rs=(); ks=(); km=()
  for ((i = 0; i < runs; i++)); do
    out=$("$window" "$doc" 1 2>/dev/null)
    rs+=("$(echo "$out" | awk '$1 == "risks" { print $2 / 1000 }')")
    ks+=("$(echo "$out" | awk '$1 == "keystroke" { print $2 / 1000 }')")
    km+=("$(echo "$out" | awk '$1 == "keystroke-max" { print $2 / 1000 }')")
  done
  read -r a b <<<"$(stats "${rs[@]}")"; row "switch to Risks, s (main thread)" "$name" "$a" "$b" 0 0 "≤ 0.100"
  read -r a b <<<"$(stats "${ks[@]}")"; row "search keystroke, median, s" "$name" "$a" "$b" 0 0 "≤ 0.016"
  read -r a b <<<"$(stats "${km[@]}")"; row "search keystroke, slowest, s" "$name" "$a" "$b" 0 0 "≤ 0.016"

  # Heatmap redraw at 800×600, static layer cached (as the widget draws).
  hm=()
  for ((i = 0; i < runs; i++)); do
    hm+=("$("$heatmap" "$doc" 100 | awk '/static layer cached/ { print $(NF - 1) / 1000 }')")
  done
  read -r a b <<<"$(stats "${hm[@]}")"; row "heatmap redraw 800×600, s" "$name" "$a" "$b" 0 0 "≤ 0.002"

  # Load: custos --check against xmllint --noout, alternating; and memory.
  ld=(); xl=()
  for ((i = 0; i < runs; i++)); do
    ld+=("$(cpu "$custos" --check "$doc")")
    xl+=("$(cpu xmllint --noout "$doc")")
  done
  read -r l_min l_med <<<"$(stats "${ld[@]}")"
  read -r x_min x_med <<<"$(stats "${xl[@]}")"
  row "load (custos --check), s" "$name" "$l_min" "$l_med" "$x_min" "$x_med" "≤ 3× xmllint"
  /usr/bin/time -o "$outdir/mem.log" -f '%M' "$custos" --check "$doc" >/dev/null 2>&1 || true
  rows+=("| peak memory of the load | $name | $(awk '{ printf "%.0f MB", $1 / 1024 }' "$outdir/mem.log") | | | ≤ 1 GB |")
done

# The reports, measured as they are (their engine is not this table's subject).
soffice=$(command -v soffice || command -v libreoffice || true)
# Without the private display (headless LibreOffice hangs on it), and never for ever.
lo=(env -u DISPLAY timeout 300 "$soffice" -env:UserInstallation="file://$outdir/lo-profile" --headless)
for doc in "$@"; do
  name=$(name_of "$doc")
  case $name in example|"10000 risks") ;; *) continue ;; esac
  report=soa; [ "$name" = example ] || report=risks
  base="$outdir/table-$(basename "$doc" .isms)-$report"
  cs=(); los=()
  "$custos" --export=$report --output="$base.csv" "$doc" >/dev/null
  if [ -n "$soffice" ]; then
    "${lo[@]}" --convert-to pdf --outdir "$outdir/lo" "$base.csv" >/dev/null 2>&1 || true
  fi
  for ((i = 0; i < runs; i++)); do
    cs+=("$(cpu "$custos" --export=$report --output="$base.pdf" "$doc")")
    if [ -n "$soffice" ]; then
      los+=("$(cpu "${lo[@]}" --infilter="CSV:44,34,76,1,1/2" --convert-to pdf --outdir "$outdir/lo" "$base.csv")")
    fi
  done
  read -r c_min c_med <<<"$(stats "${cs[@]}")"
  pages=$(pdfinfo "$base.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  if [ -n "$soffice" ]; then
    read -r o_min o_med <<<"$(stats "${los[@]}")"
    lo_pages=$(pdfinfo "$outdir/lo/$(basename "$base").pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    rows+=("$(awk -v r="$report" -v d="$name" -v a="$c_min" -v b="$c_med" -v c="$o_min" -v e="$o_med" 'BEGIN {
      printf "| %s PDF, s (anchor: LibreOffice printing its CSV; ratio: how many times faster) | %s | %.3f / %.3f | %.3f / %.3f | %.1f× | ≥ 20× (SoA), ≥ 5× (register) |",
             r, d, a, b, c, e, e / b }')")
    rows+=("| $report PDF pages/s | $name | $(awk -v p="$pages" -v t="$c_med" 'BEGIN { printf "%.0f (%d pages)", p / t, p }') | $(awk -v p="$lo_pages" -v t="$o_med" 'BEGIN { printf "%.0f (%d pages)", p / t, p }') | | ≥ 5× LibreOffice |")
  else
    row "$report PDF, s" "$name" "$c_min" "$c_med" 0 0 "(LibreOffice not installed)"
  fi
done

echo
echo "CPU time in seconds, min / median of $runs alternating runs; ratio = median ÷ anchor median."
echo
echo "| what | document | custos min / median | anchor min / median | ratio | goal |"
echo "|---|---|---|---|---|---|"
for r in "${rows[@]}"; do echo "$r"; done
