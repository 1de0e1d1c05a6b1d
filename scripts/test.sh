#!/usr/bin/env bash
# Runs the whole test suite. Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port for the storage tests
# (installing the server when it is missing and we are root), and stops it on exit, also on failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf '== %s\n' "$*" >&2; }

as_root() { [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  as_root || { log "cannot install $* (not root)"; return 1; }
  if [ "$apt_updated" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_pg_bin() {
  local dir
  for dir in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

# --- PostgreSQL --------------------------------------------------------------------------------
pg_bin="$(find_pg_bin || true)"
if [ -z "$pg_bin" ]; then
  log "PostgreSQL server not found; installing the Debian package"
  apt_install postgresql || true
  pg_bin="$(find_pg_bin || true)"
fi

pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
}
trap cleanup EXIT

run_pg() {
  # initdb refuses to run as root; the data directory belongs to the postgres user.
  if as_root; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}

if [ -n "$pg_bin" ]; then
  pg_dir="$(mktemp -d /tmp/metrics-pg.XXXXXX)"
  mkdir -p "$pg_dir/data"
  as_root && chown -R postgres: "$pg_dir"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U metrics -E UTF8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export METRICS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=metrics;Database=postgres"
  log "PostgreSQL running on 127.0.0.1:$port"
elif [ "${CI:-}" = "true" ]; then
  log "PostgreSQL is required under CI and could not be installed"; exit 1
else
  log "PostgreSQL not available: the PostgreSQL storage tests will fail"
fi

# --- Packages the tests use (Debian; Playwright never downloads): the browser and fonts for page tests and
# charts (Noto CJK for Chinese text, Liberation Sans for the rest), git for the git history tests and the demo test's fresh copy, sqlite3 for looking into test databases. Asked of dpkg, which knows
# what is installed, and installed only when missing.
missing=()
for package in chromium fonts-noto-cjk fonts-liberation git sqlite3; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}" || log "could not install ${missing[*]}"
fi

# --- Tests ---------------------------------------------------------------------------------------
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
set +e
# Build with both cores, then run the test projects one after another: the browser and multi-worker tests are
# timing-sensitive enough that sharing two cores with another assembly's tests only adds noise.
dotnet build Metrics.sln -nologo -v q
status=$?
if [ "$status" = 0 ]; then
  dotnet test Metrics.sln --no-build -m:1 --logger "trx" --results-directory "$results" "$@"
  status=$?
fi
set -e

# One plain closing line over every test project, for whoever reads only the last line.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
