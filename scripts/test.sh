#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test with ctest.
# This is the README's second set-up command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps
# JavaScript tools the tests run (validators, SARIF consumers), pinned in
# tests/node/package-lock.json.
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHUBLINT_WERROR=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
