#!/usr/bin/env bash
# scripts/check-binary.sh BINARY [WORK]: checks that BINARY is one file that
# runs without Swift: ldd lists only libc, libm, libstdc++ and libgcc_s (and
# the loader and vDSO); copied alone into an empty folder and run with an
# empty environment (no PATH to Swift, no LD_LIBRARY_PATH), `init` makes a
# site and `build` builds it, highlighting code with no data files. Leaves the site in WORK/site (for the HTML
# checks) when WORK is given. Used by `make dist`.
#
# scripts/check-binary.sh --shared-swift BINARY [WORK]: the same for a binary
# linked against the toolchain's shared Swift runtime (the debug build the
# tests use; Tests/e2e/run.sh), without building the one file again: ldd may
# also list Swift's libraries that --static-swift-stdlib links in (each has
# its archive beside the toolchain's, in swift_static), the three that
# scripts/static-cmark.sh links statically (cmark, Source-highlight, Boost
# regex) and the ICU that Debian's shared Boost regex needs. Anything else
# (libcurl for FoundationNetworking, libxml2 for FoundationXML, a new system
# library) could not be linked into make dist's one file, and fails here.
set -uo pipefail
shared_swift=
if [ "${1:-}" = --shared-swift ]; then
    shared_swift=1
    shift
fi
binary=${1:-}
work=${2:-}
fail() { echo "check-binary: $*" >&2; exit 1; }
[ -x "$binary" ] || fail "no executable $binary"

allowed='^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1)$'
libraries=$(ldd "$binary" | awk '{print $1}')
if [ -z "$shared_swift" ]; then
    unexpected=$(echo "$libraries" | grep -Ev "$allowed")
    [ -z "$unexpected" ] || fail "$binary needs shared libraries beyond libc, libm, libstdc++ and libgcc_s: $(echo $unexpected)"
else
    unexpected=$(ldd "$binary" | awk '{print $1, $3}' | while read -r name path; do
        [[ $name =~ $allowed ]] && continue
        case $name in libcmark.so*|libsource-highlight.so*|libboost_regex.so*|libicu*.so*) continue ;; esac
        case $path in */lib/swift/linux/*) [ -f "${path%/swift/linux/*}/swift_static/linux/${name%%.so*}.a" ] && continue ;; esac
        echo "$name"
    done)
    [ -z "$unexpected" ] || fail "$binary needs shared libraries that make dist could not link into one file: $(echo $unexpected)"
fi

clean=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-binary.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$clean"' EXIT
cp "$binary" "$clean/sitegen" || fail "cannot copy $binary"
# env -i: no PATH (so no swift), no LD_LIBRARY_PATH; the folder holds nothing else.
run() { (cd "$clean" && env -i HOME="$clean" ./sitegen "$@") >"$clean/log" 2>&1 || { cat "$clean/log"; fail "'sitegen $*' failed"; }; }
run --version
run init demo --languages en,nl --title "Check"
run build --source demo --quiet
[ -f "$clean/demo/_site/en/index.html" ] && [ -f "$clean/demo/_site/nl/example/index.html" ] \
    || fail "init then build wrote no en/index.html or nl/example/index.html"
grep -q 'href="[^"]*assets/site\.[0-9a-f]*\.css"' "$clean/demo/_site/en/index.html" \
    || fail "the built page does not link the built-in theme's stylesheet"
# Highlighting uses only the definitions built into the binary: with
# Source-highlight's data folder pointed at an empty one, a Python block is
# still coloured.
run init code --languages en --title "Code"
printf -- '---\ntitle: Code\n---\n\n```python\ndef f(x):\n    return "text"  # note\n```\n' >"$clean/code/content/en/code.md"
mkdir "$clean/empty"
(cd "$clean" && env -i HOME="$clean" SOURCE_HIGHLIGHT_DATADIR="$clean/empty" ./sitegen build --source code --quiet) >"$clean/log" 2>&1 \
    || { cat "$clean/log"; fail "'sitegen build' of a page with code failed"; }
grep -q '<span class="k">def</span>' "$clean/code/_site/en/code/index.html" \
    || fail "a Python block was not highlighted without Source-highlight's data folder"
if [ -n "$work" ]; then
    mkdir -p "$work" && rm -rf "$work/site" && cp -R "$clean/demo/_site" "$work/site" || fail "cannot copy the site to $work"
fi
if [ -n "$shared_swift" ]; then
    echo "check-binary: $binary runs alone but for the toolchain's Swift runtime, which make dist links in; init and build work"
else
    echo "check-binary: $binary runs alone (needs only $(echo "$libraries" | grep -E '^lib' | tr '\n' ' '| sed 's/ $//')); init and build work"
fi
