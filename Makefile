# `make` builds build/khaldun (Release). `make test` is the whole test suite, as CI runs it.
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 60
# Only the fuzz targets (and the libraries they link) are built with clang: CI time is builds.
FUZZ_TARGETS := $(basename $(notdir $(wildcard fuzz/*_fuzz.cc)))

.PHONY: all release test test-release test-asan fuzz bench format format-check clean

all: release

release:
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	ninja -C build -j $(JOBS) khaldun

test: format-check test-release test-asan fuzz

test-release: release
	ninja -C build -j $(JOBS)
	ctest --test-dir build --output-on-failure -j $(JOBS)

test-asan:
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DKHALDUN_SANITIZE=ON \
	  -DKHALDUN_BENCH=OFF >/dev/null
	ninja -C build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

fuzz:
	CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHALDUN_FUZZ=ON \
	  -DKHALDUN_TESTS=OFF -DKHALDUN_BENCH=OFF >/dev/null
	ninja -C build-fuzz -j $(JOBS) $(FUZZ_TARGETS)
	scripts/run-fuzzers build-fuzz $(FUZZ_SECONDS)

bench: release
	ninja -C build -j $(JOBS)
	scripts/bench

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build build-asan build-fuzz
