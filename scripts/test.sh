#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test with ctest.
# This is the README's second set-up command and what CI runs.
#
# Then the same suite again under AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer, built by clang in build-sanitize/, every
# fuzz target for FUZZ_SECONDS (default 15) seconds each, and the tests of
# the code that runs on several threads under ThreadSanitizer in
# build-tsan/ (docs/robustness.md). HUBLINT_SANITIZE=0 skips that second
# half.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps
# JavaScript tools the tests run (validators, SARIF consumers), pinned in
# tests/node/package-lock.json.
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHUBLINT_WERROR=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

if [ "${HUBLINT_SANITIZE:-1}" != 0 ]; then
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 \
    -DHUBLINT_FUZZ=ON -DHUBLINT_BUILD_BENCH=OFF
  cmake --build build-sanitize -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"
  FUZZ_PARALLEL=$(nproc) fuzz/run.sh build-sanitize "${FUZZ_SECONDS:-15}"
  # Snapshot reading, the joins and rule evaluation use a second thread.
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_CXX_FLAGS=-fsanitize=thread \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DHUBLINT_BUILD_BENCH=OFF
  tsan_tests="hublint_model_tests hublint_state_tests hublint_rules_tests"
  # shellcheck disable=SC2086
  cmake --build build-tsan -j"$(nproc)" --target $tsan_tests
  TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan \
    --output-on-failure -R "^(${tsan_tests// /|})\$"
fi
