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

# The main job: a planned 70B model on H100s in the US, then GPT-3 as Patterson et al. 2021 report it.
run: release
	@echo "== A planned model: 70B parameters, 2T tokens, 1,024 x H100 SXM, US grid, 1 billion queries of 500 tokens =="
	@$(AICARBON) estimate --params 70B --tokens 2T --hardware "H100 SXM" --chips 1024 --grid USA \
		--queries 1B --tokens-per-query 500
	@echo
	@echo "== GPT-3 (175B) as Patterson et al. 2021 report it: 10,000 V100 for 14.8 days at 330 W, PUE 1.10, 0.429 kg/kWh =="
	@$(AICARBON) estimate --chips 10000 --days 14.8 --power "330 W" --pue 1.10 --grid "0.429 kg/kWh"
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
