# AICarbon: the two set-up commands are `make run` (an example, readable output) and `make test`.
# Each installs GSL (libgsl-dev, pkg-config) with apt-get when it is missing.

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
AICARBON := .build/release/aicarbon

.PHONY: run test deps build release validate catalogs clean

deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
		echo "Installing GSL (libgsl-dev, pkg-config) with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgsl-dev pkg-config; \
	fi

build: deps
	swift build

release: deps
	swift build -c release --product aicarbon

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

# Regenerates the bundled catalogs from ../shared/data (needs: pip install pycountry).
catalogs:
	python3 scripts/build_catalogs.py

clean:
	rm -rf .build
