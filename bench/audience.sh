#!/bin/bash
# bench/audience.sh - how long counting a segment takes over a million subscribers.
#
#   0. runs the CSV import benchmark (bench/import.sh, its own application and data) and keeps its
#      100,000-row rate;
#   1. starts the application as README runs it, on its embedded MongoDB-wire server (H2 file in the
#      work folder; heap BENCH_APP_HEAP, default 2g), and writes N subscribers straight into that server
#      (bench/AudienceData.java: Saguenay–Lac-Saint-Jean sectors, territories and parks, 93 % French,
#      lists, tags, 8 % not active, implied consents of which about a third have lapsed, the last issues
#      each opened), 300 companies and 24 sent issues;
#   2. through POST /api/v1/segments/count, counts several typical segments: after two warm-up counts,
#      REPEATS times each; prints median and max;
#   3. restarts the application on the same data: the time until it answers (startup_s), until the
#      values its counts read are back in memory (fill_s, the log line), the typical count then, and the
#      heap in use after a full GC.
# The last line is always exactly:
#   RESULT import_rows_per_s=… segment_count_ms=… segment_list_ms=… segment_tag_ms=… segment_engagement_ms=… segment_company_ms=… segment_count_max_ms=… startup_s=… fill_s=… restarted_count_ms=… heap_live_mb=…
# (segment_count_ms: the median of the typical segment, sector AND territory in [...] AND language;
#  the count is of receivable subscribers: active, consent in force)
#
# Usage: bench/audience.sh [--subscribers N] [--repeats R] [--keep] [--smoke]
#   --smoke   a smoke run (bench/lib.sh): 2,000 subscribers, one count each, -Xmx512m, no import
#             benchmark (bench/smoke.sh runs it on its own; SKIP_IMPORT=0 runs its smoke run here)
# Environment: BENCH_APP_HEAP (the application's -Xmx, default 2g), SKIP_IMPORT=1 (leave out the CSV
# import benchmark; import_rows_per_s then prints "na"), BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke_from_args "$@"
if smoke; then
  SUBSCRIBERS=2000; REPEATS=1; DEFAULT_HEAP=512m
else
  SUBSCRIBERS=1000000; REPEATS=7; DEFAULT_HEAP=2g
fi
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) SUBSCRIBERS="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --smoke) shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

lib_init
ensure_tools
ensure_jar
WORK="$(mktemp -d -t infolettre-audience.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; elif [ "$KEEP" != 1 ]; then rm -rf "$WORK"; fi'

# the application jar's own libraries (the MongoDB driver) run the data generator
jar_libs "$WORK/lib"
DATA="$REPO/bench/AudienceData.java"

# ------------------------------------------------------------------ import (CSV) benchmark
# bench/import.sh runs on its own (its application, its data); its 100,000-row rate is kept here.
if [ "${SKIP_IMPORT:-$(smoke && echo 1 || echo 0)}" = 1 ]; then
  IMPORT_ROWS_PER_S=na
else
  log "CSV import benchmark (bench/import.sh) ..."
  IMPORT_LINE="$(bash "$REPO/bench/import.sh" 2>"$WORK/import.err" | grep '^RESULT ' | tail -1)" \
    || { tail -20 "$WORK/import.err" >&2; die "the import benchmark failed"; }
  IMPORT_ROWS_PER_S="$(sed -n 's/.* import_rows_per_s=\([^ ]*\).*/\1/p' <<<"$IMPORT_LINE")"
  log "import: $IMPORT_LINE"
fi

# ------------------------------------------------------------------ 1. the application and its data
SMTP_PORT="$(free_port 1)"   # nothing is sent: no relay listens there
APP_HEAP="${BENCH_APP_HEAP:-$DEFAULT_HEAP}"
start_counting_app() {  # start_counting_app LOG: the application on its embedded server, data in $WORK/app
  app_start "$WORK/app" "$SMTP_PORT" "$1" "-Xmx$APP_HEAP" -- --newsletter.demo.enabled=false
  app_wait_ready 900
}
start_counting_app "$WORK/app.log"
DB_ADDRESS="$(sed -n 's/.*Embedded MongoDB-wire server on \/\?\([0-9.]*:[0-9]*\) .*/\1/p' "$WORK/app.log" | head -1)"
[ -n "$DB_ADDRESS" ] || die "the application's log does not give its embedded server's address"
log "application ready on port $APP_PORT (-Xmx$APP_HEAP), its embedded MongoDB-wire server on $DB_ADDRESS"
log "writing $SUBSCRIBERS subscribers into it ..."
java -Xmx1g -cp "$WORK/lib/*" "$DATA" "mongodb://$DB_ADDRESS/newsletter" "$SUBSCRIBERS" 2>"$WORK/generate.err" \
  | tee "$WORK/generate.out" >&2 || { tail -20 "$WORK/generate.err" >&2; die "generating the subscribers failed"; }

# ------------------------------------------------------------------ 2. the counts
rule() {  # rule SUBJECT OPERATOR ATTRIBUTE VALUE...
  local subject="$1" operator="$2" attribute="$3"; shift 3
  "$PY" -c 'import json, sys
s, o, a = sys.argv[1:4]
print(json.dumps({"type": "rule", "subject": s, "operator": o, "attribute": a or None, "values": sys.argv[4:]}, ensure_ascii=False))' \
    "$subject" "$operator" "$attribute" "$@"
}
segment() {  # segment NAME RULE... : writes the count request of an AND of these rules
  local name="$1"; shift
  local IFS=,
  printf '{"rules": {"type": "group", "junction": "AND", "rules": [%s]}}' "$*" >"$WORK/$name.json"
}
segment typical "$(rule ATTRIBUTE EQUALS secteur 'Fabrication et transformation')" \
  "$(rule ATTRIBUTE IN territoire Saguenay Lac-Saint-Jean-Est)" "$(rule LANGUAGE EQUALS '' fr)"
segment list "$(rule LIST EQUALS '' formations)"
segment tag "$(rule TAG EQUALS '' exportateur)"
segment engagement "$(rule ENGAGEMENT OPENED_ONE_OF_LAST '' 3)"
segment company "$(rule COMPANY_ATTRIBUTE GREATER_THAN employes 1000)"

# measure NAME: REPEATS timed counts after two warm-up ones; sets MEDIAN_MS and MAX_MS
measure() {
  local name="$1" i out ms times=()
  for ((i = 0; i < REPEATS + 2; i++)); do
    out="$(curl -sS -u "admin:$APP_PASSWORD" -H 'Content-Type: application/json' --data-binary "@$WORK/$name.json" \
      -w '\n%{http_code} %{time_total}' "http://127.0.0.1:$APP_PORT/api/v1/segments/count")"
    read -r code ms < <(tail -1 <<<"$out")
    [ "$code" = 200 ] || die "$name: HTTP $code: $(head -1 <<<"$out")"
    COUNT="$(head -1 <<<"$out" | json 'j["count"]')"
    [ "$i" -ge 2 ] && times+=("$(awk -v s="$ms" 'BEGIN { printf "%.0f", s * 1000 }')")
  done
  read -r MEDIAN_MS MAX_MS < <(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[NR] }')
  log "  $name: $COUNT receivable subscribers; median ${MEDIAN_MS} ms, max ${MAX_MS} ms over $REPEATS counts"
}

declare -A MED MAX
for name in typical list tag engagement company; do
  measure "$name"
  MED[$name]="$MEDIAN_MS"; MAX[$name]="$MAX_MS"
done
WORST=0
for name in "${!MAX[@]}"; do [ "${MAX[$name]}" -gt "$WORST" ] && WORST="${MAX[$name]}"; done

# ------------------------------------------------------------------ 3. after a restart
log "restarting the application on the same data ..."
app_stop
START_NS="$(date +%s%N)"
seconds_since_start() { awk -v t="$(date +%s%N)" -v s="$START_NS" 'BEGIN { printf "%.1f", (t - s) / 1e9 }'; }
start_counting_app "$WORK/app-restarted.log"
STARTUP_S="$(seconds_since_start)"
log "  answering after ${STARTUP_S} s"
for ((i = 0; i < 1800; i++)); do
  grep -q 'kept in memory for counting' "$WORK/app-restarted.log" && break
  sleep 0.5
done
grep -q 'kept in memory for counting' "$WORK/app-restarted.log" || die "the counted values were not back after 900 s"
FILL_S="$(seconds_since_start)"
log "  $(grep -o 'subscribers: the values.*' "$WORK/app-restarted.log" | tail -1); ${FILL_S} s after the start"
measure typical
RESTARTED_MS="$MEDIAN_MS"
HEAP_LIVE_MB="$(live_heap_mb "$APP_PID")"
log "  heap in use after a full GC: ${HEAP_LIVE_MB} MB"

echo "RESULT import_rows_per_s=$IMPORT_ROWS_PER_S segment_count_ms=${MED[typical]} segment_list_ms=${MED[list]} segment_tag_ms=${MED[tag]} segment_engagement_ms=${MED[engagement]} segment_company_ms=${MED[company]} segment_count_max_ms=$WORST startup_s=$STARTUP_S fill_s=$FILL_S restarted_count_ms=$RESTARTED_MS heap_live_mb=$HEAP_LIVE_MB"
