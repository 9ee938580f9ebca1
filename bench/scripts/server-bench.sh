#!/usr/bin/env bash
# Side-by-side server benchmark: Gatehouse and moto_server, same workloads, same driver, same run.
#
#   bench/scripts/server-bench.sh                 # both servers, all workloads, 20 s each
#   SERVERS=moto WORKLOADS="DescribeUser" MEASURE_SECONDS=10 bench/scripts/server-bench.sh
#
# Environment (defaults in brackets):
#   SERVERS [gatehouse moto]   which servers to start and drive (also: null, a do-nothing HTTP server)
#   WORKLOADS [DescribeUser ListUsers CreateUser CreateGroupMembership]  also: GetCallerIdentity
#                           (sts; Gatehouse answers it once the IAM/STS issue lands)
#   MEASURE_SECONDS [20]  THREADS [4]
#   WARMUP_SECONDS [180] WARMUP_CALLS [50000]  warm-up ends at whichever comes first; a cold JVM
#                           needs tens of thousands of calls before its JIT settles
#   MOTO_WARMUP_SECONDS [10]  moto (CPython) has no JIT to wait for
#   MOTO_WRITE_THREADS [1]  threads for moto's write workloads: moto 5.2's identitystore is not
#                           thread-safe (CreateUser's uniqueness scan fails with "dictionary changed
#                           size during iteration", HTTP 500, when another request adds a user)
#   GATEHOUSE [./gatehouse]   the launcher to run (e.g. another checkout's)
#   GATEHOUSE_ARGS []       more options for `gatehouse serve`, e.g. to run it on PostgreSQL:
#                           "--database-url jdbc:postgresql://127.0.0.1:5432/DB --database-user U --database-password P"
#   ALSO_CPU_OF []          label=regex: the driver also reports the CPU per call of the processes whose
#                           command line matches, e.g. "postgres-backends=postgres: .* DB " (that database's backends)
#   GATEHOUSE_PORT [28480]  MOTO_PORT [28450]  NULL_PORT [28451]
#   OUT_DIR [bench/target/server-bench-<time>]  logs, the servers' output and results.jsonl
#
# Both servers start empty; each workload runs against each server in turn, in the order above, so
# that ListUsers sees the same store on both (only the users the earlier workloads created).
# The driver reads each server's CPU time from /proc/<pid>/stat; the pid is the one listening.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

SERVERS=${SERVERS:-gatehouse moto}
WORKLOADS=${WORKLOADS:-DescribeUser ListUsers CreateUser CreateGroupMembership}
MEASURE_SECONDS=${MEASURE_SECONDS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-180}
WARMUP_CALLS=${WARMUP_CALLS:-50000}
MOTO_WARMUP_SECONDS=${MOTO_WARMUP_SECONDS:-10}
THREADS=${THREADS:-4}
MOTO_WRITE_THREADS=${MOTO_WRITE_THREADS:-1}
GATEHOUSE=${GATEHOUSE:-./gatehouse}
ALSO_CPU_OF=${ALSO_CPU_OF:-}
GATEHOUSE_PORT=${GATEHOUSE_PORT:-28480}
MOTO_PORT=${MOTO_PORT:-28450}
NULL_PORT=${NULL_PORT:-28451}
OUT_DIR=${OUT_DIR:-bench/target/server-bench-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.jsonl"
: > "$RESULTS"

JAR=bench/target/benchmarks.jar
if [[ ! -f $JAR ]]; then
  echo "building $JAR" >&2
  ./mvnw -q -B -o -pl bench -am package -DskipTests
fi

# Credentials: Gatehouse takes its root key from the environment; moto accepts any key.
rand() { LC_ALL=C tr -dc "$1" < /dev/urandom | head -c "$2" || true; }
ACCESS_KEY="AKIA$(rand 'A-Z2-7' 16)"
SECRET_KEY="$(rand 'A-Za-z0-9' 40)"

STARTED_PIDS=()
cleanup() {
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The pid of the process listening on 127.0.0.1:$1 (the server itself, whatever launched it).
listener_pid() {
  ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

wait_for() { # port, url, seconds
  local port=$1 url=$2 deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$url" 2>/dev/null && [[ -n $(listener_pid "$port") ]]; do
    if (( SECONDS > deadline )); then echo "no answer from $url after $3 s" >&2; return 1; fi
    sleep 0.5
  done
}

port_free() {
  if [[ -n $(ss -ltnH "sport = :$1") ]]; then echo "port $1 is in use" >&2; exit 1; fi
}

start_gatehouse() {
  port_free "$GATEHOUSE_PORT"
  local data
  data=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")
  GATEHOUSE_ROOT_ACCESS_KEY_ID=$ACCESS_KEY GATEHOUSE_ROOT_SECRET_ACCESS_KEY=$SECRET_KEY \
    "$GATEHOUSE" serve --data-dir "$data" --port "$GATEHOUSE_PORT" ${GATEHOUSE_ARGS:-} > "$OUT_DIR/gatehouse.log" 2>&1 &
  STARTED_PIDS+=($!)
  # The launcher may build the jar first.
  wait_for "$GATEHOUSE_PORT" "http://127.0.0.1:$GATEHOUSE_PORT/health" 600
  STARTED_PID=$(listener_pid "$GATEHOUSE_PORT")
}

start_moto() {
  port_free "$MOTO_PORT"
  python -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" > "$OUT_DIR/moto.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for "$MOTO_PORT" "http://127.0.0.1:$MOTO_PORT/moto-api/" 60
  STARTED_PID=$(listener_pid "$MOTO_PORT")
}

start_null() {
  port_free "$NULL_PORT"
  "$JAVA" -cp "$JAR" io.gatehouse.bench.server.NullServer "$NULL_PORT" > "$OUT_DIR/null.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for "$NULL_PORT" "http://127.0.0.1:$NULL_PORT/" 30
  STARTED_PID=$(listener_pid "$NULL_PORT")
}

# Each start_* sets STARTED_PID to the listening process (not run in a subshell, so that
# STARTED_PIDS, which the exit trap stops, keeps every process this script started).
declare -A PID PORT
for server in $SERVERS; do
  case $server in
    gatehouse) start_gatehouse; PORT[$server]=$GATEHOUSE_PORT ;;
    moto)      start_moto;      PORT[$server]=$MOTO_PORT ;;
    null)      start_null;      PORT[$server]=$NULL_PORT ;;
    *) echo "unknown server $server (gatehouse, moto, null)" >&2; exit 1 ;;
  esac
  PID[$server]=$STARTED_PID
  # The listener may be a child of what was started (a launcher script); stop it too.
  [[ " ${STARTED_PIDS[*]} " == *" $STARTED_PID "* ]] || STARTED_PIDS+=("$STARTED_PID")
  echo "$server: pid ${PID[$server]} on 127.0.0.1:${PORT[$server]}"
done

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc); $(lscpu | grep -m1 'Model name' | tr -s ' ')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "moto: $(python -c 'import moto; print(moto.__version__)' 2>/dev/null || echo n/a)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "gatehouse options: $(sed -E 's/(--database-password) [^ ]+/\1 ***/' <<< "${GATEHOUSE_ARGS:-(embedded H2)}")"
  echo "settings: threads=$THREADS (moto writes: $MOTO_WRITE_THREADS) warm-up=${WARMUP_CALLS} calls or ${WARMUP_SECONDS}s (moto ${MOTO_WARMUP_SECONDS}s) measure=${MEASURE_SECONDS}s"
} | tee "$OUT_DIR/machine.txt"

status=0
for workload in $WORKLOADS; do
  for server in $SERVERS; do
    log="$OUT_DIR/$server-$workload.log"
    threads=$THREADS warmup=$WARMUP_SECONDS
    if [[ $server == moto && $workload == Create* ]]; then threads=$MOTO_WRITE_THREADS; fi
    if [[ $server == moto ]]; then warmup=$MOTO_WARMUP_SECONDS; fi
    echo "== $server $workload, $threads threads (load average $(cut -d' ' -f1 /proc/loadavg))"
    set +e
    "$JAVA" -cp "$JAR" io.gatehouse.bench.server.LoadDriver \
      --endpoint "http://127.0.0.1:${PORT[$server]}" --pid "${PID[$server]}" \
      --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY" \
      --workload "$workload" --seconds "$MEASURE_SECONDS" --warmup-seconds "$warmup" --warmup-max-requests "$WARMUP_CALLS" \
      --threads "$threads" --label "$server" ${ALSO_CPU_OF:+--also-cpu-of "$ALSO_CPU_OF"} > "$log" 2>&1
    rc=$?
    set -e
    grep -v '^RESULT ' "$log" || true
    grep '^RESULT ' "$log" | sed 's/^RESULT //' >> "$RESULTS" || true
    if (( rc != 0 )); then status=1; echo "   $server $workload: driver exit $rc (see $log)"; fi
  done
done

python3 - "$RESULTS" "$THREADS" $SERVERS <<'PY'
import json, sys
path, threads, servers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = [json.loads(l) for l in open(path) if l.strip()]
by = {(r["label"], r["workload"]): r for r in rows}
workloads = list(dict.fromkeys(r["workload"] for r in rows))
head = "| workload | " + " | ".join(
    f"{s} calls/s | {s} p50 ms | {s} p99 ms | {s} CPU ms/call" for s in servers)
if "gatehouse" in servers and len(servers) > 1:
    head += " | " + " | ".join(f"{s}/gatehouse CPU" for s in servers if s != "gatehouse")
head += " | errors | load avg |"
print()
print(head)
print("|" + "---|" * (head.count("|") - 1))
for w in workloads:
    cells, errors = [], 0
    for s in servers:
        r = by.get((s, w))
        if r is None:
            cells += ["n/a"] * 4
            continue
        errors += r["errors"]
        flag = ("" if r["threads"] == threads else f' ({r["threads"]} thr)') + ("" if r["valid"] else " (INVALID)")
        cells += [f'{r["callsPerSecond"]:.0f}{flag}', f'{r["p50Millis"]:.2f}', f'{r["p99Millis"]:.2f}',
                  f'{r["serverCpuMillisPerCall"]:.3f}']
    line = f"| {w} | " + " | ".join(cells)
    if "gatehouse" in servers and len(servers) > 1:
        g = by.get(("gatehouse", w))
        for s in servers:
            if s == "gatehouse":
                continue
            o = by.get((s, w))
            ok = g and o and g["serverCpuMillisPerCall"] > 0
            line += " | " + (f'{o["serverCpuMillisPerCall"] / g["serverCpuMillisPerCall"]:.1f}×' if ok else "n/a")
    loads = "/".join(f'{by[(s, w)]["loadAverage"]:.1f}' for s in servers if (s, w) in by)
    print(line + f" | {errors} | {loads} |")
PY
echo
echo "logs and results: $OUT_DIR"
exit $status
