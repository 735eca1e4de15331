#!/bin/sh
# SPDX-License-Identifier: MIT
# mkproc.sh SRC DEST: copy the fixture tree SRC to DEST and turn each
# PID/fd.links file ("FD TARGET" per line) into a PID/fd/ directory of
# symlinks, as in /proc. The links are not committed as symlinks because
# `make dist` (tar -h) cannot archive dangling ones like "socket:[1001]".
set -eu
src=$1 dest=$2
mkdir -p "$dest"
cp -R "$src/." "$dest/"
chmod -R u+w "$dest" # a read-only source tree (distcheck) stays copyable
find "$dest" -name fd.links | while read -r links; do
	dir=${links%.links}
	mkdir -p "$dir"
	while read -r fd target; do
		ln -s "$target" "$dir/$fd"
	done <"$links"
	rm -f "$links"
done
