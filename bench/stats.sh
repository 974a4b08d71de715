# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the bench scripts.

# stats VALUE...: "min median"
stats () {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.4f %.4f", v[1], m }'
}
