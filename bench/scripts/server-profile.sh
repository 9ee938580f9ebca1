#!/usr/bin/env bash
# Profiles Gatehouse under the load driver with JDK Flight Recorder and prints where its CPU goes.
#
#   bench/scripts/server-profile.sh                       # CreateUser and CreateGroupMembership
#   WORKLOADS="DescribeUser" JAR=/tmp/other.jar bench/scripts/server-profile.sh
#
# Environment (defaults in brackets):
#   JAR [server/target/gatehouse.jar]  the server jar to profile
#   WORKLOADS [CreateUser CreateGroupMembership]   THREADS [4]
#   WARMUP_CALLS [30000]  calls before recording (the JIT must have settled)
#   RECORD_SECONDS [15]   the recorded window (the driver runs exactly that long)
#   PORT [28490]  OUT_DIR [bench/target/server-profile-<time>]
#   JAVA_OPTS []          more server JVM options (e.g. -Dgatehouse.something=...)
#
# Per workload it writes <workload>.jfr and <workload>.txt (samples by innermost known package,
# and the top frames), and the driver's report (<workload>.log: CPU per call of the recorded window).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
JAR=${JAR:-server/target/gatehouse.jar}
BENCH=${BENCH:-bench/target/benchmarks.jar}
WORKLOADS=${WORKLOADS:-CreateUser CreateGroupMembership}
THREADS=${THREADS:-4}
WARMUP_CALLS=${WARMUP_CALLS:-30000}
RECORD_SECONDS=${RECORD_SECONDS:-15}
PORT=${PORT:-28490}
OUT_DIR=${OUT_DIR:-bench/target/server-profile-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)

rand() { LC_ALL=C tr -dc "$1" < /dev/urandom | head -c "$2" || true; }
ACCESS_KEY="AKIA$(rand 'A-Z2-7' 16)"
SECRET_KEY="$(rand 'A-Za-z0-9' 40)"
DATA=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-profile.XXXXXX")

GATEHOUSE_ROOT_ACCESS_KEY_ID=$ACCESS_KEY GATEHOUSE_ROOT_SECRET_ACCESS_KEY=$SECRET_KEY \
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" serve --data-dir "$DATA" --port "$PORT" > "$OUT_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; do sleep 0.5; done

drive() { # workload, warm-up calls, seconds
  "$JAVA" -cp "$BENCH" io.gatehouse.bench.server.LoadDriver --endpoint "http://127.0.0.1:$PORT" --pid "$SERVER" \
    --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY" --workload "$1" --threads "$THREADS" \
    --warmup-max-requests "$2" --warmup-seconds 300 --seconds "$3" --idle-seconds 0 --label gatehouse
}

for w in $WORKLOADS; do
  echo "== $w: warm-up ($WARMUP_CALLS calls), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  drive "$w" "$WARMUP_CALLS" 1 > "$OUT_DIR/$w-warmup.log" 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$SERVER" JFR.start name="$w" settings=profile filename="$OUT_DIR/$w.jfr" > /dev/null
  drive "$w" 0 "$RECORD_SECONDS" > "$OUT_DIR/$w.log" 2>&1 || echo "   driver failed, see $OUT_DIR/$w.log"
  "$JAVA_HOME/bin/jcmd" "$SERVER" JFR.stop name="$w" > /dev/null
  grep -E 'CPU|calls/s|load' "$OUT_DIR/$w.log" | grep -v '^RESULT' || true
  "$JAVA" "$ROOT/bench/scripts/JfrBreakdown.java" "$OUT_DIR/$w.jfr" > "$OUT_DIR/$w.txt"
  cat "$OUT_DIR/$w.txt"
done
echo "profiles in $OUT_DIR"
