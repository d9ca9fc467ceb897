#!/bin/bash
# bench/report.sh - how fast an issue's report answers for a million deliveries and a million opens.
#
# One run, on its own (builds the jar when it is stale):
#   1. starts a MongoDB-wire server (mongo-java-server in memory, bench/MongoWireServer.java run from
#      source with the jar's libraries) on a free loopback port, as the real MongoDB would be, and the
#      application (-Xmx256m, no demo data) against it, on another free port;
#   2. creates an issue through the REST API, then writes its data straight into the database with
#      bulk inserts: N ledger entries as a send leaves them (sent, failures, firsts: seen, read,
#      clicked, per link) and OPENS raw open and click events in buckets of 5,000, as the open writer
#      stores them (ReportBenchData.java says the proportions);
#   3. POST /api/v1/issues/{id}/report/rebuild: the report counters from the ledger and the raw
#      events (timed: rebuild_s), and checks that the report's readers are the generator's;
#   4. measures, one request at a time over one kept-alive connection, after a warm-up:
#      GET /admin/issues/{id}/report (the admin page, rendered: figures, chart data, links) and
#      GET /api/v1/issues/{id}/report (JSON), R requests each; median, 95th and 99th percentiles.
# The report reads the counters (two documents by id and the issue), never the events: its time
# does not grow with the issue. The breakdowns by attribute (loaded after the page) walk the ledger
# and are not part of this measure.
# The last line is always exactly:
#   RESULT report_ms=… page_p50_ms=… page_p99_ms=… api_p50_ms=… api_p95_ms=… api_p99_ms=… rebuild_s=…
# report_ms is the admin page's 95th percentile (the goal: under 50 ms).
#
# Usage: bench/report.sh [--deliveries N] [--opens N] [--requests R] [--warmup W] [--keep] [--smoke]
#   --deliveries N   ledger entries of the issue (default 1000000)
#   --opens N        raw open and click events (default 1000000)
#   --requests R     measured requests per URL (default 2000)
#   --warmup W       requests per URL before measuring (default 1000)
#   --keep           keep the work folder (application and database logs)
#   --smoke          a smoke run (bench/lib.sh): 2,000 deliveries and opens, 20 requests after 10
# Environment: BENCH_JAVA_OPTS (extra JVM options for the application), BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke_from_args "$@"
if smoke; then
  DELIVERIES=2000; OPENS=2000; REQUESTS=20; WARMUP=10; DB_HEAP=512m
else
  DELIVERIES=1000000; OPENS=1000000; REQUESTS=2000; WARMUP=1000; DB_HEAP=6g
fi
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) shift ;;
    --deliveries) DELIVERIES="$2"; shift 2 ;;
    --opens) OPENS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

lib_init
ensure_tools
ensure_jar

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-report.XXXXXX")"
cleanup_work() { if [ "$KEEP" = 1 ] || [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi; }
on_exit cleanup_work

# the jar's libraries, for the database and the generator run from source
jar_libs "$WORK/lib"
LIBS="$WORK/lib/*"
DATA_JAVA="$REPO/bench/ReportBenchData.java"

DB_PORT="$(free_port 1)"
java "-Xmx$DB_HEAP" -cp "$LIBS" "$REPO/bench/MongoWireServer.java" "$DB_PORT" >"$WORK/database.log" 2>&1 &
DB_PID=$!
on_exit 'stop_pid "$DB_PID" 10'
wait_port "$DB_PORT" 60 || { cat "$WORK/database.log" >&2; die "the database did not start"; }
log "MongoDB-wire server (in memory) on 127.0.0.1:$DB_PORT, pid $DB_PID"

# shellcheck disable=SC2206  # BENCH_JAVA_OPTS is a space-separated option list on purpose
JVM=(-Xmx256m "-Xlog:gc:file=$WORK/gc.log" ${BENCH_JAVA_OPTS:-})
app_start "$WORK/data" "$(free_port 1)" "$WORK/app.log" "${JVM[@]}" -- \
  --spring.mongodb.uri="mongodb://127.0.0.1:$DB_PORT/newsletter" --newsletter.demo.enabled=false
app_wait_ready 180

printf '{"title":"Banc d’essai du rapport","subject":"Rapport","body":"## Été\\n\\nBonjour.","list":"banc-rapport"}' >"$WORK/issue.json"
ISSUE_ID="$(api POST /api/v1/issues "$WORK/issue.json" | json 'j["id"]')"
log "issue $ISSUE_ID: writing $DELIVERIES ledger entries and $OPENS events into the database ..."
t0=$SECONDS
GENERATED="$(java -Xmx2g -cp "$LIBS" "$DATA_JAVA" generate "$DB_PORT" "$ISSUE_ID" "$DELIVERIES" "$OPENS" 2>>"$WORK/generate.log" | tee "$WORK/generate.out" | grep "^generated")"
log "$GENERATED ($((SECONDS - t0)) s)"

log "rebuilding the report counters from the ledger and the raw events ..."
REBUILD_S="$("$PY" - "$APP_PORT" "$APP_PASSWORD" "$ISSUE_ID" <<'PY'
import base64, http.client, sys, time
port, password, issue = sys.argv[1:4]
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=3600)
t = time.perf_counter()
c.request("POST", f"/api/v1/issues/{issue}/report/rebuild", headers={"Authorization": auth, "X-Requested-With": "bench"})
r = c.getresponse(); body = r.read()
if r.status != 200: sys.exit(f"rebuild: HTTP {r.status} {body[:500]}")
print(f"{time.perf_counter() - t:.1f}")
PY
)"
log "rebuilt in $REBUILD_S s"
REPORT="$(api GET "/api/v1/issues/$ISSUE_ID/report")"
READ="$(json 'j["uniqueOpensHuman"]' <<<"$REPORT")"
EXPECTED_READ="$(sed -n 's/.* read=\([0-9]*\).*/\1/p' <<<"$GENERATED")"
log "report: $(json '"%(recipients)s recipients, %(sent)s sent, %(uniqueOpensHuman)s read, %(uniqueOpensMachineOnly)s machines only, %(uniqueClicks)s clickers, %(openEvents)s open events" % j' <<<"$REPORT")"
[ "$READ" = "$EXPECTED_READ" ] || die "the report counts $READ readers, the generator wrote $EXPECTED_READ"

log "measuring: $WARMUP warm-up then $REQUESTS requests to the admin page and to the API ..."
"$PY" - "$APP_PORT" "$APP_PASSWORD" "$ISSUE_ID" "$WARMUP" "$REQUESTS" "$REBUILD_S" <<'PY'
import base64, http.client, re, sys, time, urllib.parse
port, password, issue, warmup, requests, rebuild = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)

def call(method, path, headers=None, body=None):
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    return r, r.read()

# a session, as the coordinator's browser has one
r, body = call("GET", "/login")
cookie = re.search(r"JSESSIONID=([^;]+)", r.getheader("Set-Cookie") or "").group(1)
csrf = re.search(rb'name="_csrf"[^>]*value="([^"]+)"', body).group(1).decode()
form = urllib.parse.urlencode({"username": "admin", "password": password, "_csrf": csrf})
r, _ = call("POST", "/login", {"Cookie": "JSESSIONID=" + cookie, "Content-Type": "application/x-www-form-urlencoded"}, form)
m = re.search(r"JSESSIONID=([^;]+)", r.getheader("Set-Cookie") or "")
cookie = m.group(1) if m else cookie
page = ("/admin/issues/%s/report" % issue, {"Cookie": "JSESSIONID=" + cookie})
api = ("/api/v1/issues/%s/report" % issue,
       {"Authorization": "Basic " + base64.b64encode(("admin:" + password).encode()).decode()})

def measure(target, count):
    path, headers = target
    times = []
    for _ in range(count):
        t = time.perf_counter()
        r, body = call("GET", path, headers)
        times.append((time.perf_counter() - t) * 1000)
        if r.status != 200:
            sys.exit(f"GET {path}: HTTP {r.status}")
    return times

r, body = call("GET", page[0], page[1])
if r.status != 200 or b"opens-chart" not in body:
    sys.exit(f"the report page did not render (HTTP {r.status})")
for target in (page, api):
    measure(target, warmup)

def pct(times, p):
    s = sorted(times)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

page_t = measure(page, requests)
api_t = measure(api, requests)
print(f"page: p50 {pct(page_t, 50):.2f} ms, p95 {pct(page_t, 95):.2f} ms, p99 {pct(page_t, 99):.2f} ms, max {max(page_t):.2f} ms", file=sys.stderr)
print(f"api:  p50 {pct(api_t, 50):.2f} ms, p95 {pct(api_t, 95):.2f} ms, p99 {pct(api_t, 99):.2f} ms, max {max(api_t):.2f} ms", file=sys.stderr)
print(f"RESULT report_ms={pct(page_t, 95):.2f} page_p50_ms={pct(page_t, 50):.2f} page_p99_ms={pct(page_t, 99):.2f} "
      f"api_p50_ms={pct(api_t, 50):.2f} api_p95_ms={pct(api_t, 95):.2f} api_p99_ms={pct(api_t, 99):.2f} rebuild_s={rebuild}")
PY
