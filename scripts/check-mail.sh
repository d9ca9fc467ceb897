#!/bin/bash
# scripts/check-mail.sh - end-to-end check of the real messages Infolettre sends (run by CI).
#
#   1. builds the jar if it is missing;
#   2. starts the shared capturing SMTP sink (mail-sink.sh: every message saved as .eml, byte for byte);
#   3. starts the application with its demo data (~600 members, one draft issue) against that sink,
#      with an https public URL (List-Unsubscribe must be https);
#   4. finds the demo draft through GET /api/v1/issues, sends it and waits for SENT;
#   5. asserts that the number of captured .eml equals the issue's progress.sent and is > 250;
#   6. sends the demo issue once more per shipped template and language, to one member of that
#      language (bench/template-variants.sh), each capture in its own folder;
#   7. runs the shared check-eml.py on the captured folder (MIME, RFC 8058 headers, HTML pixel and
#      unsubscribe links, per-recipient URLs, SpamAssassin on a sample) and fails when it fails,
#      then on each template's message, which fails above a SpamAssassin score of $TEMPLATE_SPAM_MAX.
# Exit status: 0 when everything passed, non-zero otherwise (the work folder is then kept).
#
# Usage: scripts/check-mail.sh [--spam-sample N] [--min-messages N] [--keep]
#   --spam-sample N   messages checked by SpamAssassin (default 5; 0 = off)
#   --min-messages N  the captured count must be greater than N (default 250)
#   --keep            keep the work folder (captured .eml, app log, check-eml report) on success too
# Environment: SHARED_TOOLS (default $REPO/../shared/tools).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib.sh"
# shellcheck source=bench/template-variants.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/template-variants.sh"

TEMPLATE_SPAM_MAX=0.5

SPAM_SAMPLE=5
MIN_MESSAGES=250
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --spam-sample) SPAM_SAMPLE="$2"; shift 2 ;;
    --min-messages) MIN_MESSAGES="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

lib_init
WORK="$(mktemp -d -t infolettre-check-mail.XXXXXX)"
CAPTURED="$WORK/captured"
on_exit 'if [ "$EXIT_CODE" != 0 ] || [ "$KEEP" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi'

count_eml() { find "$CAPTURED" -maxdepth 1 -name '*.eml' | wc -l; }

start_mail_sink() {
  local port
  port="$(free_port 1)"
  MAIL_SINK_PID="$(bash "$SHARED_TOOLS/mail-sink.sh" start --dir "$CAPTURED" --port "$port" --log "$WORK/mail-sink.log")" \
    || die "mail-sink.sh did not start"
  on_exit 'bash "$SHARED_TOOLS/mail-sink.sh" stop "$MAIL_SINK_PID" >/dev/null 2>&1 || true'
  MAIL_SINK_PORT="$port"
  log "mail-sink (capturing) on 127.0.0.1:$port, pid $MAIL_SINK_PID, folder $CAPTURED"
}

# The demo loader seeds exactly one draft; the draft is the only issue in DRAFT status.
find_demo_draft() {
  local issues id count tries=0
  # the demo data is loaded once the application answers: wait for it (a minute at most)
  while :; do
    issues="$(api GET /api/v1/issues)" || die "GET /api/v1/issues failed"
    count="$(json 'len([i for i in j if i["status"] == "DRAFT"])' <<<"$issues")"
    [ "$count" -ge 1 ] || [ "$tries" -ge 120 ] && break
    tries=$((tries + 1))
    sleep 0.5
  done
  [ "$count" -ge 1 ] || die "no DRAFT issue among $(json 'len(j)' <<<"$issues") issue(s): is the demo data on?"
  [ "$count" = 1 ] || log "warning: $count draft issues; sending the first one"
  id="$(json '[i for i in j if i["status"] == "DRAFT"][0]["id"]' <<<"$issues")"
  log "demo draft: $id, \"$(json '[i for i in j if i["id"] == "'"$id"'"][0]["title"]' <<<"$issues")\""
  echo "$id"
}

# check_templates: check-eml.py with SpamAssassin on each template's message; fails on a FAIL or
# on a score above TEMPLATE_SPAM_MAX.
check_templates() {
  local dir variant rc bad=0 line
  echo
  echo "== check-mail: one message per shipped template (SpamAssassin at most $TEMPLATE_SPAM_MAX)"
  for dir in "$WORK"/variants/*/; do
    variant="$(basename "$dir")"
    rc=0
    "$PY" "$SHARED_TOOLS/check-eml.py" --quiet --spam-sample -1 --json "$WORK/$variant.json" "$dir" \
      >"$WORK/$variant.out" 2>&1 || rc=$?
    line="$("$PY" -c '
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
scores = [m["facts"]["spam"]["score"] for m in r if "spam" in m.get("facts", {})]
rules = sorted({rule[0] for m in r if "spam" in m.get("facts", {}) for rule in m["facts"]["spam"]["rules"]})
ok = len(scores) == len(r) and all(s <= float(sys.argv[2]) for s in scores) and all(m["status"] != "FAIL" for m in r)
print("ok" if ok else "bad", max(scores) if scores else "none", ",".join(rules) or "-")' \
      "$WORK/$variant.json" "$TEMPLATE_SPAM_MAX")" || line="bad none -"
    echo "  ${variant/-//}: spam score $(cut -d' ' -f2 <<<"$line"), rules $(cut -d' ' -f3 <<<"$line"), check-eml exit $rc"
    if [ "$rc" != 0 ] || [[ "$line" == bad* ]]; then
      grep -E '^    (FAIL|WARN) ' "$WORK/$variant.out" | head -10 || true
      bad=1
    fi
  done
  [ "$bad" = 0 ] || die "a template's message failed its checks (reports in $WORK)"
}

main() {
  local tool="$SHARED_TOOLS/check-eml.py"
  [ -f "$tool" ] && [ -f "$SHARED_TOOLS/mail-sink.sh" ] || die "shared tools not found in $SHARED_TOOLS (set SHARED_TOOLS)"
  ensure_tools
  ensure_jar

  start_mail_sink
  app_start "$WORK/data" "$MAIL_SINK_PORT" "$WORK/app.log" -- --newsletter.demo.enabled=true
  app_wait_ready 180
  log "application ready on port $APP_PORT (pid $APP_PID)"

  local id doc rc=0 sent total failed skipped captured
  id="$(find_demo_draft)"
  api POST "/api/v1/issues/$id/send" >/dev/null || die "POST /api/v1/issues/$id/send was refused"
  doc="$(issue_wait_done "$id" 600 1)" || rc=$?
  case "$rc" in
    0) ;;
    1) tail -30 "$APP_LOG" >&2; die "issue $id FAILED: $(json 'j.get("failureReason")' <<<"$doc")" ;;
    3) tail -30 "$APP_LOG" >&2; die "the application process ended during the send (see the log above)" ;;
    *) tail -30 "$APP_LOG" >&2; die "issue $id not SENT after 600 s: $(json 'j["status"]' <<<"$doc") $(json 'j["progress"]' <<<"$doc")" ;;
  esac
  read -r total sent failed skipped < <(json '"%(total)d %(sent)d %(failed)d %(skipped)d" % j["progress"]' <<<"$doc")
  # mail-sink renames each .eml into place before it answers 250, so the count is final here.
  captured="$(count_eml)"
  mkdir -p "$WORK/demo"
  find "$CAPTURED" -maxdepth 1 -name '*.eml' -exec mv -t "$WORK/demo" {} +

  # one message per shipped template and language
  local variants name language
  variant_members 1
  variants="$(template_variants)"
  [ -n "$variants" ] || die "no usable shipped template listed by GET /api/v1/templates"
  while read -r name language; do
    send_variant "$name" "$language" "$WORK/variants/$name-$language" >/dev/null
  done <<<"$variants"
  app_stop   # everything is on disk; free the CPU for SpamAssassin
  CAPTURED="$WORK/demo"

  log "issue $id SENT: total $total, sent $sent, failed $failed, skipped $skipped; captured $captured .eml"
  [ "$captured" = "$sent" ] || die "captured $captured .eml but the issue reports $sent sent"
  [ "$captured" -gt "$MIN_MESSAGES" ] || die "only $captured messages captured (expected more than $MIN_MESSAGES)"

  log "running check-eml.py --quiet --spam-sample $SPAM_SAMPLE on $captured messages ..."
  rc=0
  "$PY" "$tool" --quiet --spam-sample "$SPAM_SAMPLE" --json "$WORK/check-eml.json" "$CAPTURED" \
    >"$WORK/check-eml.out" 2>"$WORK/check-eml.err" || rc=$?

  echo
  echo "== check-mail: demo issue $id, $sent sent, $captured captured, check-eml exit $rc"
  # check-eml --quiet details only failing/warning messages; show each distinct finding once, counted.
  if grep -qE '^    (FAIL|WARN) ' "$WORK/check-eml.out"; then
    echo "Findings (distinct FAIL/WARN lines, with the number of messages showing each):"
    grep -E '^    (FAIL|WARN) ' "$WORK/check-eml.out" | sed 's/^ *//' | sort | uniq -c | sort -rn | head -40
  fi
  sed -n '/^== /,$p' "$WORK/check-eml.out"
  [ -s "$WORK/check-eml.err" ] && sed 's/^/check-eml stderr: /' "$WORK/check-eml.err" | tail -20
  [ "$rc" = 0 ] || die "check-eml.py failed (exit $rc); full report in $WORK/check-eml.out"
  check_templates
  echo "check-mail: PASSED"
}

main
