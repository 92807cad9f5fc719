# AICarbon: the two set-up commands are `make run` (an example, readable output) and `make test`.
# Each installs GSL (libgsl-dev, pkg-config) with apt-get when it is missing.

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
AICARBON := .build/release/aicarbon

# Release builds link the Swift runtime and Foundation in (`--static-swift-stdlib`, Linux): the binary needs only GSL
# and the C/C++ runtime, and starts in about 5 ms instead of 14 (no symbols resolved across a dozen shared
# libraries). Every release build of this package uses these flags (`make release`, `make install`, `make benchmark`),
# since a build with other flags in the same folder recompiles everything.
RELEASE := -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)

# `make install` (PREFIX=/usr/local by default; DESTDIR for staging): the release binary; man pages from
# swift-argument-parser's generate-manual plugin; bash, zsh and fish completions; licences.
PREFIX ?= /usr/local
MANUAL := .build/plugins/GenerateManual/outputs/aicarbon
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/aicarbon
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: run test deps build release benchmark validate catalogs catalogs-check clean install uninstall manual charts report-check notebooks

deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing GSL (libgsl-dev, pkg-config) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgsl-dev pkg-config; \
	fi

build: deps
	swift build

release: deps
	swift build $(RELEASE) --product aicarbon

# The benchmark program (Benchmarks/AICarbonBenchmark), built as the release CLI is (on Linux the same as
# `swift build -c release --static-swift-stdlib --product aicarbon-benchmark`); then
# `.build/release/aicarbon-benchmark floor` (or `quantiles`, `tables`, or a sample count).
benchmark: deps
	swift build $(RELEASE) --product aicarbon-benchmark

# The main job: the shipped planned-model scenario (uncertain data centre), GPT-3 as Patterson et al.
# 2021 report it, and the published figures recomputed.
run: release
	@echo "== Scenarios/planned-70b-h100.yaml: a planned 70B model on 1,024 H100, data centre not yet chosen =="
	@$(AICARBON) run Scenarios/planned-70b-h100.yaml
	@echo
	@echo "== Scenarios/gpt3-patterson.yaml: GPT-3 with the inputs Patterson et al. 2021 published =="
	@$(AICARBON) run Scenarios/gpt3-patterson.yaml
	@echo
	@echo "== Published figures recomputed (aicarbon validate) =="
	@$(AICARBON) validate | tail -n 1

# Builds everything, fails on any compiler warning in this package's own sources, then runs the tests.
test: deps
	@swift build --build-tests > .build-warnings.log 2>&1 || { cat .build-warnings.log; exit 1; }
	@cat .build-warnings.log
	@if grep -E "^/.*/(Sources|Tests)/.*: warning:" .build-warnings.log | grep -v "/.build/"; then \
		echo "error: the build has warnings (above)"; exit 1; fi
	@rm -f .build-warnings.log
	swift test

validate: release
	$(AICARBON) validate

# The charts the README shows, made by the CLI (committed; regenerate after a change that moves them).
charts: release
	$(AICARBON) run Scenarios/iea-base-2024-2035.yaml --plot docs/iea-base-energy.svg > /dev/null
	$(AICARBON) run Scenarios/planned-70b-h100.yaml --plot docs/planned-70b-co2e.svg > /dev/null
	$(AICARBON) compare Scenarios/planned-70b-h100.yaml Scenarios/planned-70b-h100.yaml --set-a grid=FRA --set-b grid=DEU \
		--plot docs/planned-70b-fra-deu.svg > /dev/null

# Writes the HTML report of two shipped scenarios and renders each page with headless Chromium to PNG
# (apt-get install chromium), to look at as a reader would: .build/report-check/*.png.
report-check: release
	@mkdir -p .build/report-check
	@command -v chromium > /dev/null || { echo "report-check needs chromium (apt-get install chromium)"; exit 1; }
	@for s in iea-base-2024-2035 planned-70b-h100; do \
		$(AICARBON) report Scenarios/$$s.yaml --output .build/report-check/$$s.html && \
		chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,4000 \
			--screenshot=.build/report-check/$$s.png file://$(CURDIR)/.build/report-check/$$s.html 2>/dev/null && \
		chromium --headless --no-sandbox --disable-gpu --print-to-pdf=.build/report-check/$$s.pdf \
			file://$(CURDIR)/.build/report-check/$$s.html 2>/dev/null || exit 1; \
	done
	@ls -l .build/report-check/*.png .build/report-check/*.pdf

# Runs the three notebooks headless against the release CLI, in a virtual environment with the pinned
# packages of Notebooks/requirements.txt (from PyPI).
NOTEBOOK_VENV := .build/notebooks-venv
notebooks: release
	@test -x $(NOTEBOOK_VENV)/bin/python || python3 -m venv $(NOTEBOOK_VENV)
	@$(NOTEBOOK_VENV)/bin/pip install -q --disable-pip-version-check -r Notebooks/requirements.txt
	$(NOTEBOOK_VENV)/bin/python Notebooks/run_notebooks.py

# Regenerates the embedded catalogs (Sources/AICarbon/Catalog/EmbeddedCatalogs.swift) from data/ and ../shared/data
# (needs: pip install pycountry).
catalogs:
	python3 scripts/build_catalogs.py

# Fails if the embedded catalogs are out of date with data/ and ../shared/data.
catalogs-check:
	python3 scripts/build_catalogs.py --check

# Man pages, one per subcommand, from the command definitions (swift-argument-parser's generate-manual plugin).
manual:
	swift package generate-manual --multi-page

install: release manual
	install -d $(BINDIR) $(MANDIR) $(DOCDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(AICARBON) $(BINDIR)/aicarbon
	install -m 644 $(MANUAL)/*.1 $(MANDIR)/
	$(BINDIR)/aicarbon --generate-completion-script bash > $(BASHDIR)/aicarbon
	$(BINDIR)/aicarbon --generate-completion-script zsh > $(ZSHDIR)/_aicarbon
	$(BINDIR)/aicarbon --generate-completion-script fish > $(FISHDIR)/aicarbon.fish
	install -m 644 LICENSE DATA-LICENSES.md $(DOCDIR)/
	@echo "installed $(BINDIR)/aicarbon ($$($(BINDIR)/aicarbon --version | head -n 1)); man aicarbon"

uninstall:
	rm -f $(BINDIR)/aicarbon $(MANDIR)/aicarbon.1 $(MANDIR)/aicarbon.*.1 $(BASHDIR)/aicarbon $(ZSHDIR)/_aicarbon \
		$(FISHDIR)/aicarbon.fish
	rm -rf $(DOCDIR)

clean:
	rm -rf .build
