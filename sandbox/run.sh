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
#   SANDBOX_JAVA_OPTS="-Xmx256m"      more JVM options (one naming a collector replaces the serial one)
#   JAVA_HOME=/opt/jdk-21             the JDK to build and run with (else java on PATH)
#   JAVA=/opt/jdk-21/bin/java         the java to run (wins over JAVA_HOME), and its JDK to build
set -eu
USER_JAVA="${JAVA:-}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/sandbox/target/hubspot-oauth-sandbox.jar"
CDS_DIR="$ROOT/sandbox/target/cds"
APP="$CDS_DIR/app/hubspot-oauth-sandbox.jar"
ARCHIVE="$CDS_DIR/sandbox.jsa"
AOT_CACHE="$CDS_DIR/sandbox.aot"
NATIVE="$CDS_DIR/native"
BUILD_LOCK="$ROOT/sandbox/target/first-build.lock"
if [ -z "${JAVA:-}" ] && [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
  if [ ! -x "$JAVA" ]; then
    echo "run.sh: JAVA_HOME is $JAVA_HOME, but it has no bin/java; point it at a JDK 17 or newer" >&2
    exit 1
  fi
fi
JAVA="${JAVA:-java}"
EXTRA_OPTS="${SANDBOX_JAVA_OPTS:-}"
case "$EXTRA_OPTS" in *-XX:+Use*GC*) GC_OPTS="" ;; *) GC_OPTS="-XX:+UseSerialGC" ;; esac
FAST_OPTS="$GC_OPTS -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=60000
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
  # JAVA alone names the JDK to build with too: Maven's wrapper reads JAVA_HOME.
  if [ -z "${JAVA_HOME:-}" ] && [ -n "$USER_JAVA" ]; then
    home="$(readlink -f "$(command -v "$USER_JAVA")" 2>/dev/null || true)"
    home="${home%/bin/java}"
    if [ -n "$home" ] && [ -x "$home/bin/javac" ]; then export JAVA_HOME="$home"; fi
  fi
  status="$(mktemp "${TMPDIR:-/tmp}/sandbox-build.XXXXXX")"
  # An interrupted build may leave a jar half written: it is removed, so the next run builds again.
  trap 'rm -f "$JAR" "$status"; rm -rf "$BUILD_LOCK"; exit 130' INT TERM
  { if (cd "$ROOT" && ./mvnw -B -pl sandbox -am package -DskipTests -Dmaven.javadoc.skip=true \
      -Dmaven.source.skip=true 2>&1); then code=0; else code=$?; fi; echo "$code" >"$status"; } |
    tee "$log" | progress >&2
  trap - INT TERM
  code="$(cat "$status")"
  rm -f "$status"
  if [ "${code:-1}" != 0 ]; then
    rm -f "$JAR"
    rm -rf "$BUILD_LOCK"
    echo "The build failed (exit ${code:-1}) after $(( $(date +%s) - started )) s; see $log" >&2
    exit "${code:-1}"
  fi
  echo "Built in $(( $(date +%s) - started )) s: $JAR" >&2
}

# One first build at a time: a run started while another builds waits for that build's jar (two
# Maven builds in one tree overwrite each other's classes), and builds itself only if that build
# left none. A lock whose run is gone (killed), or older than 30 minutes, is taken over.
build_once() {
  mkdir -p "$ROOT/sandbox/target"
  waiting=0
  stale=0
  until mkdir "$BUILD_LOCK" 2>/dev/null; do
    owner="$(cat "$BUILD_LOCK/pid" 2>/dev/null || true)"
    # Gone: the process is dead, is this very run (a PID reused, as PID 1 in a restarted
    # container) or is no run.sh at all; or the lock is older than 30 minutes.
    if { [ -n "$owner" ] && { [ "$owner" = "$$" ] || ! kill -0 "$owner" 2>/dev/null ||
      ! ps -p "$owner" -o args= 2>/dev/null | grep -q "run\.sh"; }; } ||
      [ -n "$(find "$BUILD_LOCK" -maxdepth 0 -mmin +30 2>/dev/null)" ]; then
      rm -rf "$BUILD_LOCK"
      stale=1
      continue
    fi
    if [ "$waiting" = 0 ]; then
      echo "Waiting for the first build, which another run.sh started (process ${owner:-?})..." >&2
      waiting=1
    fi
    sleep 1
  done
  echo "$$" >"$BUILD_LOCK/pid"
  # A build whose run is gone never finished: its jar may be half written.
  if [ "$stale" = 1 ]; then
    rm -f "$JAR"
  fi
  if [ ! -f "$JAR" ]; then
    build
  fi
  rm -rf "$BUILD_LOCK"
}

# A jar while another run's build holds the lock may be half written (Maven writes it, then
# repackages it in place): wait for that build too.
if [ ! -f "$JAR" ] || [ -d "$BUILD_LOCK" ]; then
  build_once
fi

# What the archive is made from: the java that runs (a path without links, and its JDK's release
# file, or for a version manager's shim, which stays one path whatever JDK it runs, the JVM's own
# home and version; archives belong to the JDK that wrote them) and the jar as written: its size,
# inode and change time. Not its modification time: a reproducible build gives every rebuilt jar
# the same one. Without stat, a stamp that never matches: every start prepares again, slower but
# never on a stale jar.
stamp() {
  java_path="$(command -v "$JAVA" 2>/dev/null || echo "$JAVA")"
  java_path="$(readlink -f "$java_path" 2>/dev/null || echo "$java_path")"
  release="${java_path%/bin/java}/release"
  if [ "$release" != "$java_path/release" ] && [ -f "$release" ]; then
    java_id="$(grep -E '^(IMPLEMENTOR|JAVA_RUNTIME_VERSION|JAVA_VERSION)=' "$release" | tr '\n' ' ')"
  else
    java_id="$("$JAVA" -XshowSettings:properties -version 2>&1 |
      sed -n -e 's/^ *java\.home = //p' -e 's/^ *java\.runtime\.version = //p' | tr '\n' ' ')"
  fi
  jar_id="$(stat -c '%s %i %Z' "$JAR" 2>/dev/null || stat -f '%z %i %c' "$JAR" 2>/dev/null ||
    echo "unknown $$")"
  echo "$java_path $java_id$jar_id"
}

# The JDK's feature version (17, 21, 25, ...); 0 if it cannot tell.
java_feature() {
  version="$("$JAVA" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')"
  case "$version" in '' | *[!0-9]*) echo 0 ;; *) echo "$version" ;; esac
}

# Extracts the jar and writes the archive when the stamp is not the current one (another jar or
# another JDK). One run at a time (a lock directory). The archive is written under another name and
# moved into place, and the stamp is written last: a run that finds the stamp current finds what
# the preparation left complete, an archive or, if training failed, none (then it starts without,
# and does not try again until the jar or the JDK changes; delete sandbox/target/cds to retry).
# Fails (status 1) when another run is preparing: what is there may be from the jar before.
prepare() {
  current="$(stamp)"
  if [ "$(cat "$CDS_DIR/stamp" 2>/dev/null)" = "$current" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$CDS_DIR")"
  # A lock older than 10 minutes was left by a run that was stopped while it prepared.
  find "$CDS_DIR.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  if ! mkdir "$CDS_DIR.lock" 2>/dev/null; then
    return 1
  fi
  echo "Preparing a fast start (first run after a build, a few seconds)..." >&2
  training="$(mktemp -d "${TMPDIR:-/tmp}/sandbox-cds.XXXXXX")"
  trap 'rm -rf "$training" "$CDS_DIR.lock"; exit 130' INT TERM
  rm -rf "$CDS_DIR"
  if "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null 2>&1; then
    extract_sqlite_library
    if [ "$(java_feature)" -ge 25 ]; then
      made="$AOT_CACHE"
      out_opt="-XX:AOTCacheOutput=$made.part"
      log_opts="-Xlog:cds=off -Xlog:aot=off"
    else
      made="$ARCHIVE"
      out_opt="-XX:ArchiveClassesAtExit=$made.part"
      log_opts="-Xlog:cds=off -Xlog:cds+dynamic=off"
    fi
    # shellcheck disable=SC2086
    if "$JAVA" $FAST_OPTS $(sqlite_library_opts) "$out_opt" $log_opts \
      -Dspring.context.exit=onRefresh -jar "$APP" --port=0 --data-dir="$training/data" \
      --admin-key=cds-training >/dev/null 2>&1 && [ -s "$made.part" ]; then
      mv -f "$made.part" "$made"
    else
      rm -f "$made.part"
      echo "The fast start could not be prepared; starting without it." >&2
    fi
  else
    mkdir -p "$CDS_DIR"
    echo "The jar could not be extracted; starting it as it is." >&2
  fi
  echo "$current" >"$CDS_DIR/stamp"
  trap - INT TERM
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
