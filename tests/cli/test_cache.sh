#!/bin/sh
# SPDX-License-Identifier: MIT
# test_cache.sh: compiled images (doc/HACKING.md, "Compiled index"): a warm
# image answers as a parse does; an edit in place of the registry (same
# size, same mtime) answers anew at once; a truncated, bit-flipped,
# version-bumped or foreign-endian image is ignored and rebuilt; two
# processes building at once both answer; no cache directory, or one that
# cannot be written, still answers.
. "$TESTS_DIR/lib.sh"

C="$PORTSCOPE_CACHE_DIR"
R="$TMPD/reg.csv"
cp "$REG" "$R"
# settled (doc/HACKING.md, "Compiled index"): the first image is then the
# one every warm run uses, however long the runs below take
sleep 2.2

# The answers the image must give: stats, free on every transport, and
# lookup of 100 ports, as one text.
answers() {
	"$PORTSCOPE" "$@" --registry "$R" stats
	for p in tcp udp sctp dccp any; do
		"$PORTSCOPE" "$@" --registry "$R" free 0-65535 --proto "$p" | cksum
	done
	"$PORTSCOPE" "$@" --registry "$R" --format csv lookup $(seq 0 661 65535 | head -n 100)
	"$PORTSCOPE" "$@" --registry "$R" lookup 22 80 443 # names from the services files too
}
answers --no-cache >"$TMPD/want" 2>&1
is "--no-cache writes no image" "" "$(ls -A "$C" 2>/dev/null)"

answers >"$TMPD/got" 2>&1
is "cold run: the answers of a parse" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"
img=$(ls "$C"/registry-*.img 2>/dev/null)
is "one registry image written" 1 "$(printf '%s\n' "$img" | grep -c 'registry-.*\.img$')"
is "image mode 0600" 600 "$(stat -c %a "$img")"
is "cache directory mode 0700" 700 "$(stat -c %a "$C")"
ino=$(stat -c %i "$img")
answers >"$TMPD/got" 2>&1
is "warm run: the same answers" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"
is "warm run: the image is used, not written again" "$ino" "$(stat -c %i "$img")"
like "services files get images too" "services-" "$(ls "$C")"

# Damaged images: each is ignored (same answers as a parse) and replaced
# by a good one (a new file, then used as it is).
damage() { # NAME PYTHON-STATEMENT (b is the image as a bytearray)
	python3 -c "import sys
b = bytearray(open(sys.argv[1], 'rb').read())
$2
open(sys.argv[1], 'wb').write(b)" "$img"
	bad=$(stat -c %i "$img")
	answers >"$TMPD/got" 2>&1
	is "$1 image: the answers of a parse" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"
	good=$(stat -c %i "$img")
	"$PORTSCOPE" --registry "$R" stats >/dev/null
	is "$1 image: replaced by a good one" "new, kept" \
		"$([ "$good" != "$bad" ] && echo new), $([ "$good" = "$(stat -c %i "$img")" ] && echo kept)"
}
damage truncated 'del b[len(b) // 2:]'
damage "cut by one byte" 'del b[-1:]'
damage bit-flipped 'b[len(b) // 3] ^= 0x10'
damage "bit-flipped in the header" 'b[40] ^= 0x01'
damage version-bumped 'b[20] += 1'
damage foreign-endian 'b[16:20] = b[16:20][::-1]'
damage empty 'del b[:]'

# lookup checks only the pages it reads (a lazy load): a byte flipped in
# a page that lookup 443 and lookup https never read (5432/tcp's
# description) leaves the image in use and the answers right; lookup 5432
# and lookup postgresql read it, answer as a parse does, and the image is
# rebuilt. The same for a state byte of 443/udp, and for the entries of a
# port in the nmap-services image.
flip() { # IMAGE OFFSET-EXPRESSION (b: the image; sect(i): (offset, length))
	python3 -c "import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
sect = lambda i: struct.unpack_from('=QQ', b, 104 + 16 * i)
def entry(port): # the first entry of port in a services image
    off, n = sect(1)
    return next(off + k for k in range(0, n, 16) if struct.unpack_from('=H', b, off + k)[0] == port)
b[$2] ^= 0x01
open(sys.argv[1], 'wb').write(b)" "$1"
}
lazy() { # DESC IMAGE OFFSET-EXPRESSION UNREAD-ARG READ-ARG
	"$PORTSCOPE" --registry "$R" lookup 1 >/dev/null # every image good
	for q in "$4" "$5"; do
		"$PORTSCOPE" --no-cache --registry "$R" lookup "$q" >"$TMPD/want-$q" 2>&1
	done
	flip "$2" "$3"
	ino=$(stat -c %i "$2")
	"$PORTSCOPE" --registry "$R" lookup "$4" >"$TMPD/got" 2>&1
	is "$1, lookup $4 (never reads it): the answer of a parse" "" \
		"$(cmp "$TMPD/want-$4" "$TMPD/got" 2>&1)"
	is "$1, lookup $4: the image is used, not rebuilt" "$ino" "$(stat -c %i "$2")"
	"$PORTSCOPE" --registry "$R" lookup "$5" >"$TMPD/got" 2>&1
	is "$1, lookup $5 (reads it): the answer of a parse" "" \
		"$(cmp "$TMPD/want-$5" "$TMPD/got" 2>&1)"
	is "$1, lookup $5: the image is rebuilt" new "$([ "$ino" != "$(stat -c %i "$2")" ] && echo new)"
	"$PORTSCOPE" --registry "$R" lookup "$5" >"$TMPD/got" 2>&1
	is "$1, lookup $5 again, from the new image" "" "$(cmp "$TMPD/want-$5" "$TMPD/got" 2>&1)"
}
desc="b.index(b'\\0PostgreSQL Database\\0') + 1"
lazy "5432/tcp's description flipped" "$img" "$desc" 443 5432
lazy "5432/tcp's description flipped" "$img" "$desc" https postgresql
lazy "the state of 443/udp flipped" "$img" "sect(3)[0] + 65536 + 443" 5432 443
nmap_img=$(ls -S "$C"/services-*.img | head -n 1)
if [ -r /usr/share/nmap/nmap-services ]; then
	lazy "nmap-services: an entry of 5432 flipped" "$nmap_img" "entry(5432) + 2" 443 5432
	lazy "nmap-services: an entry of 443 flipped" "$nmap_img" "entry(443) + 2" 5432 443
fi
"$PORTSCOPE" --registry "$R" lookup 1 >/dev/null
flip "$img" "$desc"
run --registry "$R" --format csv lookup 5432 postgresql 443
is "several queries, one page bad: the answers of a parse" \
	"$("$PORTSCOPE" --no-cache --registry "$R" --format csv lookup 5432 postgresql 443)" "$OUT"

# The registry edited in place (the same file): same size, same mtime
# (restored to the nanosecond), new content; port 443's name changes.
# Once just after the copy (the image is of a source still "racy", so
# it is hashed), once when the image was written long after (trusted on
# its identity, which the edit's new ctime changes).
edit_in_place() { # DESC
	"$PORTSCOPE" --registry "$R" stats >/dev/null
	stamp=$(stat -c %y "$R")
	ino=$(stat -c %i "$R")
	python3 -c "import sys
f = open(sys.argv[1], 'r+b'); b = f.read()
i = b.index(b'\nhttps,443,tcp,'); f.seek(i + 5); f.write(b'z'); f.close()" "$R"
	touch -d "$stamp" "$R"
	is "$1: size, mtime and inode kept" "$(stat -L -c %s "$REG") $stamp $ino" \
		"$(stat -c '%s %y %i' "$R")"
	run --registry "$R" --format csv lookup 443
	like "$1: the new name at once" "httpz,443,tcp" "$OUT"
	run --registry "$R" --format csv lookup httpz
	is "$1: the new name is in the name index" 0 "$RC"
	run --registry "$R" --format csv lookup 443
	like "$1: and again from the new image" "httpz,443,tcp" "$OUT"
	cp "$REG" "$R"
}
cp "$REG" "$R"
edit_in_place "edited at once"
cp "$REG" "$R"
"$PORTSCOPE" --registry "$R" stats >/dev/null
sleep 2.2
rm -f "$C"/registry-*.img
edit_in_place "edited long after"

# Two processes building the image at once.
answers --no-cache >"$TMPD/want" 2>&1
rm -rf "$C"
answers >"$TMPD/got1" 2>&1 &
p1=$!
answers >"$TMPD/got2" 2>&1 &
p2=$!
wait $p1
wait $p2
is "two builders at once: the first answers" "" "$(cmp "$TMPD/want" "$TMPD/got1" 2>&1)"
is "two builders at once: the second answers" "" "$(cmp "$TMPD/want" "$TMPD/got2" 2>&1)"
is "two builders at once: no temporary file left" "" "$(ls -A "$C" | grep -v '\.img$')"
answers >"$TMPD/got" 2>&1
is "two builders at once: the image they left answers" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"

# No directory to write: below a file, deep below nothing, on a read-only
# file system.
: >"$TMPD/file"
for d in "$TMPD/file/cache" "$TMPD/no/such/dir" /proc/portscope-cache; do
	PORTSCOPE_CACHE_DIR=$d answers >"$TMPD/got" 2>&1
	is "cache directory $d: the answers of a parse" "" "$(cmp "$TMPD/want" "$TMPD/got" 2>&1)"
done
is "no directories made deep below nothing" no "$([ -e "$TMPD/no" ] && echo yes || echo no)"

# The cache directory is found the XDG way without PORTSCOPE_CACHE_DIR.
(unset PORTSCOPE_CACHE_DIR; XDG_CACHE_HOME="$TMPD/xdg" "$PORTSCOPE" --registry "$R" stats >/dev/null)
like "XDG_CACHE_HOME/portscope holds the image" "registry-" "$(ls "$TMPD/xdg/portscope" 2>/dev/null)"

# An image written while its source was still settling (within 2 s of its
# last change) is used while the window lasts, then written anew once, so
# later runs trust the source's identity again.
cp "$REG" "$R"
rm -f "$C"/registry-*.img
"$PORTSCOPE" --registry "$R" stats >/dev/null
img=$(ls "$C"/registry-*.img)
ino=$(stat -c %i "$img")
"$PORTSCOPE" --registry "$R" stats >/dev/null
is "settling source: its image used as it is" "$ino" "$(stat -c %i "$img")"
sleep 2.2
run --registry "$R" stats
is "settled source: the same answer" "$(sed -n 1,3p "$TMPD/want")" "$(printf '%s\n' "$OUT" | sed -n 1,3p)"
ino2=$(stat -c %i "$img")
is "settled source: the image written anew, once" yes "$([ "$ino2" != "$ino" ] && echo yes || echo no)"
"$PORTSCOPE" --registry "$R" stats >/dev/null
is "settled source: then used as it is" "$ino2" "$(stat -c %i "$img")"
finish
