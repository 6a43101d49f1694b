#!/usr/bin/env bash
# scripts/static-cmark.sh FOLDER: prints a PKG_CONFIG_PATH under which SwiftPM
# links libcmark, Source-highlight and Boost regex statically (Debian's .a
# archives), for one-file binaries.
#
# SwiftPM puts pkg-config's flags first on the link line, and Debian's
# libcmark.pc names /usr/lib/x86_64-linux-gnu, where libcmark.so is found
# before libcmark.a. This libcmark.pc names FOLDER instead, which holds only a
# link to libcmark.a, so both -lcmark (pkg-config's and the module map's) find
# the archive. Changing PKG_CONFIG_PATH relinks; it recompiles nothing.
set -euo pipefail
folder=$(mkdir -p "$1" && cd "$1" && pwd)
libdir=$(pkg-config --variable=libdir libcmark)
version=$(pkg-config --modversion libcmark)
includedir=$(pkg-config --variable=includedir libcmark)
if [ ! -f "$libdir/libcmark.a" ]; then
    echo "static-cmark: no $libdir/libcmark.a (Debian's libcmark-dev has it)" >&2
    exit 1
fi
ln -sfn "$libdir/libcmark.a" "$folder/libcmark.a"
# The highlighting engine (GNU Source-highlight, C++) and the Boost regex
# library it uses: the same -L finds their archives first too. libstdc++
# stays shared, as the issue allows.
for library in libsource-highlight.a libboost_regex.a; do
    if [ ! -f "$libdir/$library" ]; then
        echo "static-cmark: no $libdir/$library (Debian's libsource-highlight-dev and libboost-regex-dev have it)" >&2
        exit 1
    fi
    ln -sfn "$libdir/$library" "$folder/$library"
done
cat >"$folder/libcmark.pc.tmp" <<PC
Name: libcmark
Description: libcmark $version from $libdir/libcmark.a, linked statically
Version: $version
Libs: -L$folder -lcmark
Cflags: -I$includedir
PC
mv "$folder/libcmark.pc.tmp" "$folder/libcmark.pc"
echo "$folder"
