#!/bin/bash
# bench/audience.sh - how long counting a segment takes over a million subscribers.
#
#   1. starts a MongoDB-wire server (mongo-java-server, H2 in memory) in a JVM of its own on a free
#      port, as a real MongoDB would run, and writes N subscribers straight into it (bench/AudienceData.java:
#      Saguenay–Lac-Saint-Jean sectors, territories and parks, 93 % French, lists, tags, 8 % not active,
#      implied consents of which about a third have lapsed, the last issues each opened), 300 companies
#      and 24 sent issues;
#   2. starts the application against it (free port) and, through POST /api/v1/segments/count,
#      counts several typical segments: after a warm-up, REPEATS times each; prints median and max.
# The last line is always exactly:
#   RESULT import_rows_per_s=… segment_count_ms=… segment_list_ms=… segment_tag_ms=… segment_engagement_ms=… segment_company_ms=… segment_count_max_ms=…
# (segment_count_ms: the median of the typical segment, sector AND territory in [...] AND language;
#  the count is of receivable subscribers: active, consent in force)
#
# Usage: bench/audience.sh [--subscribers N] [--repeats R] [--keep]
# Environment: BENCH_DB_HEAP (the database JVM's heap, default 10g), SKIP_IMPORT=1 (leave out the CSV import
# benchmark, bench/import.sh, which this script otherwise runs first; import_rows_per_s then prints "na").
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUBSCRIBERS=1000000
REPEATS=7
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) SUBSCRIBERS="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

lib_init
ensure_tools
ensure_jar
WORK="$(mktemp -d -t infolettre-audience.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; elif [ "$KEEP" != 1 ]; then rm -rf "$WORK"; fi'

# the application jar's own libraries (MongoDB driver, mongo-java-server, H2) run the two helpers
mkdir -p "$WORK/lib"
unzip -q -j "$JAR" 'BOOT-INF/lib/*.jar' -d "$WORK/lib"
DATA="$REPO/bench/AudienceData.java"

# ------------------------------------------------------------------ 1. the database and its data
DB_PORT="$(free_port 1)"
java "-Xmx${BENCH_DB_HEAP:-10g}" -cp "$WORK/lib/*" "$DATA" serve "$DB_PORT" >"$WORK/database.log" 2>&1 &
DB_PID=$!
on_exit 'stop_pid "$DB_PID" 10'
wait_port "$DB_PORT" 60 || { tail -20 "$WORK/database.log" >&2; die "the database did not start"; }
log "MongoDB-wire server (H2 in memory) on 127.0.0.1:$DB_PORT, pid $DB_PID"
URI="mongodb://127.0.0.1:$DB_PORT/newsletter"
log "writing $SUBSCRIBERS subscribers ..."
java -Xmx1g -cp "$WORK/lib/*" "$DATA" generate "$URI" "$SUBSCRIBERS" 2>"$WORK/generate.err" | tee "$WORK/generate.out" >&2 \
  || { tail -20 "$WORK/generate.err" >&2; die "generating the subscribers failed"; }

# ------------------------------------------------------------------ import (CSV) benchmark
# bench/import.sh runs on its own (its application, its data); its 100,000-row rate is kept here.
if [ "${SKIP_IMPORT:-0}" = 1 ]; then
  IMPORT_ROWS_PER_S=na
else
  log "CSV import benchmark (bench/import.sh) ..."
  IMPORT_LINE="$(bash "$REPO/bench/import.sh" 2>"$WORK/import.err" | grep '^RESULT ' | tail -1)" \
    || { tail -20 "$WORK/import.err" >&2; die "the import benchmark failed"; }
  IMPORT_ROWS_PER_S="$(sed -n 's/.* import_rows_per_s=\([^ ]*\).*/\1/p' <<<"$IMPORT_LINE")"
  log "import: $IMPORT_LINE"
fi

# ------------------------------------------------------------------ 2. the application and the counts
SMTP_PORT="$(free_port 1)"   # nothing is sent: no relay listens there
app_start "$WORK/app" "$SMTP_PORT" "$WORK/app.log" -Xmx1g -- --newsletter.demo.enabled=false "--spring.mongodb.uri=$URI"
app_wait_ready 900   # its first start over a million subscribers creates its indexes
log "application ready on port $APP_PORT"

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

echo "RESULT import_rows_per_s=$IMPORT_ROWS_PER_S segment_count_ms=${MED[typical]} segment_list_ms=${MED[list]} segment_tag_ms=${MED[tag]} segment_engagement_ms=${MED[engagement]} segment_company_ms=${MED[company]} segment_count_max_ms=$WORST"
