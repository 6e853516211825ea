#!/usr/bin/env bash
# Benchmark B1 repeated: runs scripts/bench-gate.sh N times (a fresh server each time) and prints, per phase and
# rate, every run's percentiles and their median, and the share of CPU time the hypervisor stole in each run. One
# run's p99 swings by 2-3x on a shared VM (docs/benchmarks.md, B1 sessions 6 and 7), so compare builds by the median
# of several runs, and distrust runs with much steal.
#
#   scripts/bench-gate-median.sh N [rates] [duration-seconds] [warmup-seconds]
#   scripts/bench-gate-median.sh 3 1000 30 40
# The environment of bench-gate.sh applies (BENCH_PIN, BENCH_SERVER_OPTS, ...). Each run's results stay in
# target/gate-load-<i>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?number of runs}
shift
for i in $(seq 1 "$runs"); do
  echo "== run $i of $runs"
  scripts/bench-gate.sh "$@"
  cp target/gate-load.json "target/gate-load-$i.json"
done
python3 - "$runs" <<'PY'
import json, statistics, sys
runs = int(sys.argv[1])
results = [json.load(open(f"target/gate-load-{i}.json")) for i in range(1, runs + 1)]
keys = [(r["name"], r["target_rate"]) for r in results[0]]
print(f"median of {runs} runs (each run's value in brackets)")
for name, rate in keys:
    rows = [next(r for r in run if r["name"] == name and r["target_rate"] == rate) for run in results]
    cells = []
    for field in ("p50_ms", "p90_ms", "p99_ms", "p999_ms"):
        values = [row[field] for row in rows]
        cells.append(f"{field[:-3]} {statistics.median(values):.2f} [{' '.join(f'{v:.1f}' for v in values)}]")
    ok = statistics.median(row["successful_rate"] for row in rows)
    steal = " ".join("?" if row.get("steal_pct") is None else f"{row['steal_pct']:.0f}%" for row in rows)
    print(f"{name:6s} {rate:5d}/s ok {ok:7.1f}/s  " + "  ".join(cells) + f"  host steal [{steal}]")
PY
