#!/usr/bin/env bash
# Installs what hublint needs, builds it, and checks the bundled example
# organization: the findings go to the terminal and a Markdown report to
# hublint-report.md. This is the README's first set-up command.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target hublint
set +e
./build/lint/cli/hublint check --state fixtures/orgs/example.json \
  --format text --format markdown --output hublint-report.md
code=$?
set -e
echo
echo "hublint exited with $code (0 clean, 1 findings, 2 usage or configuration, 3 incomplete state)."
echo "The Markdown report is in hublint-report.md."
