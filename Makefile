# SPDX-License-Identifier: MIT
#
# A thin wrapper around CMake, so the usual commands are one short word:
#
#   make            build (Release: -O2 -g) into build/
#   make test       build, then run every CTest test
#   make browser-deps  install Chromium for the --explain browser test
#   make demo       build, then run pith on examples/news.html (text, JSON)
#   make bench      build, then run bench/run.sh (speed and peak memory)
#                   and bench/pathological.sh (worst-case pages, timed)
#   make install PREFIX=DIR   install bin/pith, libpith.so, pith.h, pc, man,
#                   and the Python package in PREFIX/lib/python3.X/...
#   make asan       build in build-asan/ with ASan + UBSan and run the tests
#   make leakcheck  run pith under valgrind over the golden and sample pages
#   make fuzz       build the libFuzzer targets (clang) and run each a while
#   make clean      remove build/, build-asan/ and build-fuzz/
#   make format     clang-format the C sources in place
#   make lint       check the formatting (clang-format --dry-run -Werror)
#
# make, make test and make demo first run `deps`, which installs missing
# build dependencies with apt-get on Debian 12 (as root, or via sudo).

BUILD ?= build
ASAN_BUILD ?= build-asan
PREFIX ?= /usr/local
BUILD_TYPE ?= Release
CMAKE ?= cmake
CTEST ?= ctest
CLANG_FORMAT ?= clang-format
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# libc6-dev is listed because gcc only recommends it and recommends are
# not installed.
# cmark-gfm parses the Markdown output back in the golden tests (they skip
# that check, saying so, when it is missing).
# python3-dev builds the Python package (python/); python3-pytest and
# python3-distributed run its tests and the Dask runner (python3 -m
# pith.dask); python3-venv tests `pip install ./python`.
DEB_PACKAGES := cmake gcc libc6-dev make pkg-config libxml2-dev zlib1g-dev \
	libdeflate-dev libuchardet-dev python3 cmark-gfm libcld2-dev g++ python3-dev \
	python3-pytest python3-distributed python3-venv python3-pip

# The Python the package is built and tested for: the system's, whose
# modules `deps` installs (override with PYTHON=/path/to/python3).
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || \
	command -v python3)
PYTHON_FLAGS := $(if $(PYTHON),-DPython3_EXECUTABLE=$(PYTHON))

FORMAT_SOURCES := $(wildcard include/pith/*.h lib/*.c lib/*.h cli/*.c \
	cli/*.h tests/*.c tests/unit/*.c tests/unit/*.h bench/*.c fuzz/*.c fuzz/*.h \
	python/pith/*.c)

# The browser test of the --explain report (tests/browser.sh) needs
# Chromium; it is installed only for that test, by `make browser-deps`
# (which tests/browser.sh runs itself when it is root with apt-get).
BROWSER_PACKAGES := chromium

.PHONY: all build deps browser-deps test demo bench install asan leakcheck fuzz clean \
	format lint

all: build

# Install what is missing, and only that: dpkg -s for each package (a
# removed package whose config files remain is missing), then a single
# apt-get run.  Without dpkg (not Debian) the check is skipped.
deps:
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=""; \
	  for p in $(DEB_PACKAGES); do \
	    dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' \
	      || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then sudo=""; \
	    elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	    else \
	      echo "Missing build dependencies:$$missing" >&2; \
	      echo "Install them as root: apt-get install$$missing" >&2; \
	      exit 1; \
	    fi; \
	    echo "Installing build dependencies:$$missing"; \
	    $$sudo apt-get update && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y \
	      --no-install-recommends $$missing || exit 1; \
	  fi; \
	fi

browser-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BROWSER_PACKAGES)"

# Configure once; later runs only build (CMake re-runs itself when needed).
$(BUILD)/CMakeCache.txt: | deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  $(PYTHON_FLAGS) $(CMAKE_FLAGS)

# MAKEFLAGS is cleared so the generated Makefiles do not print "Entering
# directory" lines as a sub-make would; the job count is passed explicitly.
build: $(BUILD)/CMakeCache.txt
	@MAKEFLAGS= MAKELEVEL= $(CMAKE) --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && $(CTEST) --output-on-failure -j $(JOBS)

demo: build
	@echo "== pith examples/news.html (plain text)"
	@$(BUILD)/pith examples/news.html
	@echo
	@echo "== pith --json examples/news.html (JSON Lines)"
	@$(BUILD)/pith --json examples/news.html

bench: build
	bench/run.sh $(BUILD)
	@echo
	@echo "== pathological pages (full size)"
	bench/pathological.sh $(BUILD)

install: build
	$(CMAKE) --install $(BUILD) --prefix "$(PREFIX)"

# make asan: the whole suite under AddressSanitizer + UBSan, except the
# browser test: it renders the same --explain reports that the golden
# tests already make this build write, and Chromium takes minutes.
asan: deps
	$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Asan $(PYTHON_FLAGS) \
	  $(CMAKE_FLAGS)
	@MAKEFLAGS= MAKELEVEL= $(CMAKE) --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && $(CTEST) --output-on-failure -j $(JOBS) -E '^browser$$'

# make fuzz [FUZZ_SECONDS=N]: build the libFuzzer targets with clang and
# run each for N seconds (default 60).
FUZZ_SECONDS ?= 60
fuzz:
	@$(MAKE) --no-print-directory deps \
	  DEB_PACKAGES="clang libclang-rt-14-dev libxml2-dev zlib1g-dev"
	fuzz/run.sh $(FUZZ_SECONDS)

leakcheck: build
	@command -v valgrind >/dev/null 2>&1 || $(MAKE) --no-print-directory \
	  deps DEB_PACKAGES=valgrind
	tests/leakcheck.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz

format:
	$(CLANG_FORMAT) -i $(FORMAT_SOURCES)

lint:
	$(CLANG_FORMAT) --dry-run -Werror $(FORMAT_SOURCES)
