#!/usr/bin/env bash
# A/B comparison of two (or more) Gatehouse jars in one run: each workload runs against every jar
# in turn, ROUNDS times, interleaved (A B A B …), so that the machine's load hits them alike.
#
#   JARS="base=/tmp/base.jar new=server/target/gatehouse.jar" bench/scripts/server-ab.sh
#
# Environment (defaults in brackets):
#   JARS (required)        label=path pairs
#   WORKLOADS [CreateUser CreateGroupMembership DescribeUser ListUsers]   THREADS [4]
#   ROUNDS [2]  MEASURE_SECONDS [10]  WARMUP_CALLS [20000] (first round only; later rounds 2000)
#   JAVA_OPTS []  more server JVM options, for every jar; OPTS_<label> [] more for one of them
#                 (the same jar twice with different options: JARS="log=x.jar nolog=x.jar" OPTS_nolog=-D…)
#   BASE_PORT [28500]  OUT_DIR [bench/target/server-ab-<time>]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
BENCH=${BENCH:-bench/target/benchmarks.jar}
WORKLOADS=${WORKLOADS:-CreateUser CreateGroupMembership DescribeUser ListUsers}
THREADS=${THREADS:-4}
ROUNDS=${ROUNDS:-2}
MEASURE_SECONDS=${MEASURE_SECONDS:-10}
WARMUP_CALLS=${WARMUP_CALLS:-20000}
BASE_PORT=${BASE_PORT:-28500}
OUT_DIR=${OUT_DIR:-bench/target/server-ab-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.jsonl"
: > "$RESULTS"

rand() { LC_ALL=C tr -dc "$1" < /dev/urandom | head -c "$2" || true; }
ACCESS_KEY="AKIA$(rand 'A-Z2-7' 16)"
SECRET_KEY="$(rand 'A-Za-z0-9' 40)"

declare -A PID PORT
LABELS=()
PIDS=()
DATAS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for d in "${DATAS[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT

port=$BASE_PORT
for pair in $JARS; do
  label=${pair%%=*} jar=${pair#*=}
  data=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-ab.XXXXXX")
  DATAS+=("$data")
  GATEHOUSE_ROOT_ACCESS_KEY_ID=$ACCESS_KEY GATEHOUSE_ROOT_SECRET_ACCESS_KEY=$SECRET_KEY \
    "$JAVA" ${JAVA_OPTS:-} $(v="OPTS_$label"; echo "${!v:-}") -jar "$jar" serve --data-dir "$data" --port "$port" > "$OUT_DIR/$label.log" 2>&1 &
  PID[$label]=$!
  PIDS+=($!)
  PORT[$label]=$port
  LABELS+=("$label")
  port=$((port + 1))
done
for label in "${LABELS[@]}"; do
  until curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$label]}/health" 2>/dev/null; do sleep 0.5; done
  echo "$label: pid ${PID[$label]} on port ${PORT[$label]}"
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT_DIR/machine.txt"

for workload in $WORKLOADS; do
  for round in $(seq 1 "$ROUNDS"); do
    warmup=$WARMUP_CALLS
    (( round > 1 )) && warmup=2000
    for label in "${LABELS[@]}"; do
      log="$OUT_DIR/$label-$workload-$round.log"
      set +e
      "$JAVA" -cp "$BENCH" io.gatehouse.bench.server.LoadDriver --endpoint "http://127.0.0.1:${PORT[$label]}" \
        --pid "${PID[$label]}" --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY" --workload "$workload" \
        --seconds "$MEASURE_SECONDS" --warmup-seconds 300 --warmup-max-requests "$warmup" --threads "$THREADS" \
        --idle-seconds 1 --label "$label" > "$log" 2>&1
      rc=$?
      set -e
      grep '^RESULT ' "$log" | sed 's/^RESULT //' >> "$RESULTS" || true
      line=$(grep '^RESULT ' "$log" | sed 's/^RESULT //' | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("%8.0f calls/s  p50 %.2f ms  CPU %.3f ms/call (JIT %.0f ms)  errors %d  load %.1f" % (r["callsPerSecond"],
      r["p50Millis"], r["serverCpuMillisPerCall"], r["serverCompilerCpuMillis"], r["errors"], r["loadAverage"]))' \
        2>/dev/null || echo "driver exit $rc, see $log")
      printf '%-22s round %d  %-8s %s\n' "$workload" "$round" "$label" "$line"
    done
  done
done
python3 - "$RESULTS" <<'PY'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = collections.defaultdict(list)
for r in rows:
    by[(r["workload"], r["label"])].append(r)
print()
print("| workload | jar | rounds | CPU ms/call per round | mean | mean without JIT threads | calls/s (mean) | errors |")
print("|---|---|---|---|---|---|---|---|")
for (w, label), rs in by.items():
    cpus = [r["serverCpuMillisPerCall"] for r in rs]
    nojit = [(r["serverCpuMillis"] - r["serverCompilerCpuMillis"]) / r["calls"] for r in rs]
    print(f"| {w} | {label} | {len(rs)} | {' / '.join(f'{c:.3f}' for c in cpus)} | {sum(cpus)/len(cpus):.3f} "
          f"| {sum(nojit)/len(nojit):.3f} "
          f"| {sum(r['callsPerSecond'] for r in rs)/len(rs):.0f} | {sum(r['errors'] for r in rs)} |")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $RESULTS"
