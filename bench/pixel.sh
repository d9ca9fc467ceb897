#!/bin/bash
# bench/pixel.sh - throughput and latency of the open pixel GET /o/{token}.gif, against nginx.
#
# One run, on its own (installs wrk and nginx from Debian, builds the jar when it is stale):
#   1. starts the shared capturing SMTP sink (mail-sink.sh) and the application (the JVM options
#      docs/operations.md recommends for production: -Xmx2g -XX:+UseShenandoahGC; GC log; no demo data) against it;
#   2. seeds N subscribers through the REST API, creates a small issue for their list, sends it
#      through the real pipeline and waits for SENT;
#   3. takes the pixel path /o/<token>.gif out of every captured message (the HTML part decoded) and
#      checks that there are N distinct ones: N valid tokens, each its own delivery;
#   4. loads the application with wrk (bench/pixel.lua: 2 threads, 16 connections, every request
#      another token, round-robin over a shuffled list): a warm-up of at least 60 s (a fresh JVM is
#      far slower in its first minute), then the measured run, --latency;
#   5. waits for the recorded opens to be flushed (the stored count has stopped moving) and compares
#      the 200 answers with the open events the database stored for the issue
#      (GET /api/v1/issues/{id}/report, field openEvents); counts the warnings the application logged
#      under load;
#   6. stops the application and runs the same wrk settings against Debian's nginx serving a static
#      43-byte GIF at /o/<anything>.gif (private config, loopback port, access log off), the reference.
# hits/s counts 200 answers per second of the measured run; p99 is wrk's 99th percentile latency of
# that run. The last line is always exactly:
#   RESULT hits_per_s=… nginx_hits_per_s=… ratio=… p99_ms=… lost=…
# (ratio = hits_per_s / nginx_hits_per_s; lost = 200 answers during warm-up and measured run minus
# the open events stored; a request in flight when wrk stops may be stored without an answer having
# been counted, so lost can be slightly negative, by at most 2 x connections; "-" with --skip-nginx)
#
# Usage: bench/pixel.sh [--recipients N] [--warmup S] [--duration S] [--connections C]
#                       [--flush-timeout S] [--skip-nginx] [--keep] [--smoke] [-- APP_ARG...]
#   --recipients N    subscribers seeded, messages sent, distinct tokens requested (default 20000)
#   --warmup S        seconds of load on the application before the measured run (default 60)
#   --duration S      seconds of the measured run, on the application and on nginx (default 30)
#   --connections C   wrk connections (default 16; wrk always runs 2 threads: 2 cores here)
#   --flush-timeout S wait at most S seconds after the load for the stored count to stop moving
#                     (default 600; past it the count is taken as it is, with a warning)
#   --skip-nginx      no nginx reference (quick trials): nginx_hits_per_s and ratio print as "-"
#   --keep            keep the work folder (app log, GC log, captured mail, wrk outputs) on success
#   --smoke           a smoke run (bench/lib.sh): 200 tokens, 4 connections, 2 s warm-up, 3 s measured,
#                     1 s on nginx, a minute at most for the flush
#   -- APP_ARG...     extra application arguments
# Environment: SHARED_TOOLS (default $REPO/../shared/tools), BENCH_JAVA_OPTS (extra JVM options),
# BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke_from_args "$@"
if smoke; then
  RECIPIENTS=200; WARMUP=2; DURATION=3; CONNECTIONS=4; NGINX_WARMUP=1; FLUSH_TIMEOUT=60; SETTLE_S=5
else
  RECIPIENTS=20000; WARMUP=60; DURATION=30; CONNECTIONS=16; NGINX_WARMUP=10
  FLUSH_TIMEOUT=600    # seconds to wait for the recorded opens to stop moving after the load
  SETTLE_S=10          # the stored count is final once it has not moved for this long (at least)
fi
THREADS=2            # the machine has 2 cores: wrk competes with the JVM for them
SKIP_NGINX=0
KEEP=0
APP_ARGS=()
BATCH=10000          # subscribers per POST (the API's maximum)
WRK_TIMEOUT=10s      # a slower answer counts as a wrk timeout and is left out of the latencies
EVENTS_FIELD=openEvents   # every open event stored for the issue, repeated opens included
LUA="$REPO/bench/pixel.lua"

while [ $# -gt 0 ]; do
  case "$1" in
    --recipients) RECIPIENTS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --flush-timeout) FLUSH_TIMEOUT="$2"; shift 2 ;;
    --skip-nginx) SKIP_NGINX=1; shift ;;
    --keep) KEEP=1; shift ;;
    --smoke) shift ;;
    --) shift; APP_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,41p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in RECIPIENTS WARMUP DURATION CONNECTIONS FLUSH_TIMEOUT; do
  opt="${v,,}"
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "--${opt//_/-} needs a positive integer"
done
[ "$CONNECTIONS" -ge "$THREADS" ] || die "--connections must be at least $THREADS (one per wrk thread)"
[ "$WARMUP" -ge 60 ] || smoke || log "warning: a warm-up of ${WARMUP}s is under 60 s: the JVM is not warm yet, the numbers are not comparable"

lib_init
WORK="$(mktemp -d -t infolettre-pixel.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; elif [ "$KEEP" != 1 ]; then rm -rf "$WORK"; fi'

# ------------------------------------------------------------------ 0. tools
# Debian's nginx package would start the system-wide nginx (port 80) when it is installed:
# ensure_pkgs lets no daemon start, so that only this script's private nginx ever runs.
ensure_load_tools() {
  local pkgs=(wrk)
  [ "$SKIP_NGINX" = 1 ] || pkgs+=(nginx)
  ensure_pkgs "${pkgs[@]}"
  [ -f "$LUA" ] || die "$LUA is missing"
}

# ------------------------------------------------------------------ 1. sink + application
start_mail_sink() {
  [ -f "$SHARED_TOOLS/mail-sink.sh" ] || die "mail-sink.sh not found in $SHARED_TOOLS (set SHARED_TOOLS)"
  SINK_PORT="$(free_port 1)"
  SINK_PID="$(bash "$SHARED_TOOLS/mail-sink.sh" start --dir "$WORK/mail" --port "$SINK_PORT" --workers 2 \
    --log "$WORK/mail-sink.log")" || die "mail-sink.sh did not start (see $WORK/mail-sink.log)"
  on_exit 'stop_mail_sink'
  log "mail-sink (capturing) on 127.0.0.1:$SINK_PORT, pid $SINK_PID, folder $WORK/mail"
}

stop_mail_sink() {
  [ -n "${SINK_PID:-}" ] || return 0
  bash "$SHARED_TOOLS/mail-sink.sh" stop "$SINK_PID" >/dev/null 2>&1 || true
  SINK_PID=""
}

# The JVM options docs/operations.md recommends for a production node ("Memory and garbage collection"): with
# G1, the embedded database's pages surviving each young collection made 50-100 ms pauses, the tail.
APP_JVM=(-Xmx2g -XX:+UseShenandoahGC)

# The tracking public URL stays lib.sh's https one: only the path /o/<token>.gif is taken from the
# messages, and wrk sends it to the application's own port.
start_app() {
  local jvm=("${APP_JVM[@]}" "-Xlog:gc:file=$WORK/gc.log")
  # shellcheck disable=SC2206  # BENCH_JAVA_OPTS is a space-separated option list on purpose
  [ -n "${BENCH_JAVA_OPTS:-}" ] && jvm+=(${BENCH_JAVA_OPTS})
  app_start "$WORK/data" "$SINK_PORT" "$WORK/app.log" "${jvm[@]}" -- \
    --newsletter.demo.enabled=false "${APP_ARGS[@]}"
  app_wait_ready 180
  log "application ready on port $APP_PORT (pid $APP_PID)"
}

# ------------------------------------------------------------------ 2. subscribers and issue
seed_subscribers() {
  local list="$1" dir="$WORK/batches" f resp added received invalid total=0
  "$PY" - "$RECIPIENTS" "$BATCH" "$list" "$dir" <<'PY'
import json, os, sys
n, batch, list_name, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
first = ["Amélie", "François", "Hélène", "Jérôme", "Zoé", "Noël", "Maëlle", "Loïc", "Béatrice", "Geneviève"]
os.makedirs(out, exist_ok=True)
for b, start in enumerate(range(0, n, batch)):
    items = [{"email": f"lecteur.{i:07d}@membres.example.net", "firstName": first[i % len(first)],
              "lists": [list_name]} for i in range(start, min(n, start + batch))]
    with open(os.path.join(out, f"batch-{b:03d}.json"), "w", encoding="utf-8") as fh:
        json.dump(items, fh, ensure_ascii=False)
PY
  for f in "$dir"/batch-*.json; do
    resp="$(api POST /api/v1/subscribers "$f")" || die "POST /api/v1/subscribers failed ($f)"
    read -r received added invalid < <(json '"%d %d %d" % (j["received"], j["added"], len(j["invalid"]))' <<<"$resp")
    [ "$invalid" = 0 ] && [ "$added" = "$received" ] \
      || die "batch $f: received $received, added $added, invalid: $(json 'j["invalid"][:5]' <<<"$resp")"
    total=$((total + added))
  done
  [ "$total" = "$RECIPIENTS" ] || die "seeded $total subscribers, expected $RECIPIENTS"
  log "seeded $total subscribers in list '$list'"
}

# A short issue: what is measured is the pixel, not the send.
send_issue() {
  local list="$1" doc rc=0
  "$PY" - "$list" "$WORK/issue.json" <<'PY'
import json, sys
list_name, out = sys.argv[1], sys.argv[2]
issue = {"title": "Banc d’essai — pixel d’ouverture",
         "subject": "${firstName!'Membre'}, les nouvelles de la semaine",
         "body": "Bonjour ${firstName!'cher membre'},\n\nVoici les nouvelles de la semaine : le colloque "
                 "annuel aura lieu à Jonquière et les inscriptions sont ouvertes.\n\n"
                 "[Lire la suite](https://exemple.ca/nouvelles)\n\nL’équipe de l’Association",
         "list": list_name}
with open(out, "w", encoding="utf-8") as fh:
    json.dump(issue, fh, ensure_ascii=False)
PY
  doc="$(api POST /api/v1/issues "$WORK/issue.json")" || die "creating the issue failed"
  ISSUE_ID="$(json 'j["id"]' <<<"$doc")"
  log "issue $ISSUE_ID created; sending $RECIPIENTS messages to the capturing sink ..."
  api POST "/api/v1/issues/$ISSUE_ID/send" >/dev/null || die "POST /api/v1/issues/$ISSUE_ID/send was refused"
  doc="$(issue_wait_done "$ISSUE_ID" $((600 + RECIPIENTS / 5)) 2)" || rc=$?
  case "$rc" in
    0) ;;
    3) tail -30 "$APP_LOG" >&2; die "the application process ended during the send" ;;
    *) tail -30 "$APP_LOG" >&2
       die "issue $ISSUE_ID not SENT: status $(json 'j.get("status")' <<<"$doc"), progress $(json 'j.get("progress")' <<<"$doc")" ;;
  esac
  local sent
  sent="$(json 'j["progress"]["sent"]' <<<"$doc")"
  [ "$sent" = "$RECIPIENTS" ] || die "SENT with $sent of $RECIPIENTS sent: $(json 'j["progress"]' <<<"$doc")"
  log "issue $ISSUE_ID SENT to $sent recipients"
}

# ------------------------------------------------------------------ 3. the tokens
# Writes every distinct pixel path found in the captured messages, shuffled, one a line, to
# $WORK/paths.txt; prints "<messages> <distinct paths> <messages without a pixel>".
harvest_paths() {
  "$PY" - "$WORK/mail" "$WORK/paths.txt" <<'PY'
import email, glob, os, random, re, sys
folder, out = sys.argv[1], sys.argv[2]
pixel = re.compile(rb"/o/[A-Za-z0-9_-]+\.gif")
paths, messages, without = set(), 0, 0
for name in glob.glob(os.path.join(folder, "*.eml")):
    with open(name, "rb") as fh:
        msg = email.message_from_binary_file(fh)   # compat32: several times faster than policy.default
    messages += 1
    found = set()
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            found.update(pixel.findall(part.get_payload(decode=True)))   # quoted-printable decoded
    without += not found
    paths.update(found)
paths = sorted(p.decode("ascii") for p in paths)
random.shuffle(paths)
with open(out, "w") as fh:
    fh.write("".join(p + "\n" for p in paths))
print(messages, len(paths), without)
PY
}

# ------------------------------------------------------------------ 4. load
# run_wrk NAME BASE_URL SECONDS: wrk with the common settings; its output goes to $WORK/wrk-NAME.out
# and, indented, to stderr; fills the array W with the key=value pairs of its WRK_RESULT line
# (see bench/pixel.lua).
declare -A W
run_wrk() {
  local name="$1" url="$2" seconds="$3" out="$WORK/wrk-$1.out" line kv
  log "wrk $name: ${THREADS} threads, $CONNECTIONS connections, ${seconds}s against $url ..."
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout "$WRK_TIMEOUT" --latency \
    -s "$LUA" "$url" -- "$WORK/paths.txt" "$THREADS" >"$out" 2>&1 || { cat "$out" >&2; die "wrk $name failed"; }
  grep -v '^WRK_RESULT' "$out" | sed 's/^/  | /' >&2
  line="$(grep '^WRK_RESULT ' "$out" | tail -1)" || die "wrk $name printed no WRK_RESULT line (see $out)"
  for kv in ${line#WRK_RESULT }; do
    W[${kv%%=*}]="${kv#*=}"
  done
  log "wrk $name: ${W[ok]} answers 200, ${W[not_ok]} other statuses, socket errors connect ${W[connect]} read ${W[read]} write ${W[write]} timeout ${W[timeout]}; p99 $(ms "${W[p99_us]}") ms"
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
per_s() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.0f", n / (us / 1e6) }'; }

# ------------------------------------------------------------------ 5. what the database stored
# The report's count of stored open events; dies with a clear message when the field is missing.
open_events() {
  local doc
  doc="$(api GET "/api/v1/issues/$ISSUE_ID/report")" || die "GET /api/v1/issues/$ISSUE_ID/report failed"
  [ "$(json "'$EVENTS_FIELD' in j" <<<"$doc")" = True ] \
    || die "GET /api/v1/issues/{id}/report has no field '$EVENTS_FIELD' (every open event stored, repeated opens included), which this benchmark needs to count lost opens; the report has: $(json 'sorted(j)' <<<"$doc")"
  json "j['$EVENTS_FIELD']" <<<"$doc"
}

# Waits until the write-behind recording has flushed, and prints "<stored open events> <final: 1|0>".
# A backlog is written a batch at a time, and one batch can take seconds on the embedded database,
# so two equal reads do not prove the end: after 3 s the count is read every second, and it is final
# once it has not moved for SETTLE_S seconds, or for twice the longest wait seen between two of its
# moves when that is longer. After --flush-timeout seconds the last count is taken as it is (final 0).
flushed_open_events() {
  local cur next t_change gap longest=0 quiet deadline=$((SECONDS + FLUSH_TIMEOUT)) last_log=$SECONDS
  sleep 3
  cur="$(open_events)"
  t_change=$SECONDS
  while :; do
    sleep 1
    next="$(open_events)"
    if [ "$next" != "$cur" ]; then
      gap=$((SECONDS - t_change))
      [ "$gap" -gt "$longest" ] && longest=$gap
      cur="$next"
      t_change=$SECONDS
    fi
    quiet=$((2 * longest > SETTLE_S ? 2 * longest : SETTLE_S))
    if [ $((SECONDS - t_change)) -ge "$quiet" ]; then
      echo "$cur 1"
      return 0
    fi
    if [ $SECONDS -ge "$deadline" ]; then
      log "warning: the stored open events still moved $((SECONDS - t_change)) s ago, after ${FLUSH_TIMEOUT} s of waiting: the count taken is not final"
      echo "$cur 0"
      return 0
    fi
    if [ $((SECONDS - last_log)) -ge 10 ]; then
      log "  stored open events: $cur (last move $((SECONDS - t_change)) s ago; final after $quiet s without one)"
      last_log=$SECONDS
    fi
  done
}

# ------------------------------------------------------------------ 6. the nginx reference
start_nginx() {
  local dir="$WORK/nginx"
  mkdir -p "$dir/www" "$dir/tmp" "$dir/logs"
  # the classic transparent 1x1 GIF, 43 bytes
  echo R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw== | base64 -d >"$dir/www/pixel.gif"
  [ "$(stat -c %s "$dir/www/pixel.gif")" = 43 ] || die "the reference GIF is not 43 bytes"
  # As root the workers run as nobody: let them reach the file (traverse only, no listing).
  chmod 711 "$WORK" "$dir"
  chmod 755 "$dir/www"
  chmod 644 "$dir/www/pixel.gif"
  NGINX_PORT="$(free_port 1)"
  local user=""
  [ "$(id -u)" = 0 ] && user="user nobody nogroup;"   # the build's default group may not exist
  cat >"$dir/nginx.conf" <<EOF
# private nginx for bench/pixel.sh: one static GIF, loopback only
$user
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $dir/www;
        location ~ ^/o/[^/]+\.gif\$ {
            default_type image/gif;
            add_header Cache-Control no-store;
            try_files /pixel.gif =404;
        }
    }
}
EOF
  nginx -t -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" >"$dir/logs/test.log" 2>&1 \
    || { cat "$dir/logs/test.log" >&2; die "nginx refused its configuration"; }
  nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" </dev/null >"$dir/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  on_exit 'stop_pid "$NGINX_PID" 10'
  wait_port "$NGINX_PORT" 10 || { cat "$dir/logs/error.log" >&2; die "nginx did not start on port $NGINX_PORT"; }
  local probe
  probe="$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}' \
    "http://127.0.0.1:$NGINX_PORT$(head -1 "$WORK/paths.txt")")"
  [ "$probe" = "200 43 image/gif" ] || die "nginx answered '$probe' instead of '200 43 image/gif'"
  log "nginx $(nginx -v 2>&1 | sed 's/.*\///') on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID), 2 workers"
}

# ------------------------------------------------------------------ main
main() {
  ensure_tools
  ensure_load_tools
  ensure_jar
  log "work folder: $WORK; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPU(s)"

  start_mail_sink
  start_app
  local list
  list="pixel-$(date +%Y%m%d%H%M%S)-$$"
  seed_subscribers "$list"
  send_issue "$list"

  local messages distinct without
  read -r messages distinct without < <(harvest_paths)
  log "captured $messages messages; $distinct distinct pixel paths; $without messages without a pixel"
  [ "$messages" = "$RECIPIENTS" ] || die "captured $messages messages, expected $RECIPIENTS"
  [ "$distinct" = "$RECIPIENTS" ] || die "found $distinct distinct pixel paths in $messages messages, expected $RECIPIENTS"
  stop_mail_sink

  # Fails here, before minutes of load, when the report cannot tell the stored events.
  local before
  before="$(open_events)"
  [ "$before" = 0 ] || die "the issue already has $before open events before any request"

  # One request by hand: a token must open (200, a GIF) before minutes of load are spent on it.
  local probe app_url="http://127.0.0.1:$APP_PORT"
  probe="$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}' "$app_url$(head -1 "$WORK/paths.txt")")"
  [[ "$probe" == "200 "*" image/gif" ]] || die "GET $(head -1 "$WORK/paths.txt") answered '$probe' instead of 200 image/gif"
  local app_gif_bytes
  app_gif_bytes="$(cut -d' ' -f2 <<<"$probe")"
  log "probe: a pixel answers $probe"

  local log_mark
  log_mark="$(wc -l <"$APP_LOG")"
  run_wrk app-warmup "$app_url" "$WARMUP"
  local warm_ok=${W[ok]} warm_not_ok=${W[not_ok]} warm_err=$((W[connect] + W[read] + W[write] + W[timeout]))
  local warm_rate
  warm_rate="$(per_s "${W[ok]}" "${W[duration_us]}")"
  run_wrk app "$app_url" "$DURATION"
  local ok=${W[ok]} not_ok=${W[not_ok]} err_connect=${W[connect]} err_read=${W[read]} err_write=${W[write]} err_timeout=${W[timeout]}
  local hits p50 p90 p99 p999 max bytes_per
  hits="$(per_s "${W[ok]}" "${W[duration_us]}")"
  p50="$(ms "${W[p50_us]}")"; p90="$(ms "${W[p90_us]}")"; p99="$(ms "${W[p99_us]}")"; p999="$(ms "${W[p999_us]}")"; max="$(ms "${W[max_us]}")"
  bytes_per="$(awk -v b="${W[bytes]}" -v n="${W[requests]}" 'BEGIN { printf "%.0f", n ? b / n : 0 }')"

  local answered=$((1 + warm_ok + ok)) stored lost
  log "load over; waiting for the recorded opens to be flushed ..."
  local final
  read -r stored final < <(flushed_open_events)
  [ -n "$stored" ] || die "could not read the stored open events"
  lost=$((answered - stored))
  # wrk stops with up to one request in flight per connection: stored, but never counted as answered.
  [ "$lost" -ge $((-2 * CONNECTIONS)) ] \
    || log "warning: $((-lost)) more open events stored than answered, beyond the $((2 * CONNECTIONS)) requests that can be in flight when wrk stops: did something else request pixels?"
  log "answered 200: $answered (probe 1, warm-up $warm_ok, measured $ok); $EVENTS_FIELD stored: $stored$([ "$final" = 1 ] || echo ' (NOT final)'); lost $lost"
  # What the application said under load (and while flushing): WARN and ERROR lines.
  local warnings last_warning
  warnings="$(tail -n +"$((log_mark + 1))" "$APP_LOG" | grep -cE '^[0-9][^ ]* +(WARN|ERROR) ' || true)"
  last_warning="$(tail -n +"$((log_mark + 1))" "$APP_LOG" | grep -E '^[0-9][^ ]* +(WARN|ERROR) ' | tail -1 | cut -c1-240 || true)"
  [ "$warnings" = 0 ] || log "the application logged $warnings WARN/ERROR lines under load; the last: $last_warning"
  app_stop   # nginx gets the machine to itself, as the application had

  local nginx_hits="-" ratio="-" n_p50="-" n_p99="-" n_err="-"
  if [ "$SKIP_NGINX" = 0 ]; then
    start_nginx
    run_wrk nginx-warmup "http://127.0.0.1:$NGINX_PORT" "$NGINX_WARMUP"
    run_wrk nginx "http://127.0.0.1:$NGINX_PORT" "$DURATION"
    nginx_hits="$(per_s "${W[ok]}" "${W[duration_us]}")"
    n_p50="$(ms "${W[p50_us]}")"; n_p99="$(ms "${W[p99_us]}")"
    n_err="$((W[not_ok] + W[connect] + W[read] + W[write] + W[timeout]))"
    ratio="$(awk -v a="$hits" -v b="$nginx_hits" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    stop_pid "$NGINX_PID" 10
  fi

  echo
  echo "== Infolettre open-pixel benchmark: $RECIPIENTS distinct tokens, wrk $THREADS threads x $CONNECTIONS connections, warm-up ${WARMUP} s + ${DURATION} s measured, $(nproc) CPU(s), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "application (${APP_JVM[*]}${BENCH_JAVA_OPTS:+ $BENCH_JAVA_OPTS}, embedded database unless an APP_ARG says otherwise):"
  echo "  measured run:     $hits hits/s (200 answers), latency p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, p99.9 $p999 ms, max $max ms"
  echo "                    $not_ok other statuses; socket errors connect $err_connect, read $err_read, write $err_write, timeout (> $WRK_TIMEOUT) $err_timeout; ~$bytes_per bytes a response, headers included; GIF $app_gif_bytes bytes"
  echo "  warm-up:          $warm_rate hits/s over ${WARMUP} s; $warm_not_ok other statuses, $warm_err socket errors"
  echo "  open events:      $answered answered 200 (probe, warm-up, measured run), $stored stored ($EVENTS_FIELD after the flush$([ "$final" = 1 ] || echo ', NOT final: still moving at --flush-timeout')): lost $lost"
  echo "  application log:  $warnings WARN/ERROR lines from the warm-up on${last_warning:+; the last: $last_warning}"
  if [ "$SKIP_NGINX" = 0 ]; then
    echo "nginx (static 43-byte GIF, 2 workers, access log off, warm-up ${NGINX_WARMUP} s):"
    echo "  measured run:     $nginx_hits hits/s, latency p50 $n_p50 ms, p99 $n_p99 ms; $n_err errors or other statuses"
  else
    echo "nginx:              skipped (--skip-nginx)"
  fi
  echo "targets:            ratio >= 0.25: $ratio; p99 < 10 ms: $p99; nothing lost (lost <= 0; down to -$((2 * CONNECTIONS)) are requests in flight when wrk stopped): $lost"
  [ "$KEEP" = 1 ] && echo "work folder kept (app log, GC log, captured mail, wrk outputs): $WORK"
  echo
  echo "RESULT hits_per_s=$hits nginx_hits_per_s=$nginx_hits ratio=$ratio p99_ms=$p99 lost=$lost"
}

main
