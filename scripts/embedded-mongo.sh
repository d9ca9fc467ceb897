#!/bin/bash
# scripts/embedded-mongo.sh - the embedded MongoDB-wire server (newsletter-embedded-mongo) in a process
# of its own on 127.0.0.1: for CI, which runs the tests against it through NEWSLETTER_TEST_MONGODB_URI,
# and for an operator (serve a stopped application's data folder to mongodump, for example).
#
# Usage:
#   scripts/embedded-mongo.sh start PORT DIR           its file is DIR/newsletter.mv (an application's data
#                                                      folder: stop the application first), created if need be
#   scripts/embedded-mongo.sh start PORT --in-memory   its data goes when it stops
#   scripts/embedded-mongo.sh stop PORT                SIGTERM (the store is closed first), waits for the end
# start returns once the server accepts connections: mongodb://127.0.0.1:PORT
#
# It runs the module's jar on its Maven class path (built first when missing or older than its sources;
# Maven Central only). Its pid and log are in target/embedded-mongo/PORT.{pid,log}.
# Environment: EMBEDDED_MONGO_JAVA_OPTS (default -Xmx1g),
#              EMBEDDED_MONGO_KEEP_VALUES_OF (default subscribers, as the application's setting).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/newsletter-embedded-mongo"
RUN="$ROOT/target/embedded-mongo"
MAIN=io.infolettre.embeddedmongo.EmbeddedMongoServer

die() { echo "embedded-mongo: $*" >&2; exit 1; }

usage() { sed -n '/^# Usage:/,/^# start returns/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The module's jar and the class path of its dependencies, rebuilt when a source is newer.
class_path() {
  local jar="$MODULE/target/newsletter-embedded-mongo-0.1.0-SNAPSHOT.jar"
  local deps="$MODULE/target/classpath.txt"
  if [ ! -f "$jar" ] || [ -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl newsletter-embedded-mongo package -DskipTests) >&2
  fi
  if [ ! -f "$deps" ] || [ "$MODULE/pom.xml" -nt "$deps" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl newsletter-embedded-mongo dependency:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile="$deps") >&2
  fi
  echo "$jar:$(cat "$deps")"
}

# The pid in PORT.pid, if that process is still this server (a pid may have been reused since).
running_pid() {
  local pidfile="$RUN/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN" || return 1
  echo "$pid"
}

start() {
  local port="$1" where="$2" storage
  [[ "$port" =~ ^[0-9]+$ ]] || die "the port must be a number: $port"
  if [ "$where" = --in-memory ]; then
    storage=(--in-memory)
  else
    mkdir -p "$where"
    storage=(--file "$(cd "$where" && pwd)/newsletter.mv")
  fi
  running_pid "$port" >/dev/null && die "already running on port $port (pid $(cat "$RUN/$port.pid"))"
  accepts "$port" && die "port $port is taken"
  mkdir -p "$RUN"
  local cp
  cp="$(class_path)"
  # the log as the application has it: mongo-java-server says every connection and collection at INFO
  # shellcheck disable=SC2086  # EMBEDDED_MONGO_JAVA_OPTS is a space-separated option list on purpose
  nohup java ${EMBEDDED_MONGO_JAVA_OPTS:--Xmx1g} -Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo=warn \
    -Dorg.slf4j.simpleLogger.showDateTime=true -cp "$cp" "$MAIN" --port "$port" "${storage[@]}" \
    --keep-values-of "${EMBEDDED_MONGO_KEEP_VALUES_OF:-subscribers}" </dev/null >"$RUN/$port.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$RUN/$port.pid"
  for _ in $(seq 1 120); do
    accepts "$port" && { echo "mongodb://127.0.0.1:$port (pid $pid, log $RUN/$port.log)"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  cat "$RUN/$port.log" >&2
  die "the server did not start on port $port"
}

stop() {
  local port="$1" pid
  pid="$(running_pid "$port")" || { rm -f "$RUN/$port.pid"; echo "not running on port $port"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$RUN/$port.pid"; echo "stopped (pid $pid)"; return 0; }
    sleep 0.5
  done
  die "pid $pid still running 60 s after SIGTERM (see $RUN/$port.log)"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
