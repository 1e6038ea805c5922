#!/usr/bin/env sh
# The sandbox child JVM's start as sandbox-junit launches it, variant beside variant
# (benchmarks/README.md, "Where start-up time goes"): launch to the URL line, launch to the first
# answer of GET /sandbox/v1/health, and the child's CPU (utime + stime) at both; medians of RUNS
# interleaved starts (A B A B ...). Each variant is name=OPTIONS: JVM options, java=PATH for another
# java (e.g. a JDK 25), aot for an AOT cache (JDK 25+) instead of a CDS archive, jar=PATH for another
# jar (e.g. a copy of the baseline's), --flag for a sandbox flag. Every variant gets its own CDS
# archive from one training run.
#
#   benchmarks/child-start.sh 'base=' 'cts=-XX:CompileThresholdScaling=10'
#   RUNS=9 benchmarks/child-start.sh 'old=jar=/tmp/old.jar' 'new='
#
# Needs the jar built: ./mvnw -B -q -pl sandbox -am package -DskipTests
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$ROOT/sandbox/target/hubspot-oauth-sandbox.jar}"
RUNS="${RUNS:-7}"
JAVA="${JAVA:-java}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/child-start.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
[ "$#" -gt 0 ] || set -- 'base='
"$JAVA" "$ROOT/benchmarks/child-start/ChildStart.java" "$WORK" "$RUNS" "$JAR" "$@"
