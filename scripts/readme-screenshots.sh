#!/bin/bash
# scripts/readme-screenshots.sh - the README's pictures, taken from the running application in
# headless Chromium (the browser tests' HeadlessChromium), into docs/images:
#   editor.png   the demo draft in the issue editor, with its live preview
#   report.png   the report of a sent issue: its figures and the chart of the opens over the week
# The application runs with its demo data (fictional members) against a MongoDB-wire server of its
# own (bench/MongoWireServer.java); the sent issue is made through the API and its ledger and opens
# written as a send to 600 members and a week of reading leave them (bench/ReportBenchData.java: no
# real address, no real name), then its counters are rebuilt. Takes a minute or two.
#
# Usage: scripts/readme-screenshots.sh [OUT_DIR]   (default docs/images)
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"

OUT="${1:-$REPO/docs/images}"
lib_init
WORK="$(mktemp -d -t infolettre-screenshots.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi'

ensure_tools
ensure_jar
jar_libs "$WORK/lib"
# the browser tests' classes (HeadlessChromium) and Selenium
log "compiling the browser tests' support (test classpath) ..."
(cd "$REPO" && ./mvnw -q -B -pl newsletter-web -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt") >&2 || die "the test classpath could not be built"

DB_PORT="$(free_port 1)"
java -Xmx1g -cp "$WORK/lib/*" "$REPO/bench/MongoWireServer.java" "$DB_PORT" >"$WORK/database.log" 2>&1 &
DB_PID=$!
on_exit 'stop_pid "$DB_PID" 10'
wait_port "$DB_PORT" 60 || { cat "$WORK/database.log" >&2; die "the database did not start"; }
app_start "$WORK/data" "$(free_port 1)" "$WORK/app.log" -- --spring.mongodb.uri="mongodb://127.0.0.1:$DB_PORT/newsletter"
app_wait_ready 180

# the demo draft (the demo loader makes one, once the application answers)
for _ in $(seq 1 120); do
  DRAFT="$(api GET /api/v1/issues | json '([i["id"] for i in j if i["status"] == "DRAFT"] + [""])[0]')"
  [ -n "$DRAFT" ] && break
  sleep 0.5
done
[ -n "$DRAFT" ] || die "no demo draft"

printf '%s' '{"title":"Infolettre – formations d’hiver","subject":"${firstName!'"'"'Membre'"'"'}, les formations de l’hiver","body":"## Bonjour\n\nLes formations de l’hiver.","list":"infolettre"}' >"$WORK/issue.json"
SENT="$(api POST /api/v1/issues "$WORK/issue.json" | json 'j["id"]')"
java -Xmx512m -cp "$WORK/lib/*" "$REPO/bench/ReportBenchData.java" generate "$DB_PORT" "$SENT" 600 1500 \
  >"$WORK/generate.out" 2>"$WORK/generate.err" || { tail -20 "$WORK/generate.err" >&2; die "writing the sent issue failed"; }
api POST "/api/v1/issues/$SENT/report/rebuild" >/dev/null || die "rebuilding the report failed"
log "demo draft $DRAFT, sent issue $SENT ($(grep '^generated' "$WORK/generate.out"))"

mkdir -p "$OUT"
java -cp "$REPO/newsletter-web/target/test-classes:$(cat "$WORK/classpath.txt")" "$REPO/scripts/ReadmeScreenshots.java" \
  "http://127.0.0.1:$APP_PORT" admin "$APP_PASSWORD" "$DRAFT" "$SENT" "$OUT"
log "written: $(cd "$OUT" && ls editor.png report.png | tr '\n' ' ')in $OUT"
