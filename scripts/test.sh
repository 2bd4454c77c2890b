#!/usr/bin/env bash
# Set up everything the tests need (venv, dev extras, chromium, CJK font) and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
scripts/system-deps.sh
# lint first (pyflakes rules, config in pyproject.toml): unused or shadowed names fail CI
.venv/bin/ruff check kg loaders queries ontology tests benchmarks scripts
.venv/bin/python -m pytest -q "$@"
