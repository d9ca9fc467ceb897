#!/bin/bash
# bench/deliverability.sh - deliverability of every shipped template, through the real pipeline.
#
#   1. builds the jar if it is missing or stale;
#   2. starts the shared capturing SMTP sink (mail-sink.sh) and the application against it (https
#      public URL, no demo data);
#   3. adds members with awkward data (accents, apostrophes, <script> in a company name, no first
#      name, very long names), in French and in English;
#   4. for each shipped template and each of its languages, creates the demo issue
#      (bench/deliverability/demo.LANG.md: every kind of content block) with that template, sends it
#      to the members of that language and keeps the captured messages apart;
#   5. runs the shared check-eml.py with SpamAssassin on EVERY message of every variant.
# Ends with one line: RESULT spam_score_max=<highest SpamAssassin score> check_failures=<messages failing>
# Exit status: 0 when no message failed, 1 otherwise (the work folder is then kept).
#
# Usage: bench/deliverability.sh [--members N] [--keep] [--smoke]
#   --members N   members per language (default 5, one of each awkward kind)
#   --keep        keep the work folder (captured .eml per variant, app log, reports) on success too
#   --smoke       a smoke run (bench/lib.sh): one member per language; the messages are checked all the same
# Environment: SHARED_TOOLS (default $REPO/../shared/tools), INFOLETTRE_JAR, BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/template-variants.sh
source "$(dirname "${BASH_SOURCE[0]}")/template-variants.sh"

smoke_from_args "$@"
if smoke; then MEMBERS=1; else MEMBERS=5; fi
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --members) MEMBERS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --smoke) shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

lib_init
WORK="$(mktemp -d -t infolettre-deliverability.XXXXXX)"
CAPTURED="$WORK/captured"
on_exit 'if [ "$EXIT_CODE" != 0 ] || [ "$KEEP" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi'

main() {
  local tool="$SHARED_TOOLS/check-eml.py" port
  [ -f "$tool" ] && [ -f "$SHARED_TOOLS/mail-sink.sh" ] || die "shared tools not found in $SHARED_TOOLS (set SHARED_TOOLS)"
  ensure_tools
  ensure_jar

  port="$(free_port 1)"
  MAIL_SINK_PID="$(bash "$SHARED_TOOLS/mail-sink.sh" start --dir "$CAPTURED" --port "$port" --log "$WORK/mail-sink.log")" \
    || die "mail-sink.sh did not start"
  on_exit 'bash "$SHARED_TOOLS/mail-sink.sh" stop "$MAIL_SINK_PID" >/dev/null 2>&1 || true'
  log "mail-sink (capturing) on 127.0.0.1:$port, folder $CAPTURED"
  app_start "$WORK/data" "$port" "$WORK/app.log" -- --newsletter.demo.enabled=false
  app_wait_ready 180
  log "application ready on port $APP_PORT (pid $APP_PID)"

  variant_members "$MEMBERS"
  local variants name language sent
  variants="$(template_variants)"
  [ -n "$variants" ] || die "no usable shipped template listed by GET /api/v1/templates"
  while read -r name language; do
    sent="$(send_variant "$name" "$language" "$WORK/variants/$name-$language")"
    log "$name/$language: $sent message(s) sent and captured"
  done <<<"$variants"
  app_stop   # free the CPU for SpamAssassin

  local dir variant rc out
  echo
  printf '%-24s %8s %10s %9s\n' "template/language" "messages" "spam_max" "failures"
  for dir in "$WORK"/variants/*/; do
    variant="$(basename "$dir")"
    rc=0
    "$PY" "$tool" --quiet --spam-sample -1 --json "$WORK/$variant.json" "$dir" >"$WORK/$variant.out" 2>&1 || rc=$?
    [ "$rc" -le 1 ] || { cat "$WORK/$variant.out" >&2; die "check-eml.py failed to run on $variant (exit $rc)"; }
    out="$("$PY" -c '
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
scores = [m["facts"]["spam"]["score"] for m in r if "spam" in m.get("facts", {})]
fails = sum(m["status"] == "FAIL" for m in r)
unscored = len(r) - len(scores)
print(len(r), ("%.3f" % max(scores)) if scores else "none", fails + unscored)' "$WORK/$variant.json")"
    read -r count spam fails <<<"$out"
    printf '%-24s %8s %10s %9s\n' "${variant/-//}" "$count" "$spam" "$fails"
    grep -E '^    (FAIL|WARN) ' "$WORK/$variant.out" | sed 's/^ */    /' | sort | uniq -c | head -10 || true
    echo "$variant $count $spam $fails" >>"$WORK/summary.txt"
  done
  local result
  result="$("$PY" -c '
import sys
rows = [l.split() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
scores = [float(r[2]) for r in rows if r[2] != "none"]
print("spam_score_max=%s check_failures=%d" % (("%.3f" % max(scores)) if scores else "none", sum(int(r[3]) for r in rows)))' \
    "$WORK/summary.txt")"
  echo "RESULT $result"
  [[ "$result" == *"check_failures=0" ]] || return 1
}

main
