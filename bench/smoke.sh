#!/bin/bash
# bench/smoke.sh - every benchmark in its smoke run, so that a benchmark the code has outgrown fails
# CI (.ci/run) rather than the next person who measures.
#
# A smoke run (bench/lib.sh) goes through the whole benchmark at small sizes in seconds and checks no
# performance goal: its figures mean nothing. Each executable bench/*.sh but this one runs in turn,
# in a process of its own with BENCH_SMOKE=1, at most BENCH_SMOKE_TIMEOUT seconds (default 600), and
# fails when it exits non-zero or prints no RESULT line. lib.sh and template-variants.sh are
# libraries: the benchmarks that source them run them.
#
# What the benchmarks need from Debian is installed first when it is missing (as root; see
# SMOKE_PACKAGES); the shared tools come from $SHARED_TOOLS (default $REPO/../shared/tools).
# Ends with one line "smoke: N passed, N failed". Exit status 0 when all passed (the work folder
# with each run's output is then removed), 1 otherwise.
#
# Usage: bench/smoke.sh [NAME...]    only these benchmarks (e.g. send pixel), all by default
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# postfix: smtp-sink and smtp-source (send.sh, send-1m.sh, the shared smtp-limit.sh); wrk and nginx
# (pixel.sh); python3-aiosmtpd (the shared mail-sink.sh); spamassassin, spamc, spamd (the shared
# check-eml.py, deliverability.sh); unzip (the jar's libraries for the programs run from source).
SMOKE_PACKAGES=(postfix wrk nginx python3-aiosmtpd spamassassin spamc spamd unzip curl python3)
LIMIT="${BENCH_SMOKE_TIMEOUT:-600}"

case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;; esac

lib_init
WORK="$(mktemp -d -t infolettre-smoke.XXXXXX)"
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "outputs kept: $WORK"; else rm -rf "$WORK"; fi'

benchmarks() {
  local script name
  for script in "$REPO"/bench/*.sh; do
    name="$(basename "$script" .sh)"
    [ -x "$script" ] && [ "$name" != smoke ] || continue
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    echo "$script"
  done
}

main() {
  local scripts=() script name rc result started seconds passed=0 failed=0 summary=()
  mapfile -t scripts < <(benchmarks "$@")
  [ ${#scripts[@]} -gt 0 ] || die "no benchmark to run (asked for: ${*:-all})"
  [ -d "$SHARED_TOOLS" ] || die "the shared tools are not in $SHARED_TOOLS (set SHARED_TOOLS)"
  ensure_tools
  ensure_pkgs "${SMOKE_PACKAGES[@]}"
  ensure_jar   # once, before any benchmark times anything
  for script in "${scripts[@]}"; do
    name="$(basename "$script" .sh)"
    log "smoke run of bench/$name.sh ..."
    started=$SECONDS
    rc=0
    BENCH_SMOKE=1 timeout --kill-after=60 "$LIMIT" bash "$script" --smoke >"$WORK/$name.log" 2>&1 || rc=$?
    seconds=$((SECONDS - started))
    result="$(grep '^RESULT ' "$WORK/$name.log" | tail -1 || true)"
    if [ "$rc" = 0 ] && [ -n "$result" ]; then
      passed=$((passed + 1))
      summary+=("$(printf 'ok    %-15s %4d s  %s' "$name" "$seconds" "$result")")
      log "bench/$name.sh: ok in ${seconds} s"
    else
      failed=$((failed + 1))
      local why="exit $rc"
      [ "$rc" = 124 ] && why="stopped after ${LIMIT} s"
      [ "$rc" = 0 ] && why="no RESULT line"
      summary+=("$(printf 'FAIL  %-15s %4d s  %s' "$name" "$seconds" "$why")")
      log "bench/$name.sh FAILED ($why); the end of its output:"
      tail -40 "$WORK/$name.log" | sed 's/^/  | /' >&2
    fi
  done
  echo
  echo "== benchmark smoke runs (sizes too small for the figures to mean anything)"
  printf '%s\n' "${summary[@]}"
  echo "smoke: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

main "$@"
