#!/usr/bin/env bash
# The server under load: wrk with 50 connections for 20 s against /api/search over an index of
# DOCS (reuters-21578), first alone, then while `opine index` adds 2,000 articles to the same
# index from another process; beside it, the CLI's latency for one query (whole process, and
# in process from opine-bench). Needs wrk (apt-get install wrk) and a release build:
#   for p in opine opine-serve; do swift build -c release --static-swift-stdlib --product $p; done
# Usage: Benchmarks/serve/load.sh DOCS [WORKDIR]
set -euo pipefail
docs=${1:?usage: load.sh DOCS [WORKDIR]}
work=${2:-/tmp/opine-load}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$here/../.." && pwd)/.build/release
rm -rf "$work" && mkdir -p "$work/more"
index="$work/index.sqlite"

echo "== index $docs"
"$bin/opine" index --index "$index" "$docs" | tail -1
# 2,000 more articles for the concurrent run: copies of the first 2,000, renamed.
files=("$docs"/*)
for f in "${files[@]:0:2000}"; do cp "$f" "$work/more/copy-$(basename "$f")"; done

echo "== CLI: one query, whole process (median of 21)"
for q in "oil prices" "interest rates" coffee; do
  times=()
  for _ in $(seq 21); do
    s=$(date +%s%N); "$bin/opine" search --index "$index" $q > /dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
  echo "opine search $q: $(awk "BEGIN { printf \"%.1f\", $median / 1000 }") ms"
done

"$bin/opine-serve" --index "$index" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
trap 'kill -INT $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q "http://" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.out")
echo "== server at $url"

echo "== wrk: 1 connection, 10 s (one request at a time)"
wrk -t1 -c1 -d10s --latency -s "$here/queries.lua" "$url" | sed -n '/Latency Distribution/,$p'

echo "== wrk: 50 connections, 20 s, /api/search (12 queries in turn)"
wrk -t2 -c50 -d20s --latency -s "$here/queries.lua" "$url" | sed -n '/Latency Distribution/,$p'

echo "== wrk again while opine index, in another process, adds then removes 2,000 articles, over and over"
(
  end=$(( $(date +%s) + 18 )); runs=0
  while [ "$(date +%s)" -lt "$end" ]; do
    "$bin/opine" index --index "$index" "$work/more" > /dev/null
    mv "$work/more" "$work/more.off"; mkdir "$work/more"
    "$bin/opine" index --index "$index" "$work/more" > /dev/null
    rmdir "$work/more"; mv "$work/more.off" "$work/more"
    runs=$((runs + 2))
  done
  echo "index runs during the load: $runs (each adding or removing 2,000 articles)"
) &
indexer=$!
wrk -t2 -c50 -d20s --latency -s "$here/queries.lua" "$url" | sed -n '/Latency Distribution/,$p'
wait $indexer
echo "after: $(curl -s "$url/api/stats" | grep -o '"articles":[0-9]*')"
kill -INT $server; wait $server || true
cat "$work/serve.err"
