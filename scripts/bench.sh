#!/usr/bin/env bash
# Runs the benchmarks (all, or those named) and prints a Markdown table; docs/benchmarks.md keeps the latest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run -c Release --project bench/Metrics.Bench -- "$@"
