#!/usr/bin/env bash
# The offline demo in one command, from any folder: builds, starts the fake forge (the essay's catalog with synthetic
# numbers) on a free 127.0.0.1 port, imports the catalog, collects with a progress display, starts the dashboard and
# prints its address. Ctrl+C stops everything it started.
#
#   scripts/demo.sh            run until Ctrl+C
#   scripts/demo.sh --check    collect, fetch every page once, check them, stop (what CI runs); exit 0 when all pass
#   --port N                   the dashboard's port (default: a free one)
#
# It uses the default database (data/metrics.db at the repository root, as the web app and `metrics` do), so the
# dashboard shows the demo's data afterwards too; set ConnectionStrings__Metrics to keep it elsewhere. Its other files
# (logs, the exported CSV) go under data/demo/, which git ignores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
check=0
web_port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --port) web_port="${2:?--port needs a number}"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1 (see scripts/demo.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '== %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
demo="$root/data/demo"
mkdir -p "$demo"

pids=()
stop() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop EXIT
trap 'log "stopping"; exit 130' INT TERM

wait_for() { # url, seconds, what
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 0.25
  done
  log "$3 did not answer at $1 within $2 s (log under $demo)"; return 1
}

log "building (the first time takes a minute or two)"
for project in tests/Metrics.FakeForge src/Metrics.Cli src/Metrics.Web; do
  dotnet build "$project" -nologo -v q -clp:ErrorsOnly >/dev/null || { dotnet build "$project" -nologo -v q -clp:ErrorsOnly; exit 1; }
done
bin() { echo "$root/$1/bin/Debug/net10.0/$2"; }
metrics() { dotnet "$(bin src/Metrics.Cli metrics.dll)" "$@"; }

# The programs are started directly (not through `dotnet run`), so the process id stopped on exit is the program's.
fake_port="$(free_port)"
dotnet "$(bin tests/Metrics.FakeForge Metrics.FakeForge.dll)" --port "$fake_port" --catalog "$root/seeds/projects.json" \
  >"$demo/fake-forge.log" 2>&1 &
pids+=($!)
fake="http://127.0.0.1:$fake_port"
wait_for "$fake/_fake/clock" 60 "the fake forge"
log "fake forge on $fake"

export GitHub__ApiUrl="$fake/github/" GitHub__Token=demo
export Gitee__ApiUrl="$fake/gitee/api/v5/" HuggingFace__ApiUrl="$fake/hf/"
metrics seed
metrics collect || log "some repositories did not collect fully (see the table above)"

web_port="${web_port:-$(free_port)}"
web="http://127.0.0.1:$web_port"
(cd src/Metrics.Web && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$(bin src/Metrics.Web Metrics.Web.dll)" --urls "$web") \
  >"$demo/web.log" 2>&1 &
pids+=($!)
wait_for "$web/health/ready" 120 "the dashboard"

if [ "$check" = 0 ]; then
  printf '\nThe dashboard is on %s (simulated data). Ctrl+C stops the demo.\n' "$web"
  wait "${pids[@]}"
  exit 0
fi

# --- check mode: every page answers, says the data is simulated, and TiDB's milestones are on its chart --------------
failed=0
fetch() { # path, file
  local code
  code="$(curl -s -o "$demo/$2" -w '%{http_code}' "$web$1")"
  if [ "$code" != 200 ]; then log "FAIL $1 answered $code"; failed=1; return 1; fi
  if ! grep -q "Simulated data" "$demo/$2"; then log "FAIL $1 has no \"Simulated data\" banner"; failed=1; return 1; fi
  log "ok   $1"
}
fetch / overview.html || true
fetch "/growth?p=tidb&metric=stars" growth-tidb.html || true
fetch /projects/tidb project-tidb.html || true
fetch "/mirrors?project=oceanbase" mirrors.html || true
fetch /milestones milestones.html || true
fetch /collection collection.html || true
if curl -sf -o "$demo/growth-tidb.svg" "$web/charts/growth.svg?p=tidb&metric=stars"; then log "ok   /charts/growth.svg"; else log "FAIL /charts/growth.svg"; failed=1; fi
if metrics export --dataset stars --project tidb --out "$demo/stars-tidb.csv"; then log "ok   export"; else log "FAIL export"; failed=1; fi
metrics status --offline >"$demo/status.txt" || true
[ "$failed" = 0 ] && log "demo check passed" || log "demo check FAILED"
exit "$failed"
