# Set-up, build and test in one command each (see README.md). The build itself is CMake;
# this file only installs what is missing and drives it.
BUILD_DIR ?= build
HALINT_WERROR ?= OFF
JOBS ?= $(shell nproc)
PACKAGES := cmake ninja-build g++ pkg-config libyaml-cpp-dev nlohmann-json3-dev libre2-dev \
            libcli11-dev libgtest-dev

.PHONY: all deps configure build example test test-sanitize clean

all: build

# Installs the Debian packages that are missing (apt-get needs root, or sudo).
deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing missing packages:" $$missing; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=; \
	elif command -v sudo >/dev/null; then sudo=sudo; \
	else echo "error: packages missing ($$missing) and not root; install them as root or with sudo" >&2; exit 1; fi; \
	$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DHALINT_WERROR=$(HALINT_WERROR)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# A demo: halint exits 1 when it reports findings, which must not fail the make.
example: build
	$(BUILD_DIR)/halint examples/three-tier.yaml || [ $$? -eq 1 ]

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer (CI runs it).
test-sanitize: deps
	cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHALINT_SANITIZE=ON \
	  -DHALINT_WERROR=$(HALINT_WERROR)
	cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) build-sanitize
