#!/bin/bash
# bench/import.sh - CSV import throughput and memory of Infolettre.
#
# Starts the application (-Xmx1g, GC log, embedded MongoDB-wire server, random free port), then
# imports through the REST API (POST /api/v1/imports, then polls GET /api/v1/imports/{id}):
#   1. 10,000 rows   (UTF-8 with BOM, semicolons, accents, a quoted note over two lines every 500 rows)
#   2. 100,000 rows  (the same shape, other addresses)
#   3. 100,000 rows  again as Windows-1252 (the same addresses, mode ADD_AND_UPDATE: nothing changes)
#   4. 100,000 rows  of new addresses again, in a JVM the first three have warmed up (the first
#                    imports of a fresh JVM share the two cores with its JIT compilers)
# and prints, for each, rows/s (rows / time from the upload to DONE), the heap in use at the GC
# pauses during the import (peak) and the heap left after a full GC once it is done (live): the
# import streams the file and writes batches of 1,000 (two in flight), so it holds no more for
# 100k rows than for 10k; what live grows by is the database's: the new subscribers' indexed values,
# and its page cache (128 MB at most here) filling as documents are written and read.
# The last line is always exactly:
#   RESULT import_rows_per_s=… import_10k_rows_per_s=… reimport_1252_rows_per_s=… import_warm_rows_per_s=… heap_peak_10k_mb=… heap_peak_100k_mb=… heap_live_10k_mb=… heap_live_100k_mb=…
# (import_rows_per_s is the 100,000-row import; the MongoDB-wire server runs in the same JVM, so the
# heap figures include its cache; with G1, the peak follows the heap it is given more than the need)
#
# Usage: bench/import.sh [--rows N] [--keep] [--smoke]
#   --rows N   rows of the large file (default 100000); the small one has N/10
#   --keep     keep the work folder (files, logs, GC log)
#   --smoke    a smoke run (bench/lib.sh): 1,000 rows, the small file 100
# Environment: BENCH_JAVA_OPTS (extra JVM options), BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke_from_args "$@"
if smoke; then ROWS=1000; else ROWS=100000; fi
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --smoke) shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "--rows needs a positive integer"
SMALL=$((ROWS / 10))

lib_init
ensure_tools
ensure_jar
WORK="$(mktemp -d -t infolettre-import-bench.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; elif [ "$KEEP" != 1 ]; then rm -rf "$WORK"; fi'

# ------------------------------------------------------------------ the files
# gen_csv FILE ROWS PREFIX ENCODING: members with French names, companies and sectors.
gen_csv() {
  "$PY" - "$@" <<'PY'
import random, sys
path, rows, prefix, encoding = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
random.seed(42)
first = ["Anne", "Éric", "Hélène", "François", "Gaëtan", "Chloé", "Noémie", "Jérôme", "Zoé", "Benoît", "Cécile", "Maëlle"]
last = ["Côté", "Bélanger", "Gagnon", "Lévesque", "Thériault", "Bérubé", "Fréchette", "Pelletier", "Ouellet", "Lemieux"]
companies = ["Usinage Côté inc.", "Cœur de Métal ltée", "Boîtes à œufs « Québec »", "Fonderie du Fjord",
             "Métallurgie Saguenay", "Scierie Lac-Saint-Jean", "Génie-Conseil Bérubé", "Transports Ouellet & fils"]
sectors = ["Fabrication et transformation", "Génie", "Transport", "Services professionnels", "Haute technologie",
           "Agroalimentaire"]
with open(path, "w", encoding=encoding, newline="") as out:
    if encoding == "utf-8-sig":
        pass  # the codec writes the BOM
    out.write("Courriel;Prénom;Nom;Entreprise;Langue;Secteur;Membre depuis;Notes\r\n")
    for i in range(rows):
        note = '"Rencontré au salon ; à rappeler\r\nen janvier"' if i % 500 == 0 else ""
        out.write(f"{prefix}{i}@membres.exemple.ca;{random.choice(first)};{random.choice(last)};"
                  f"\"{random.choice(companies)}\";{'en' if i % 5 == 0 else 'fr'};{random.choice(sectors)};"
                  f"20{random.randint(10, 25)}-0{random.randint(1, 9)}-1{random.randint(0, 9)};{note}\r\n")
PY
}

RUN_TAG="b$RANDOM"
log "generating $SMALL and $ROWS rows (UTF-8 with BOM) and $ROWS rows (Windows-1252) ..."
gen_csv "$WORK/small.csv" "$SMALL" "petit-$RUN_TAG-" utf-8-sig
gen_csv "$WORK/large.csv" "$ROWS" "grand-$RUN_TAG-" utf-8-sig
gen_csv "$WORK/large-1252.csv" "$ROWS" "grand-$RUN_TAG-" cp1252
gen_csv "$WORK/warm.csv" "$ROWS" "chaud-$RUN_TAG-" utf-8-sig
log "files: $(du -h "$WORK/small.csv" | cut -f1), $(du -h "$WORK/large.csv" | cut -f1), $(du -h "$WORK/large-1252.csv" | cut -f1)"

# ------------------------------------------------------------------ the application
# No mail is sent here: the relay is a free port nothing listens on.
# 1 GB: the embedded server shares the heap (its page cache, an eighth of it, and the subscribers'
# indexed values). At 256 MB the heap in use after each young collection was about 190 MB during
# the import and G1 took a whole core (50 s of pauses over the three imports).
JVM=(-Xmx1g "-Xlog:gc:file=$WORK/gc.log:uptime")
# shellcheck disable=SC2206  # BENCH_JAVA_OPTS is a space-separated option list on purpose
[ -n "${BENCH_JAVA_OPTS:-}" ] && JVM+=(${BENCH_JAVA_OPTS})
app_start "$WORK/data" "$(free_port 1)" "$WORK/app.log" "${JVM[@]}" -- \
  --newsletter.demo.enabled=false --newsletter.imports.dir="$WORK/uploads"
app_wait_ready 180
log "application ready (pid $APP_PID, port $APP_PORT)"

uptime_s() { jcmd "$APP_PID" VM.uptime 2>/dev/null | sed -n 's/^\([0-9.]*\) s$/\1/p' | tail -1; }

# peak_heap_mb FROM TO: most heap in use at a GC pause between two JVM uptimes (s)
peak_heap_mb() {
  "$PY" - "$WORK/gc.log" "$1" "$2" <<'PY'
import re, sys
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
t0, t1 = float(sys.argv[2]), float(sys.argv[3])
peak = 0
for line in open(sys.argv[1]):
    m = re.match(r"\[([\d.]+)s\].*Pause \w+.*?(\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\)", line)
    if m and t0 <= float(m.group(1)) <= t1:
        peak = max(peak, int(m.group(2)) * unit[m.group(3)])
print(f"{peak:.0f}")
PY
}

# import_file FILE OPTIONS_JSON: prints "<rows/s> <rows> <peak MB> <live MB> <job JSON>"
import_file() {
  local file="$1" options="$2" start end t0 t1 id doc status
  live_heap_mb "$APP_PID" >/dev/null
  t0="$(uptime_s)"
  start="$("$PY" -c 'import time; print(time.time())')"
  doc="$(curl -sS -u "admin:$APP_PASSWORD" -H 'Accept: application/json' -H 'X-Requested-With: bench' \
    -F "file=@$file;type=text/csv" -F "options=$options;type=application/json" \
    "http://127.0.0.1:$APP_PORT/api/v1/imports")" || die "upload failed"
  id="$(json 'j["id"]' <<<"$doc")" || die "no job id in: $doc"
  while :; do
    doc="$(api GET "/api/v1/imports/$id")" || die "GET /api/v1/imports/$id failed"
    status="$(json 'j["status"]' <<<"$doc")"
    [ "$status" = DONE ] || [ "$status" = STOPPED ] || [ "$status" = FAILED ] && break
    kill -0 "$APP_PID" 2>/dev/null || die "the application died during the import"
    sleep 0.5
  done
  end="$("$PY" -c 'import time; print(time.time())')"
  t1="$(uptime_s)"
  [ "$status" = DONE ] || die "import failed: $doc"
  # every generated row is valid: a row refused, or imported with a warning (a value left out), means
  # the benchmark no longer fits the platform
  [ "$(json 'j["rejected"]' <<<"$doc")" = 0 ] || die "$(json 'j["rejected"]' <<<"$doc") rows refused: $(json 'j["refusals"]' <<<"$doc")"
  [ "$(json 'j["warned"]' <<<"$doc")" = 0 ] || die "$(json 'j["warned"]' <<<"$doc") rows imported with a warning (GET /api/v1/imports/$id says which)"
  local rows rate peak live
  rows="$(json 'j["rows"]' <<<"$doc")"
  rate="$(awk -v n="$rows" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')"
  peak="$(peak_heap_mb "$t0" "$t1")"
  live="$(live_heap_mb "$APP_PID")"
  echo "$rate $rows $peak $live $doc"
}

summary() { json '"added %(added)s, updated %(updated)s, unchanged %(unchanged)s, rejected %(rejected)s" % j' ; }

log "importing $SMALL rows (UTF-8) ..."
read -r SMALL_RATE SMALL_ROWS SMALL_PEAK SMALL_LIVE SMALL_DOC < <(import_file "$WORK/small.csv" '{"lists":["bench-import"]}')
[ -n "$SMALL_RATE" ] || die "the small import failed"
log "  $SMALL_ROWS rows: $SMALL_RATE rows/s, heap peak $SMALL_PEAK MB, live after $SMALL_LIVE MB ($(summary <<<"$SMALL_DOC"))"

log "importing $ROWS rows (UTF-8) ..."
read -r LARGE_RATE LARGE_ROWS LARGE_PEAK LARGE_LIVE LARGE_DOC < <(import_file "$WORK/large.csv" '{"lists":["bench-import"]}')
[ -n "$LARGE_RATE" ] || die "the large import failed"
log "  $LARGE_ROWS rows: $LARGE_RATE rows/s, heap peak $LARGE_PEAK MB, live after $LARGE_LIVE MB ($(summary <<<"$LARGE_DOC"))"

log "importing the same $ROWS rows again as Windows-1252, mode ADD_AND_UPDATE ..."
read -r RE_RATE RE_ROWS RE_PEAK RE_LIVE RE_DOC < <(import_file "$WORK/large-1252.csv" \
  '{"lists":["bench-import"],"mode":"ADD_AND_UPDATE"}')
[ -n "$RE_RATE" ] || die "the re-import failed"
log "  $RE_ROWS rows: $RE_RATE rows/s, heap peak $RE_PEAK MB, live after $RE_LIVE MB ($(summary <<<"$RE_DOC"))"
[ "$(json 'j["added"] + j["updated"]' <<<"$RE_DOC")" = 0 ] || die "re-importing changed something: $RE_DOC"

echo "import of $SMALL_ROWS rows:  $SMALL_RATE rows/s, heap peak $SMALL_PEAK MB, live $SMALL_LIVE MB"
log "importing $ROWS new rows again, the JVM warm ..."
read -r WARM_RATE WARM_ROWS WARM_PEAK WARM_LIVE WARM_DOC < <(import_file "$WORK/warm.csv" '{"lists":["bench-import"]}')
[ -n "$WARM_RATE" ] || die "the warm import failed"
log "  $WARM_ROWS rows: $WARM_RATE rows/s, heap peak $WARM_PEAK MB, live after $WARM_LIVE MB ($(summary <<<"$WARM_DOC"))"

echo "import of $LARGE_ROWS rows: $LARGE_RATE rows/s, heap peak $LARGE_PEAK MB, live $LARGE_LIVE MB"
echo "re-import (Windows-1252):   $RE_RATE rows/s, heap peak $RE_PEAK MB, live $RE_LIVE MB (nothing changed)"
echo "import of $WARM_ROWS rows, JVM warm: $WARM_RATE rows/s, heap peak $WARM_PEAK MB, live $WARM_LIVE MB"
echo "RESULT import_rows_per_s=$LARGE_RATE import_10k_rows_per_s=$SMALL_RATE reimport_1252_rows_per_s=$RE_RATE import_warm_rows_per_s=$WARM_RATE heap_peak_10k_mb=$SMALL_PEAK heap_peak_100k_mb=$LARGE_PEAK heap_live_10k_mb=$SMALL_LIVE heap_live_100k_mb=$LARGE_LIVE"
