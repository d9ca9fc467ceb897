#!/bin/bash
# bench/send-1m.sh - a 1,000,000-recipient send in a 256 MB heap.
#
# Runs bench/send.sh with a million subscribers (seeded through the REST API, frozen into the ledger,
# sent to Postfix's smtp-sink with the application at -Xmx256m) and reports whether the heap stays
# flat: the live heap after each collection (from the GC log) must not grow with the number of
# recipients, which are streamed, never loaded at once. The MongoDB-wire server runs in a process of
# its own, as a real MongoDB would (--database-process): the embedded one keeps every query's result
# in memory, which a million-subscriber audience does not fit into next to the application in 256 MB.
# The SMTP limit of the machine is measured in the same run, as in send.sh. Takes about an hour on
# a 2-core machine.
#
# Usage: bench/send-1m.sh [--messages N] [--smoke] [any other bench/send.sh option]
#   --smoke   a smoke run (bench/lib.sh; BENCH_SMOKE=1 too): 300 messages, send.sh's smoke sizes
# The last line is always exactly:
#   RESULT messages=… send_msgs_per_s=… smtp_limit_msgs_per_s=… ratio=… heap_max_mb=256 heap_peak_mb=… heap_live_mb=…
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
smoke_from_args "$@"
if smoke; then
  MESSAGES=300; POLLING=(--poll 1 --stall 60)
else
  # progress is one lookup of the issue's ledger head: polling every 10 s costs nothing
  MESSAGES=1000000; POLLING=(--poll 10 --stall 900)
fi
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) MESSAGES="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

OUT="$(mktemp -t infolettre-send-1m.XXXXXX)"
trap 'rm -f "$OUT"' EXIT
bash "$HERE/send.sh" --messages "$MESSAGES" "${POLLING[@]}" --database-process "${ARGS[@]}" 2>&1 | tee "$OUT"
result="$(grep '^RESULT ' "$OUT" | tail -1)"
[ -n "$result" ] || { echo "send.sh gave no RESULT line" >&2; exit 1; }
echo
echo "RESULT messages=$MESSAGES ${result#RESULT } heap_max_mb=256" \
  | sed -E 's/(heap_peak_mb=[0-9]+) (heap_live_mb=[0-9]+) (heap_max_mb=256)/\3 \1 \2/'
