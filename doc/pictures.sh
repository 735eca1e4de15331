#!/bin/sh
# SPDX-License-Identifier: MIT
# doc/pictures.sh [PORTSCOPE]: the README's pictures, drawn by `portscope
# map` from the bundled registry: the whole port space (doc/map.png) and
# the registrations per year (doc/years.png).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ps=${1:-$top/build/portscope}
reg=$top/data/service-names-port-numbers.csv
"$ps" --registry "$reg" map --zoom fit --output "$top/doc/map.png"
"$ps" --registry "$reg" map --by-year --output "$top/doc/years.png"
