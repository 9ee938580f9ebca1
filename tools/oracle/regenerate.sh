#!/usr/bin/env bash
# Reproduces the differential data in policy/src/test/resources/differential/
# from a checkout of the iam-oracle (an outside, AGPL-licensed test tool that is
# never committed to this repository; only its answers are).
#
#   tools/oracle/regenerate.sh [ORACLE_SRC] [SCRATCH_DIR]
#
# ORACLE_SRC   the oracle's sources (default: ../shared/tools/iam-oracle beside the repo)
# SCRATCH_DIR  where to copy and `npm install` it, outside the repo (default: /tmp/gatehouse-oracle)
#
# Environment: SEEDS (default "1 2 3 4 5 6"), N (cases per seed, default 2000),
# CHECK=1 to re-run `node check.mjs` on every regenerated seed,
# The flagged cases are re-judged by tools/oracle/caveat-review.mjs into
# differential/caveat-review.jsonl.
# CONFORMANCE=1 to also run the oracle over the conformance corpus and print its
# disagreements with awsExpected (see tools/oracle/README.md).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:-$repo/../shared/tools/iam-oracle}"
scratch="${2:-/tmp/gatehouse-oracle}"
seeds="${SEEDS:-1 2 3 4 5 6}"
n="${N:-2000}"
out="$repo/policy/src/test/resources/differential"

case "$(cd "$(dirname "$scratch")" && pwd)/$(basename "$scratch")/" in
  "$repo"/*) echo "SCRATCH_DIR must be outside the repository" >&2; exit 2 ;;
esac
[ -f "$src/oracle.mjs" ] || { echo "no oracle at $src" >&2; exit 2; }

mkdir -p "$scratch"
cp -r "$src"/. "$scratch"/
chmod -R u+w "$scratch"
(cd "$scratch" && npm install --omit=dev --no-audit --no-fund >/dev/null)
echo "oracle: node $(node --version), $(cd "$scratch" && node -e '
  for (const p of ["iam-simulate","iam-policy","iam-utils","iam-data"])
    process.stdout.write("@cloud-copilot/"+p+"@"+require("./node_modules/@cloud-copilot/"+p+"/package.json").version+" ")')"

mkdir -p "$out"
for s in $seeds; do
  (cd "$scratch" && node gen.mjs --n "$n" --seed "$s" --stats) > "$scratch/seed-$s.jsonl" 2> "$scratch/seed-$s.stats"
  if [ "${CHECK:-0}" = 1 ]; then
    (cd "$scratch" && node check.mjs "seed-$s.jsonl" | tail -1)
  fi
  # -n: no name/timestamp in the gzip header, so the same data gives the same bytes
  gzip -n -9 -c "$scratch/seed-$s.jsonl" > "$out/seed-$s.jsonl.gz"
  echo "seed $s: $(wc -l < "$scratch/seed-$s.jsonl") cases -> $out/seed-$s.jsonl.gz"
done

# Second opinion on the cases flagged with caveats (see caveat-review.mjs).
: > "$out/caveat-review.jsonl"
for s in $seeds; do
  (cd "$scratch" && node "$repo/tools/oracle/caveat-review.mjs" "seed-$s.jsonl") >> "$out/caveat-review.jsonl"
done
echo "caveat review: $(wc -l < "$out/caveat-review.jsonl") flagged cases, $(grep -c '"changed":true' "$out/caveat-review.jsonl") where AWS's documented answer differs from the oracle's"

if [ "${CONFORMANCE:-0}" = 1 ]; then
  conf="$repo/policy/src/test/resources/conformance"
  for f in "$conf"/*.jsonl; do
    (cd "$scratch" && node check.mjs "$f") > "$scratch/$(basename "$f" .jsonl).check" || true
    echo "$(basename "$f"): $(tail -1 "$scratch/$(basename "$f" .jsonl).check")"
  done
fi
