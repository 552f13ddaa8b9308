# Thin wrapper over CMake. `make run` and `make test` work on a fresh Debian 12
# machine: both install what is missing first (scripts/setup.sh).
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
DB         ?= sargs.db
# Warnings are errors in CI (CI=true), plain warnings elsewhere.
WERROR     ?= $(if $(filter true,$(CI)),ON,OFF)

.PHONY: all setup build run test test-release test-asan bench clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DSARGS_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The main job: a demo portfolio in $(DB), scored, monitored (the first
# alerts shown; all of them with `sargs alerts list --db $(DB)`), screened
# against the UN sanctions list kept with the tests (a name query shows how
# a hit explains itself) and summarised.
run: build
	$(BUILD)/sargs demo --db $(DB)
	$(BUILD)/sargs monitor --db $(DB) | head -n 12
	$(BUILD)/sargs lists load --db $(DB) --source un tests/data/sanctions/un_consolidated.xml
	$(BUILD)/sargs screen --db $(DB) --name "Саддам Хусейн" --birth-date 1937-04-28
	$(BUILD)/sargs summary --db $(DB)

test: test-release test-asan

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSARGS_SANITIZE=ON -DSARGS_BENCH=OFF \
	  -DSARGS_WERROR=$(WERROR) >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j$(JOBS)

# Scale benchmarks (slow; not part of `make test`). See docs/benchmarks.md.
bench: build
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
