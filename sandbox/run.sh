#!/usr/bin/env sh
# Starts the HubSpot OAuth sandbox: builds sandbox/target/hubspot-oauth-sandbox.jar first if it is
# missing, then runs it. Every argument is passed on, e.g. --port=0 --data-dir=./data --admin-key=K.
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/sandbox/target/hubspot-oauth-sandbox.jar"
if [ ! -f "$JAR" ]; then
  echo "Building the sandbox (first run only)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl sandbox -am package -DskipTests)
fi
exec java -jar "$JAR" "$@"
