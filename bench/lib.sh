# bench/lib.sh - shell functions shared by the benchmarks (bench/*.sh) and scripts/check-mail.sh.
#
# Source it after `set -euo pipefail`; it defines functions and a few variables only:
#   REPO          repository root (found from this file's location, never a machine path)
#   SHARED_TOOLS  shared test tools, default $REPO/../shared/tools (overridable from the environment)
#   JAR           the executable application jar (INFOLETTRE_JAR overrides)
#   PY            python3 used for JSON (python3 on PATH, else the system /usr/bin/python3)
#   BENCH_SMOKE   1 for a smoke run (see smoke below), inherited by the scripts a benchmark runs
#
# Everything a script starts is registered with on_exit and undone, newest first, by the EXIT trap
# that lib_init installs: a failing or interrupted run leaves no JVM or SMTP sink behind.
# shellcheck shell=bash

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_TOOLS="${SHARED_TOOLS:-$REPO/../shared/tools}"
JAR="${INFOLETTRE_JAR:-$REPO/newsletter-web/target/newsletter-web-0.1.0-SNAPSHOT.jar}"
PY="$(command -v python3 || echo /usr/bin/python3)"

APP_PID=""
APP_PORT=""
APP_LOG=""
APP_PASSWORD="${APP_PASSWORD:-bench-$RANDOM$RANDOM}"

# ------------------------------------------------------------------ messages and exit handling
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

_ON_EXIT=()
EXIT_CODE=0   # set to the script's exit status before the on_exit commands run
# on_exit CMD...: run CMD (one string, eval'd) when the script exits, in reverse order of registration.
on_exit() { _ON_EXIT+=("$*"); }
_run_on_exit() {
  local rc=$? i
  EXIT_CODE=$rc
  trap - EXIT INT TERM
  for ((i = ${#_ON_EXIT[@]} - 1; i >= 0; i--)); do
    eval "${_ON_EXIT[$i]}" || true
  done
  exit "$rc"
}
lib_init() {
  trap _run_on_exit EXIT
  # A signal becomes an ordinary exit, so that the EXIT trap does the cleaning once.
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# ------------------------------------------------------------------ smoke runs
# A smoke run (BENCH_SMOKE=1 in the environment, or --smoke among a benchmark's options) runs the
# whole benchmark at small sizes in seconds, checks no performance goal, and still ends with its
# RESULT line: its figures mean nothing, it only proves the benchmark still runs (bench/smoke.sh).
smoke() { [ "${BENCH_SMOKE:-0}" = 1 ]; }

# smoke_from_args ARG...: a --smoke among the options (those before a "--") makes this a smoke run,
# and the benchmarks it runs in turn too. Call it before the sizes are chosen.
smoke_from_args() {
  local a
  for a in "$@"; do
    [ "$a" = -- ] && break
    [ "$a" = --smoke ] && export BENCH_SMOKE=1
  done
  return 0
}

# ------------------------------------------------------------------ what the machine needs
# ensure_pkgs PKG...: install the missing Debian packages (idempotent; needs root only when
# something is missing). Postfix is preseeded to "No configuration" so no MTA gets set up, and no
# package's daemon starts (a policy-rc.d answering 101, "action forbidden", is in place during the
# install where none is): Debian's nginx would take port 80; a benchmark starts its own servers.
_MADE_POLICY=0
ensure_pkgs() {
  local missing=() p rc=0 policy=/usr/sbin/policy-rc.d
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]} (run as root, or: apt-get install ${missing[*]})"
  log "installing: ${missing[*]}"
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    _MADE_POLICY=1
    on_exit '[ "$_MADE_POLICY" = 1 ] && rm -f /usr/sbin/policy-rc.d'
  fi
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || rc=$?
  if [ "$_MADE_POLICY" = 1 ]; then rm -f "$policy"; _MADE_POLICY=0; fi
  [ "$rc" = 0 ] || die "apt-get install ${missing[*]} failed"
}

# ensure_tools: java (with jcmd/jfr from the same JDK), curl, python3.
ensure_tools() {
  command -v curl >/dev/null || ensure_pkgs curl
  [ -x "$PY" ] || { ensure_pkgs python3; PY=/usr/bin/python3; }
  if ! command -v java >/dev/null || ! command -v jcmd >/dev/null; then
    ensure_pkgs openjdk-17-jdk-headless
  fi
}

# ensure_jar: build the application jar when it is missing (a fresh clone) or older than a source,
# template or build file, so that a benchmark never measures stale code.
ensure_jar() {
  if [ -f "$JAR" ] && [ -z "$(find "$REPO/pom.xml" "$REPO/newsletter-core/src/main" "$REPO/newsletter-web/src/main" \
      "$REPO/templates" "$REPO"/newsletter-*/pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building $JAR (./mvnw -q -B package -DskipTests) ..."
  rm -f "$JAR"
  (cd "$REPO" && ./mvnw -q -B package -DskipTests) >&2 || die "build failed"
  [ -f "$JAR" ] || die "build finished but $JAR is missing"
}

# jar_libs DIR: the application jar's own libraries (the MongoDB driver, mongo-java-server) into
#   DIR, for the programs the benchmarks run from source (java -cp 'DIR/*' bench/X.java).
jar_libs() {
  command -v unzip >/dev/null || ensure_pkgs unzip
  mkdir -p "$1"
  unzip -q -o -j "$JAR" 'BOOT-INF/lib/*.jar' -d "$1"
}

# ------------------------------------------------------------------ ports and processes
# free_port [COUNT]: a loopback TCP port P such that P .. P+COUNT-1 are all free right now.
free_port() {
  "$PY" - "${1:-1}" <<'PY'
import random, socket, sys
count = int(sys.argv[1])
def free(p):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p))
            return True
        except OSError:
            return False
for _ in range(200):
    base = random.randint(20000, 60000 - count)
    if all(free(base + i) for i in range(count)):
        print(base)
        sys.exit(0)
sys.exit("no free port range found")
PY
}

# wait_port PORT TIMEOUT_S: wait until something accepts TCP connections on 127.0.0.1:PORT.
wait_port() {
  local port="$1" deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# stop_pid PID [GRACE_S]: SIGTERM, wait up to GRACE_S (default 30), then SIGKILL. Only that PID.
stop_pid() {
  local pid="$1" grace="${2:-30}" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "process $pid still running after ${grace}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# ------------------------------------------------------------------ the application
# app_start DATA_DIR SMTP_PORT LOG [JVM_OPT... --] [APP_ARG...]
#   Starts the jar in the background on a free port against the SMTP relay 127.0.0.1:SMTP_PORT,
#   with an https public URL (List-Unsubscribe must be https). Sets APP_PID, APP_PORT, APP_LOG.
#   JVM options come before a literal "--", application arguments after it.
app_start() {
  local data_dir="$1" smtp_port="$2"; APP_LOG="$3"; shift 3
  local jvm=() args=()
  if [[ " $* " == *" -- "* ]]; then
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
    shift
  fi
  args=("$@")
  APP_PORT="$(free_port 1)"
  mkdir -p "$data_dir"
  # Run a private copy: a rebuild of target/*.jar during a long run must not pull classes from
  # under the running JVM.
  local jar
  jar="$(dirname "$APP_LOG")/app-$$.jar"
  cp "$JAR" "$jar"
  log "starting the application on port $APP_PORT (data $data_dir, SMTP 127.0.0.1:$smtp_port, log $APP_LOG)"
  java "${jvm[@]}" -jar "$jar" \
    --server.port="$APP_PORT" \
    --newsletter.data-dir="$data_dir" \
    --newsletter.templates.dir="$REPO/templates" \
    --newsletter.admin.password="$APP_PASSWORD" \
    --spring.mail.host=127.0.0.1 \
    --spring.mail.port="$smtp_port" \
    --newsletter.tracking.public-url=https://infolettre.exemple.ca \
    "${args[@]}" </dev/null >"$APP_LOG" 2>&1 &
  APP_PID=$!
  on_exit app_stop
}

# app_wait_ready TIMEOUT_S: wait until GET /login answers 200 and then until an authenticated API
#   call answers 200; fail with the log tail if the JVM dies or time runs out.
#   Why both: Tomcat serves /login before the ApplicationRunners (demo data) and the
#   ApplicationReadyEvent listener that creates the admin account have run; until then the API
#   answers 401 with the right password.
app_wait_ready() {
  local deadline=$((SECONDS + $1)) code url="/login" auth=()
  while [ $SECONDS -lt "$deadline" ]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$APP_LOG" >&2; die "the application exited during startup"; }
    code="$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$APP_PORT$url" || true)"
    if [ "$code" = 200 ]; then
      [ "$url" = /api/v1/issues ] && return 0
      url=/api/v1/issues; auth=(-u "admin:$APP_PASSWORD"); continue
    fi
    sleep 0.5
  done
  tail -40 "$APP_LOG" >&2
  die "the application was not ready after $1 s (last: GET $url -> HTTP $code)"
}

# app_stop: graceful stop (Spring's graceful shutdown, the embedded store commits), then SIGKILL.
app_stop() {
  [ -n "$APP_PID" ] || return 0
  stop_pid "$APP_PID" 40
  APP_PID=""
}

# live_heap_mb PID: the heap in use after a full GC, in MB
live_heap_mb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | "$PY" -c '
import re, sys
m = re.search(r"total (\d+)K, used (\d+)K", sys.stdin.read())
print(round(int(m.group(2)) / 1024))'
}

# ------------------------------------------------------------------ REST API (HTTP Basic, JSON)
# api METHOD PATH [BODY_FILE]: print the response body; die on a non-2xx status (body shown).
#   X-Requested-With: the API refuses a POST without a JSON body unless a script says it is one.
api() {
  local method="$1" path="$2" body="${3:-}" out code
  out="$(mktemp)"
  local opts=(-sS -X "$method" -u "admin:$APP_PASSWORD" -H 'Accept: application/json' -H 'X-Requested-With: bench'
    -o "$out" -w '%{http_code}')
  [ -n "$body" ] && opts+=(-H 'Content-Type: application/json' --data-binary "@$body")
  code="$(curl "${opts[@]}" "http://127.0.0.1:$APP_PORT$path")" || { rm -f "$out"; die "$method $path: curl failed"; }
  if [[ "$code" != 2* ]]; then
    log "$method $path -> HTTP $code: $(head -c 2000 "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# json EXPR: evaluate a Python expression over the JSON document on stdin (bound to `j`).
#   echo '{"a":[1,2]}' | json 'len(j["a"])'   -> 2
json() {
  "$PY" -c 'import json, sys
j = json.load(sys.stdin)
v = eval(sys.argv[1])
print(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else ("" if v is None else v))' "$1"
}

# issue_wait_done ID TIMEOUT_S [POLL_S] [STALL_S]: poll GET /api/v1/issues/ID until SENT or FAILED.
#   Prints the last issue JSON on stdout. Returns 0 on SENT, 1 on FAILED, 3 when the JVM died
#   (the JSON is then the last one seen, or {}), 2 when TIMEOUT_S passed or when nothing moved
#   (status, total, sent, failed, skipped) for
#   STALL_S (default 180): a slow send still finishes, a stuck one fails early.
#   Polling is deliberately slow (default 1 s): every GET aggregates the whole ledger, which
#   competes with the send on a 2-core machine.
issue_wait_done() {
  local id="$1" deadline=$((SECONDS + $2)) poll="${3:-1}" stall="${4:-180}" doc status state last_state=""
  local last_change=$SECONDS last_report=$SECONDS
  while :; do
    if ! doc="$(api GET "/api/v1/issues/$id")"; then
      kill -0 "$APP_PID" 2>/dev/null || { log "the application died while sending"; echo '{}'; return 3; }
      return 1
    fi
    status="$(json 'j["status"]' <<<"$doc")"
    case "$status" in
      SENT) echo "$doc"; return 0 ;;
      FAILED) echo "$doc"; return 1 ;;
    esac
    state="$(json 'j["status"] + " %(total)s %(sent)s %(failed)s %(skipped)s" % j["progress"]' <<<"$doc")"
    [ "$state" != "$last_state" ] && { last_state="$state"; last_change=$SECONDS; }
    if [ $((SECONDS - last_report)) -ge 10 ]; then
      log "  $status $(json '"%(sent)s/%(total)s sent, %(failed)s failed, %(pending)s pending" % j["progress"]' <<<"$doc")"
      last_report=$SECONDS
    fi
    if [ $((SECONDS - last_change)) -ge "$stall" ]; then
      log "no progress for ${stall}s"; echo "$doc"; return 2
    fi
    if [ $SECONDS -ge "$deadline" ]; then log "timeout after $2 s"; echo "$doc"; return 2; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "$doc"; log "the application died while sending"; return 3; }
    sleep "$poll"
  done
}
