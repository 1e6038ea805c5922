#!/usr/bin/env sh
# Starts the HubSpot OAuth sandbox: builds sandbox/target/hubspot-oauth-sandbox.jar first if it is
# missing, then runs it. Every argument is passed on, e.g. --port=0 --data-dir=./data --admin-key=K.
#
# Start-up is made fast, and throughput kept, the way benchmarks/run.sh measured it
# (benchmarks/README.md): on first use after a build the jar is extracted (java -Djarmode=tools ...
# extract) and a training run that stops once the context is refreshed
# (-Dspring.context.exit=onRefresh) writes a class-data-sharing archive (-XX:ArchiveClassesAtExit);
# later starts map it (-XX:SharedArchiveFile) and use the bean definitions Spring's AOT processing
# wrote at build time (-Dspring.aot.enabled=true). The C2 compiler's thresholds are raised, so it
# stays out of the way while the sandbox starts and compiles the hot path once requests come; the
# serial collector starts sooner and, on a small machine, answers as fast as G1.
#
#   ./sandbox/run.sh --prepare       build if needed and create the archive, then exit
#   SANDBOX_CDS=off ./sandbox/run.sh  plain java -jar: no archive, no AOT, default JIT and GC
#   SANDBOX_JAVA_OPTS="-Xmx256m"      more JVM options
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/sandbox/target/hubspot-oauth-sandbox.jar"
CDS_DIR="$ROOT/sandbox/target/cds"
APP="$CDS_DIR/app/hubspot-oauth-sandbox.jar"
ARCHIVE="$CDS_DIR/sandbox.jsa"
JAVA="${JAVA:-java}"
EXTRA_OPTS="${SANDBOX_JAVA_OPTS:-}"
FAST_OPTS="-XX:+UseSerialGC -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=60000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=1000000 -Dspring.aot.enabled=true"

if [ ! -f "$JAR" ]; then
  echo "Building the sandbox (first run only)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl sandbox -am package -DskipTests)
fi

# Extracts the jar and writes the archive when missing or older than the jar. One run at a time
# (a lock directory); a failed training run only means starting without the archive.
prepare() {
  if [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$JAR" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$CDS_DIR")"
  if ! mkdir "$CDS_DIR.lock" 2>/dev/null; then
    return 0
  fi
  echo "Preparing a fast start (first run after a build, a few seconds)..." >&2
  rm -rf "$CDS_DIR"
  training="$(mktemp -d "${TMPDIR:-/tmp}/sandbox-cds.XXXXXX")"
  if "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    "$JAVA" $FAST_OPTS -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dspring.context.exit=onRefresh -jar "$APP" --port=0 --data-dir="$training/data" \
      --admin-key=cds-training >/dev/null 2>&1 || rm -f "$ARCHIVE"
  fi
  rm -rf "$training" "$CDS_DIR.lock"
}

if [ "${SANDBOX_CDS:-on}" = "off" ]; then
  [ "${1:-}" = "--prepare" ] && exit 0
  # shellcheck disable=SC2086
  exec "$JAVA" $EXTRA_OPTS -jar "$JAR" "$@"
fi
prepare
[ "${1:-}" = "--prepare" ] && exit 0
if [ -f "$ARCHIVE" ] && [ -f "$APP" ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" $FAST_OPTS -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off \
    $EXTRA_OPTS -jar "$APP" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" $FAST_OPTS $EXTRA_OPTS -jar "$JAR" "$@"
