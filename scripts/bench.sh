#!/usr/bin/env bash
# Runs the benchmarks (all, or those named) and prints a Markdown table; docs/benchmarks.md keeps the latest.
# PostgreSQL figures need METRICS_TEST_POSTGRES (a server connection string, as scripts/test.sh exports); without it
# only SQLite is measured. The 10M-row databases are built on first use and kept (artifacts/bench/big.db and the
# PostgreSQL database metrics_bench_big).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for project in src/Metrics.Cli src/Metrics.Web bench/Metrics.Bench; do
  dotnet build -c Release -v q --nologo "$project" >/dev/null
done
exec dotnet bench/Metrics.Bench/bin/Release/net10.0/Metrics.Bench.dll "$@"
