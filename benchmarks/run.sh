#!/usr/bin/env bash
# Benchmarks, one run, one machine: the sandbox beside WireMock (tuned) under wrk, startup to first
# answer, RSS, a kill -9 durability check under load, the JMH client benchmarks, and the build
# timings. Prints one table and writes it to benchmarks/results/<date>.txt.
#
#   benchmarks/run.sh                  # everything
#   SECTIONS="http" benchmarks/run.sh  # only some of: http jmh build junit
#   CONNS="1 16 64" DURATION_S=10 WARMUP_S=5 STARTS=5 benchmarks/run.sh
#   STARTUP_ONLY=1 SECTIONS="http junit" STARTS=7 benchmarks/run.sh  # start-ups only: no wrk load,
#                                      # RSS or kill -9 in the http section
#
# Needs JDK 17+, curl and wrk (Debian's package; installed with apt-get when missing and
# root). Servers bind 127.0.0.1 only, every load is bounded in time, and every server this script
# starts is stopped by its PID on exit. The sandbox is started with ./sandbox/run.sh, exactly as the
# README says (CDS archive, JIT flags); WireMock standalone comes from Maven Central via the
# benchmarks module (target/lib).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SECTIONS=${SECTIONS:-"http jmh build junit"}
CONNS=${CONNS:-"1 16 64"}
WARMUP_S=${WARMUP_S:-5}
DURATION_S=${DURATION_S:-10}
STARTS=${STARTS:-5}
STARTUP_ONLY=${STARTUP_ONLY:-0}
WRK_THREADS=${WRK_THREADS:-2}
SANDBOX_PORT=${SANDBOX_PORT:-18080}
WIREMOCK_PORT=${WIREMOCK_PORT:-18081}
JAVA_BIN=${JAVA_BIN:-java}
WORK=$(mktemp -d /tmp/hubspot-oauth-bench.XXXXXX)
RESULTS="$HERE/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT="$RESULTS/$STAMP.txt"
ADMIN_KEY="bench-admin-key-$(date +%s)"
mkdir -p "$RESULTS"

log() { echo "[$(date +%T)] $*" >&2; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS="$WORK/rows.txt"
: >"$ROWS"
row() { echo "$*" >>"$ROWS"; }

# ---- tools -------------------------------------------------------------------------------------
need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing $2 (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "benchmarks need $1: apt-get install $2" >&2
    exit 2
  fi
}
need wrk wrk
need curl curl

# ---- server lifecycle --------------------------------------------------------------------------
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# Refuses to measure a server this script did not start.
port_free() {
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; then
    echo "port $1 already answers; set SANDBOX_PORT / WIREMOCK_PORT to free ports" >&2
    exit 2
  fi
}

# start LOG cmd... ; then wait_answer URL [curl args...]: sets STARTUP_MS (launch -> first answer)
start() {
  local logf=$1
  shift
  START_NS=$(date +%s%N)
  "$@" >"$logf" 2>&1 &
  SERVER_PID=$!
}
wait_answer() {
  local url=$1
  shift
  local deadline=$(($(date +%s) + 60))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" "$url" 2>/dev/null || true)" =~ ^[2-4] ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server died during startup"; return 1; }
    (($(date +%s) > deadline)) && { log "no answer after 60 s"; return 1; }
    sleep 0.01
  done
  STARTUP_MS=$((($(date +%s%N) - START_NS) / 1000000))
}
rss_mb() { awk '{printf "%.0f", $1/1024}' <<<"$(ps -o rss= -p "$SERVER_PID")"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# wrk_row NAME CONNS METHOD URL [BODY]: one measured run after a warm-up; appends a LOAD row
wrk_row() {
  local name=$1 c=$2 method=$3 url=$4 body=${5:-} t res
  t=$((c < WRK_THREADS ? c : WRK_THREADS))
  export WRK_METHOD=$method WRK_BODY=$body
  timeout -s INT $((WARMUP_S + 10)) wrk -t"$t" -c"$c" -d"${WARMUP_S}s" -s "$HERE/wrk.lua" "$url" >/dev/null 2>&1 || true
  res=$(timeout -s INT $((DURATION_S + 10)) wrk -t"$t" -c"$c" -d"${DURATION_S}s" --latency -s "$HERE/wrk.lua" "$url" 2>&1 | grep '^RESULT' || true)
  [[ -n "$res" ]] || { log "wrk gave no result for $name c=$c"; return; }
  read -r _ rps p50 p99 nreq errs non2xx <<<"$res"
  row "LOAD $name $c $rps $p50 $p99 $nreq $errs $non2xx $(rss_mb)"
  log "$name c=$c: $rps req/s, p50 ${p50} ms, p99 ${p99} ms, errors $errs, non-2xx $non2xx"
}

# ---- build once --------------------------------------------------------------------------------
log "building (sandbox, clients, benchmarks)"
# Only what the run needs; formatting is checked by the normal build, not here.
(cd "$ROOT" && ./mvnw -B -q -Pbench package -DskipTests -Dspotless.check.skip=true -pl sandbox,benchmarks -am) >&2
WIREMOCK_JAR=$(ls "$ROOT"/benchmarks/target/lib/wiremock-standalone-*.jar)
WIREMOCK_VERSION=$(basename "$WIREMOCK_JAR" .jar | sed 's/^wiremock-standalone-//')
BENCH_JAR="$ROOT/benchmarks/target/hubspot-oauth-benchmarks.jar"
# The README's run command: extracts the jar and writes its CDS archive once, before any timing.
JAVA="$JAVA_BIN" "$ROOT/sandbox/run.sh" --prepare

TOKEN_FORM='grant_type=refresh_token&client_id=x&client_secret=y&refresh_token=6f18f26a-3e95-4d95-a6e5-3d5c6e5c9e5a'
TOKEN_JSON='{"access_token":"CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D","token_type":"bearer","expires_in":1800,"refresh_token":"6f18f26a-3e95-4d95-a6e5-3d5c6e5c9e5a"}'
METADATA_JSON='{"token":"CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D","user":"user@example.com","hub_domain":"demo.hubspot.com","scopes":["oauth"],"hub_id":62515,"app_id":456789,"expires_in":1754,"user_id":123456,"token_type":"access"}'

wiremock_root() {
  local root="$WORK/wiremock"
  mkdir -p "$root/mappings"
  cat >"$root/mappings/token.json" <<JSON
{ "request": { "method": "POST", "url": "/oauth/v1/token" },
  "response": { "status": 200, "headers": { "Content-Type": "application/json" },
                "body": "$(sed 's/"/\\"/g' <<<"$TOKEN_JSON")" } }
JSON
  cat >"$root/mappings/metadata.json" <<JSON
{ "request": { "method": "GET", "urlPathPattern": "/oauth/v1/access-tokens/[^/]+" },
  "response": { "status": 200, "headers": { "Content-Type": "application/json" },
                "body": "$(sed 's/"/\\"/g' <<<"$METADATA_JSON")" } }
JSON
  echo "$root"
}

start_wiremock() {
  port_free "$WIREMOCK_PORT"
  start "$WORK/wiremock.log" "$JAVA_BIN" -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 \
    --port "$WIREMOCK_PORT" --root-dir "$1" --no-request-journal --disable-request-logging --disable-banner
  wait_answer "http://127.0.0.1:$WIREMOCK_PORT/oauth/v1/token" -X POST --data "$TOKEN_FORM"
}

start_sandbox() {
  port_free "$SANDBOX_PORT"
  # run.sh execs java, so its PID is the server's.
  start "$WORK/sandbox.log" env JAVA="$JAVA_BIN" "$ROOT/sandbox/run.sh" --port="$SANDBOX_PORT" \
    --data-dir="$1" --admin-key="$ADMIN_KEY"
  wait_answer "http://127.0.0.1:$SANDBOX_PORT/oauth/v1/access-tokens/startup-probe"
}

# One string field of a JSON answer (as in sandbox/README.md).
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# Creates an app and exchanges a code; prints "client_id client_secret refresh_token access_token".
sandbox_tokens() {
  local base="http://127.0.0.1:$SANDBOX_PORT" app code tokens
  app=$(curl -sf -X POST "$base/sandbox/v1/apps" -H "Authorization: Bearer $ADMIN_KEY" \
    -H 'Content-Type: application/json' \
    -d '{"name":"bench","redirect_uris":["https://bench.example.com/cb"],"scopes":["oauth"],"optional_scopes":[]}')
  local id secret
  id=$(field client_id <<<"$app")
  secret=$(field client_secret <<<"$app")
  code=$(curl -sf -X POST "$base/sandbox/v1/authorization-codes" -H "Authorization: Bearer $ADMIN_KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"client_id\":\"$id\",\"redirect_uri\":\"https://bench.example.com/cb\",\"scopes\":[\"oauth\"],\"hub_id\":62515,\"user_id\":123456,\"user\":\"bench@example.com\"}" |
    field code)
  tokens=$(curl -sf -X POST "$base/oauth/v1/token" --data-urlencode grant_type=authorization_code \
    --data-urlencode "client_id=$id" --data-urlencode "client_secret=$secret" \
    --data-urlencode redirect_uri=https://bench.example.com/cb --data-urlencode "code=$code")
  echo "$id $secret $(field refresh_token <<<"$tokens") $(field access_token <<<"$tokens")"
}

http_section() {
  local root times wm_times data tokens id secret refresh access form
  root=$(wiremock_root)
  data="$WORK/sandbox-data"
  # Start-up: WireMock and the sandbox alternately, so a machine that drifts during the run weighs
  # on both alike; the sandbox reuses its data directory, as a developer's restarts do.
  times=()
  wm_times=()
  for i in $(seq "$STARTS"); do
    start_wiremock "$root"
    wm_times+=("$STARTUP_MS")
    stop_server
    start_sandbox "$data"
    times+=("$STARTUP_MS")
    stop_server
  done
  row "START wiremock-tuned $(printf '%s\n' "${wm_times[@]}" | median) ${wm_times[*]}"
  if [[ "$STARTUP_ONLY" == 1 ]]; then
    row "START sandbox $(printf '%s\n' "${times[@]}" | median) ${times[*]}"
    return
  fi
  start_wiremock "$root"
  for c in $CONNS; do
    wrk_row wiremock-static-token "$c" POST "http://127.0.0.1:$WIREMOCK_PORT/oauth/v1/token" "$TOKEN_FORM"
    wrk_row wiremock-static-metadata "$c" GET "http://127.0.0.1:$WIREMOCK_PORT/oauth/v1/access-tokens/CKDZpunPLhICAQEYs"
  done
  row "RSS wiremock-tuned $(rss_mb)"
  stop_server

  start_sandbox "$data"
  row "START sandbox $(printf '%s\n' "${times[@]}" | median) ${times[*]}"
  read -r id secret refresh access <<<"$(sandbox_tokens)"
  form="grant_type=refresh_token&client_id=$id&client_secret=$secret&refresh_token=$refresh"
  for c in $CONNS; do
    wrk_row sandbox-refresh-grant "$c" POST "http://127.0.0.1:$SANDBOX_PORT/oauth/v1/token" "$form"
    wrk_row sandbox-access-metadata "$c" GET "http://127.0.0.1:$SANDBOX_PORT/oauth/v1/access-tokens/$access"
  done
  row "RSS sandbox $(rss_mb)"

  # Durability: kill -9 in the middle of a 64-connection refresh load, restart on the same data,
  # and check that every sampled token that was answered 200 is still valid.
  local samples="$WORK/answered" dur=$((DURATION_S > 4 ? DURATION_S : 4))
  export WRK_METHOD=POST WRK_BODY=$form WRK_SAMPLE_FILE=$samples WRK_SAMPLE_EVERY=${SAMPLE_EVERY:-25}
  timeout -s INT $((dur + 10)) wrk -t2 -c64 -d"${dur}s" -s "$HERE/wrk.lua" \
    "http://127.0.0.1:$SANDBOX_PORT/oauth/v1/token" >/dev/null 2>&1 &
  local wrk_pid=$!
  sleep $((dur / 2))
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  wait "$wrk_pid" 2>/dev/null || true
  unset WRK_SAMPLE_FILE WRK_SAMPLE_EVERY
  start_sandbox "$data"
  local total=0 valid=0 token
  while read -r token; do
    total=$((total + 1))
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SANDBOX_PORT/oauth/v1/access-tokens/$token")" == 200 ]] && valid=$((valid + 1))
  done < <(cat "$samples".* 2>/dev/null)
  row "DURABLE sandbox $total $valid"
  log "kill -9 under load: $valid of $total sampled answered tokens valid after restart"
  stop_server
}

jmh_section() {
  log "JMH: client facades vs a raw call of their own library, cached token path"
  "$JAVA_BIN" -jar "$BENCH_JAR" -rf text -rff "$WORK/jmh.txt" ${JMH_ARGS:--f 2 -wi 5 -w 2s -i 5 -r 2s} >&2
  grep -E '^[A-Za-z].*(avgt|thrpt)' "$WORK/jmh.txt" | sed 's/^/JMH /' >>"$ROWS" || true
}

# JUnit extensions: WireMock's beside hubspot-oauth-sandbox-junit, launch to first answer, each
# run a fresh JVM (ExtensionStartup), after one untimed start of each (the sandbox's first start of
# a jar writes its CDS archive, as run.sh --prepare does before the http section's timing).
junit_section() {
  log "JUnit extension startup: WireMock's WireMockExtension vs HubSpotSandboxExtension"
  "$JAVA_BIN" -cp "$BENCH_JAR" dev.oauthkit.hubspot.benchmarks.ExtensionStartup "$STARTS" | tee -a "$WORK/junit.txt" >&2
  sed 's/^/JUNIT /' "$WORK/junit.txt" >>"$ROWS"
}

# Runs in a copy of the working tree (no .git, no target/), so the shared spec and other builds'
# target/ directories are never touched. Timed builds are `compile` of every module, offline,
# without the formatting check.
build_section() {
  log "build: regenerate + compile all after a spec change; then with the spec unchanged"
  local copy="$WORK/build-copy" spec t0 t1 t2 regenerated
  mkdir -p "$copy"
  (cd "$ROOT" && tar --exclude=./.git --exclude='./*/target' --exclude=./target --exclude=./benchmarks/results -cf - .) |
    (cd "$copy" && tar -xf -)
  spec="$copy/spec/src/main/resources/hubspot-oauth-v1.yaml"
  local mvn=(./mvnw -B -q -Dspotless.check.skip=true compile)
  (cd "$copy" && "${mvn[@]}" >/dev/null 2>&1) || { log "build of the copy failed"; return; }
  grep -q 'description: The new access token' "$spec" || { log "spec edit anchor missing"; return; }
  sed -i '0,/description: The new access token/s//description: The new access token (bench edit)/' "$spec"
  t0=$(date +%s%N)
  (cd "$copy" && "${mvn[@]}" -o >/dev/null 2>&1) || { log "build after the spec change failed"; return; }
  t1=$(date +%s%N)
  regenerated=$(grep -rl 'bench edit' "$copy"/*/target/generated-sources 2>/dev/null | wc -l)
  row "BUILD spec-change $(((t1 - t0) / 1000000)) $regenerated"
  sleep 1
  local mark="$WORK/build-mark"
  touch "$mark"
  t2=$(date +%s%N)
  (cd "$copy" && "${mvn[@]}" -o >/dev/null 2>&1) || { log "unchanged build failed"; return; }
  t1=$(date +%s%N)
  regenerated=$(find "$copy" -path '*/generated-sources/*' -type f -newer "$mark" | wc -l)
  row "BUILD unchanged $(((t1 - t2) / 1000000)) $regenerated"
  log "build: unchanged spec rewrote $regenerated generated files"
}

for s in $SECTIONS; do "${s}_section"; done

# ---- table -------------------------------------------------------------------------------------
{
  echo "HubSpot OAuth kit benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA_BIN" -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), load average before the run: $LOAD_BEFORE"
  echo "wrk: $WRK_THREADS threads on the same cores as the server; warm-up ${WARMUP_S}s, measured ${DURATION_S}s per row"
  echo "sandbox: ./sandbox/run.sh (CDS archive, or an AOT cache on JDK 25+; Spring AOT, serial GC, C2 with raised thresholds; request log on), SQLite store; WireMock $WIREMOCK_VERSION: --no-request-journal --disable-request-logging"
  echo
  awk '
    $1=="LOAD" { rps[$2","$3]=$4; line[++n]=$0 }
    $1=="START" { start[$2]=$3; starts[$2]=$0 }
    END {
      printf "%-26s %5s %9s %8s %8s %7s %7s %8s %8s\n", "scenario", "conns", "req/s", "p50_ms", "p99_ms", "errors", "rss_mb", "x_wm", "x_wm_tok"
      for (i = 1; i <= n; i++) {
        split(line[i], f, " ")
        same = (f[2] ~ /metadata/) ? rps["wiremock-static-metadata,"f[3]] : rps["wiremock-static-token,"f[3]]
        tok = rps["wiremock-static-token,"f[3]]
        r1 = same > 0 ? sprintf("%.2f", f[4] / same) : "-"
        r2 = tok > 0 ? sprintf("%.2f", f[4] / tok) : "-"
        printf "%-26s %5s %9s %8s %8s %7s %7s %8s %8s\n", f[2], f[3], f[4], f[5], f[6], f[8] + f[9], f[10], r1, r2
      }
      print "x_wm: vs the WireMock stub of the same kind (POST token / GET metadata) at the same conns; x_wm_tok: vs WireMock static token"
      for (s in start) {
        split(starts[s], a, " "); all = ""
        for (j = 4; j in a; j++) all = all " " a[j]
        printf "startup to first answer, median: %-14s %6s ms   (runs:%s)\n", s, start[s], all
      }
      if (start["wiremock-tuned"] > 0 && start["sandbox"] > 0) printf "startup ratio sandbox / wiremock: %.2f\n", start["sandbox"] / start["wiremock-tuned"]
    }' "$ROWS"
  awk '$1=="RSS" {printf "RSS after load: %-14s %s MB\n", $2, $3}' "$ROWS"
  awk '$1=="DURABLE" {printf "kill -9 under 64-connection refresh load: %s sampled answered tokens, %s valid after restart (%s)\n", $3, $4, ($3 > 0 && $3 == $4) ? "PASS" : "FAIL"}' "$ROWS"
  awk '$1=="BUILD" && $2=="spec-change" {printf "build: spec change -> regenerate + compile all modules: %.1f s (%d generated files carry the edit)\n", $3/1000, $4}
       $1=="BUILD" && $2=="unchanged" {printf "build: unchanged spec -> compile all modules: %.1f s, %d generated files rewritten\n", $3/1000, $4}' "$ROWS"
  sed -n 's/^JUNIT //p' "$ROWS"
  if grep -q '^JMH' "$ROWS"; then
    echo
    echo "JMH (avgt, lower is better; one thread unless named):"
    sed -n 's/^JMH //p' "$ROWS"
    awk '$1=="JMH" && $2 ~ /ClientCallBenchmark/ {
        split($2, n, "."); for (i = 4; i <= NF; i++) if ($i ~ /^[0-9.]+$/ && $i ~ /\./) { v[n[2]] = $i; break } }
      END {
        if (v["rawOkHttpJackson"] > 0) {
          printf "facade / raw OkHttp+Jackson per call: retrofit %.2fx, feign %.2fx\n", v["retrofitFacade"] / v["rawOkHttpJackson"], v["feignFacade"] / v["rawOkHttpJackson"]
        }
        if (v["rawRetrofitJackson"] > 0 && v["rawFeignJackson"] > 0) {
          printf "facade / raw call of its own library: retrofit %.2fx, feign %.2fx\n", v["retrofitFacade"] / v["rawRetrofitJackson"], v["feignFacade"] / v["rawFeignJackson"]
        }
        if (v["rawRestClientJackson"] > 0) {
          printf "facade / raw RestClient+Jackson per call: restclient %.2fx\n", v["restClientFacade"] / v["rawRestClientJackson"]
        }
      }' "$ROWS"
  fi
} | tee "$OUT"
log "written to $OUT"
