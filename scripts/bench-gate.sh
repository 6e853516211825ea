#!/usr/bin/env bash
# Benchmark B1 (docs/benchmarks.md): step-gate latency under an open-loop load at fixed rates, with
# GET /health on the same server as the floor. Starts a fresh server on H2 (durable audit) with 100
# policies, pins it to CPU 1 and the load generator to CPU 0, and writes target/gate-load.json.
#
#   scripts/bench-gate.sh [rates] [duration-seconds] [warmup-seconds]
#   scripts/bench-gate.sh 500,1000,2000 30 60
# The warm-up runs at the first rate: on the one core the server gets, the JIT compiler needs most of a
# minute, and a cold start at 1,000/s builds a backlog the run never works off.
# BENCH_SERVER_LOG keeps the server log at that path. BENCH_SERVER_OPTS adds JVM options to the server, e.g.
#   BENCH_SERVER_OPTS=-Xlog:gc:file=/tmp/gc.log scripts/bench-gate.sh 500,1000 30 40
# (a JFR profile: see docs/benchmarks.md, "How to run"). BENCH_MAVEN_OPTS adds options to the build.
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${1:-500,1000,2000}
duration=${2:-30}
warmup=${3:-60}
port=${BENCH_PORT:-18080}
# BENCH_PIN=0 lets server and generator share both cores instead of one core each.
if [ "${BENCH_PIN:-1}" = 0 ]; then server_cpu=(); generator_cpu=(); else server_cpu=(taskset -c 1); generator_cpu=(taskset -c 0); fi

JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME
./mvnw -B -ntp -q ${BENCH_MAVEN_OPTS:-} -DskipTests -pl arbiter-server,arbiter-bench -am package

work=$(mktemp -d)
trap 'kill "${server_pid:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# 100 policies: 60 equality rules on tool names (indexable), 20 contains and 10 regex rules on the tool
# input, 10 rules on step type/model; a few of them match the generated traffic.
{
  echo '['
  for i in $(seq 0 59); do
    echo "{\"id\":\"eq-$i\",\"name\":\"deny tool $i\",\"category\":\"dynamic-security\",\"conditions\":[{\"field\":\"tool_name\",\"operator\":\"equals\",\"value\":\"blocked_tool_$i\"}],\"actions\":[{\"type\":\"block\",\"config\":{\"reason\":\"tool $i is blocked\"}}]},"
  done
  for i in $(seq 0 19); do
    echo "{\"id\":\"contains-$i\",\"name\":\"keyword $i\",\"category\":\"dynamic-security\",\"conditions\":[{\"field\":\"tool_input.query\",\"operator\":\"contains\",\"value\":\"forbidden-word-$i\"}],\"actions\":[{\"type\":\"warn\",\"config\":{\"reason\":\"keyword $i\"}}]},"
  done
  for i in $(seq 0 9); do
    echo "{\"id\":\"regex-$i\",\"name\":\"pattern $i\",\"category\":\"dynamic-security\",\"conditions\":[{\"field\":\"tool_input.query\",\"operator\":\"regex\",\"value\":\"drop\\\\s+table\\\\s+t$i\"}],\"actions\":[{\"type\":\"block\",\"config\":{\"reason\":\"pattern $i\"}}]},"
  done
  for i in $(seq 0 8); do
    echo "{\"id\":\"model-$i\",\"name\":\"model $i\",\"category\":\"dynamic-cost\",\"conditions\":[{\"field\":\"step_type\",\"operator\":\"equals\",\"value\":\"llm_call\"},{\"field\":\"model\",\"operator\":\"equals\",\"value\":\"model-$i\"}],\"actions\":[{\"type\":\"log\",\"config\":{\"reason\":\"model $i\"}}]},"
  done
  echo '{"id":"pii-input","name":"pii in step input","category":"dynamic-compliance","conditions":[{"field":"step_input.contains_pii","operator":"equals","value":true}],"actions":[{"type":"warn","config":{"reason":"PII in step input"}}]}'
  echo ']'
} > "$work/policies.json"

# The disk's fsync floor, on the disk the database will use and before the server starts: the goal's "one
# fsync" (BENCH_FSYNC_SECONDS per mode, default 3).
"$JAVA_HOME/bin/java" -cp arbiter-bench/target/benchmarks.jar dev.arbiter.bench.disk.FsyncFloor "$work/fsync" \
  "${BENCH_FSYNC_SECONDS:-3}" | tee "$work/fsync.txt" | grep -v '^fsync_ms='
fsync_ms=$(sed -n 's/^fsync_ms=//p' "$work/fsync.txt")

ARBITER_PORT=$port ARBITER_DATA_DIR="$work/data" ARBITER_POLICY_FILE="$work/policies.json" \
  "${server_cpu[@]}" "$JAVA_HOME/bin/java" -Xms1g -Xmx1g ${BENCH_SERVER_OPTS:-} -jar arbiter-server/target/arbiter.jar serve \
  > "${BENCH_SERVER_LOG:-$work/server.log}" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health" > /dev/null || { cat "${BENCH_SERVER_LOG:-$work/server.log}"; exit 1; }

"${generator_cpu[@]}" "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -cp arbiter-bench/target/benchmarks.jar \
  dev.arbiter.bench.load.LoadGenerator --base="http://127.0.0.1:$port" --rates="$rates" \
  --duration="$duration" --warmup="$warmup" --workflows=100 --connections="${BENCH_CONNECTIONS:-100}" \
  --out=target/gate-load.json --timeline="${BENCH_TIMELINE:-false}" --fsync-ms="$fsync_ms"

# The writer's group commit over the whole run: writes per commit is the mean batch, and where the writer
# thread's time went (running writes, committing, compacting).
curl -sf "http://127.0.0.1:$port/metrics" | awk '
  /^arbiter_store_write_commits_total / { commits = $2 }
  /^arbiter_store_writes_committed_total / { writes = $2 }
  /^arbiter_store_writer_time_seconds_total/ { match($0, /phase="[a-z]+"/); phases = phases sprintf(" %s %.1f s", substr($0, RSTART + 7, RLENGTH - 8), $2) }
  /^arbiter_store_writer_slow_operations_total/ { match($0, /phase="[a-z]+"/); slow = slow sprintf(" %s %d", substr($0, RSTART + 7, RLENGTH - 8), $2) }
  END { if (commits > 0) printf "store writer: %d writes in %d commits (%.1f per commit); time in%s; operations over 20 ms:%s\n", writes, commits, writes / commits, phases, slow }'
# What the run left on disk: the database file (compaction keeps it near its live size) and the journal.
du -sk "$work/data/arbiter.mv.db" "$work/data/journal" 2>/dev/null \
  | awk '{ printf "%s %.1f MB;", ($2 ~ /journal$/ ? " journal" : "on disk: database file"), $1 / 1024 } END { print "" }'
# What the server wrote over the whole run (database file, journal, log), from the kernel's I/O accounting:
# divided by the writes above, the bytes each gate costs the disk and H2's serialisation thread.
awk '/^(w|r)char|^write_bytes/ { printf "%s %.1f MB; ", $1, $2 / 1048576 } END { print "" }' "/proc/$server_pid/io" 2>/dev/null \
  | sed 's/^/server I\/O over the run: /' || true
