#!/usr/bin/env sh
# Starts the HubSpot OAuth sandbox: builds sandbox/target/hubspot-oauth-sandbox.jar first if it is
# missing, then runs it. Every argument is passed on, e.g. --port=0 --data-dir=./data --admin-key=K.
#
# Start-up is made fast, and throughput kept, the way benchmarks/run.sh measured it
# (benchmarks/README.md): on first use after a build the jar is extracted (java -Djarmode=tools ...
# extract) and a training run that stops once the context is refreshed
# (-Dspring.context.exit=onRefresh) writes a class-data-sharing archive (-XX:ArchiveClassesAtExit),
# or on JDK 25 and later an ahead-of-time cache (-XX:AOTCacheOutput, JEP 483), which also keeps the
# classes linked; later starts map it (-XX:SharedArchiveFile, -XX:AOTCache) and use the bean
# definitions Spring's AOT processing wrote at build time (-Dspring.aot.enabled=true). Another JDK
# than the one that prepared them prepares again. The C2 compiler's thresholds are raised, so it
# stays out of the way while the sandbox starts and compiles the hot path once requests come; the
# serial collector starts sooner and, on a small machine, answers as fast as G1.
#
#   ./sandbox/run.sh --help          every flag, with its environment variable and default
#   ./sandbox/run.sh --prepare       build if needed and create the archive, then exit
#   SANDBOX_CDS=off ./sandbox/run.sh  plain java -jar: no archive, no AOT, default JIT and GC
#   SANDBOX_JAVA_OPTS="-Xmx256m"      more JVM options
#   JAVA_HOME=/opt/jdk-21             the JDK to build and run with (else JAVA, else java on PATH)
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/sandbox/target/hubspot-oauth-sandbox.jar"
CDS_DIR="$ROOT/sandbox/target/cds"
APP="$CDS_DIR/app/hubspot-oauth-sandbox.jar"
ARCHIVE="$CDS_DIR/sandbox.jsa"
AOT_CACHE="$CDS_DIR/sandbox.aot"
NATIVE="$CDS_DIR/native"
if [ -z "${JAVA:-}" ] && [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
  if [ ! -x "$JAVA" ]; then
    echo "run.sh: JAVA_HOME is $JAVA_HOME, but it has no bin/java; point it at a JDK 17 or newer" >&2
    exit 1
  fi
fi
JAVA="${JAVA:-java}"
EXTRA_OPTS="${SANDBOX_JAVA_OPTS:-}"
FAST_OPTS="-XX:+UseSerialGC -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=60000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=1000000 -Dspring.aot.enabled=true"

# The first build: Maven's per-module progress and a running count of downloads, the whole log in
# sandbox/target/first-build.log, and the time it took.
progress() {
  files=0
  while IFS= read -r line; do
    case "$line" in
      "[INFO] Building "*"]")
        step="${line##*[}"
        step="${step%]}"
        case "$step" in *[!0-9/]* | "") continue ;; esac
        name="${line#"[INFO] Building "}"
        name="${name%[*}"
        while [ "${name% }" != "$name" ]; do name="${name% }"; done
        echo "  module $step: $name"
        ;;
      "[INFO] Downloaded from "*)
        files=$((files + 1))
        if [ $((files % 100)) -eq 0 ]; then echo "    $files files downloaded so far"; fi
        ;;
      "[ERROR]"*) echo "$line" ;;
    esac
  done
}

build() {
  log="$ROOT/sandbox/target/first-build.log"
  mkdir -p "$ROOT/sandbox/target"
  cat >&2 <<MSG
Building the sandbox jar (first run only): ./mvnw -pl sandbox -am package -DskipTests
  On a quiet 2-core machine it takes under a minute, and about 2 more the very first time, when Maven
  downloads some 255 MB (itself, plugins, libraries) into ~/.m2. Full log: $log
MSG
  started=$(date +%s)
  status="$(mktemp "${TMPDIR:-/tmp}/sandbox-build.XXXXXX")"
  { (cd "$ROOT" && ./mvnw -B -pl sandbox -am package -DskipTests -Dmaven.javadoc.skip=true \
      -Dmaven.source.skip=true 2>&1); echo $? >"$status"; } | tee "$log" | progress >&2
  code="$(cat "$status")"
  rm -f "$status"
  if [ "$code" != 0 ]; then
    echo "The build failed (exit $code) after $(( $(date +%s) - started )) s; see $log" >&2
    exit "$code"
  fi
  echo "Built in $(( $(date +%s) - started )) s: $JAR" >&2
}

if [ ! -f "$JAR" ]; then
  build
fi

# What the archive is made from: the java that runs (a path without links; archives belong to the
# JDK that wrote them) and the jar as written: its size, inode and change time. Not its
# modification time: a reproducible build gives every rebuilt jar the same one. Without stat, a
# stamp that never matches: every start prepares again, slower but never on a stale jar.
stamp() {
  java_path="$(command -v "$JAVA" 2>/dev/null || echo "$JAVA")"
  java_path="$(readlink -f "$java_path" 2>/dev/null || echo "$java_path")"
  jar_id="$(stat -c '%s %i %Z' "$JAR" 2>/dev/null || stat -f '%z %i %c' "$JAR" 2>/dev/null ||
    echo "unknown $$")"
  echo "$java_path $jar_id"
}

# The JDK's feature version (17, 21, 25, ...); 0 if it cannot tell.
java_feature() {
  version="$("$JAVA" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')"
  case "$version" in '' | *[!0-9]*) echo 0 ;; *) echo "$version" ;; esac
}

# Extracts the jar and writes the archive when missing, or made from another jar or by another JDK
# (stamp). One run at a time (a lock directory); a failed training run only means starting without.
# Fails (status 1) when another run is preparing: what is there may be from the jar before.
prepare() {
  current="$(stamp)"
  for made in "$AOT_CACHE" "$ARCHIVE"; do
    if [ -f "$made" ] && [ "$(cat "$CDS_DIR/stamp" 2>/dev/null)" = "$current" ]; then
      return 0
    fi
  done
  mkdir -p "$(dirname "$CDS_DIR")"
  # A lock older than 10 minutes was left by a run that was stopped while it prepared.
  find "$CDS_DIR.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  if ! mkdir "$CDS_DIR.lock" 2>/dev/null; then
    return 1
  fi
  echo "Preparing a fast start (first run after a build, a few seconds)..." >&2
  rm -rf "$CDS_DIR"
  training="$(mktemp -d "${TMPDIR:-/tmp}/sandbox-cds.XXXXXX")"
  if "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null 2>&1; then
    extract_sqlite_library
    echo "$current" >"$CDS_DIR/stamp"
    if [ "$(java_feature)" -ge 25 ]; then
      archive_opts="-XX:AOTCacheOutput=$AOT_CACHE -Xlog:cds=off -Xlog:aot=off"
      made="$AOT_CACHE"
    else
      archive_opts="-XX:ArchiveClassesAtExit=$ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off"
      made="$ARCHIVE"
    fi
    # shellcheck disable=SC2086
    "$JAVA" $FAST_OPTS $(sqlite_library_opts) $archive_opts -Dspring.context.exit=onRefresh \
      -jar "$APP" --port=0 --data-dir="$training/data" --admin-key=cds-training >/dev/null 2>&1 ||
      rm -f "$made"
  fi
  rm -rf "$training" "$CDS_DIR.lock"
}

# SQLite's native library, copied once out of the sqlite-jdbc jar into $NATIVE: without it the
# driver copies it to the temporary directory and compares the copy at every start (about a tenth
# of the start's CPU). Any failure only means the driver does that as before.
extract_sqlite_library() {
  driver="$(ls "$CDS_DIR"/app/lib/sqlite-jdbc-*.jar 2>/dev/null | head -n 1)"
  [ -n "$driver" ] || return 0
  folder="$("$JAVA" -cp "$driver" org.sqlite.util.OSInfo 2>/dev/null)" || return 0
  mkdir -p "$NATIVE"
  (cd "$NATIVE" && unzip -q -o -j "$driver" "org/sqlite/native/$folder/*" >/dev/null 2>&1) ||
    rm -rf "$NATIVE"
}

# The JVM options that point sqlite-jdbc at that copy, when there is one.
sqlite_library_opts() {
  case "$NATIVE" in *" "*) return 0 ;; esac
  for lib in "$NATIVE"/*sqlitejdbc*; do
    if [ -f "$lib" ]; then
      echo "-Dorg.sqlite.lib.path=$NATIVE -Dorg.sqlite.lib.name=${lib##*/}"
      return 0
    fi
  done
}

if [ "${SANDBOX_CDS:-on}" = "off" ]; then
  [ "${1:-}" = "--prepare" ] && exit 0
  # shellcheck disable=SC2086
  exec "$JAVA" $EXTRA_OPTS -jar "$JAR" "$@"
fi
if prepare; then prepared=1; else prepared=0; fi
[ "${1:-}" = "--prepare" ] && exit 0
if [ "$prepared" = 1 ] && [ -f "$AOT_CACHE" ] && [ -f "$APP" ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" $FAST_OPTS $(sqlite_library_opts) -XX:AOTCache="$AOT_CACHE" -Xlog:cds=off \
    -Xlog:aot=off $EXTRA_OPTS -jar "$APP" "$@"
fi
if [ "$prepared" = 1 ] && [ -f "$ARCHIVE" ] && [ -f "$APP" ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" $FAST_OPTS $(sqlite_library_opts) -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off \
    -Xlog:cds+dynamic=off $EXTRA_OPTS -jar "$APP" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" $FAST_OPTS $EXTRA_OPTS -jar "$JAR" "$@"
