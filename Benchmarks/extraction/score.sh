#!/usr/bin/env bash
# Scores Opine's article extraction on ../shared/corpora/article-extraction-benchmark with the
# benchmark's own scorer, beside the other extractors' stored outputs, in one run.
# usage: Benchmarks/extraction/score.sh [OPINE_BINARY] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
opine="${1:-$here/.build/release/opine}"
work="${2:-$(mktemp -d)}"
bench="$here/../shared/corpora/article-extraction-benchmark"
mkdir -p "$work"
cp -r "$bench/." "$work/"
chmod -R u+w "$work"
"$opine" parse --json "$work"/html/*.html.gz > "$work/opine-parse.jsonl" 2> "$work/opine-parse.err" || true
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
out = {}
for line in open(os.path.join(work, "opine-parse.jsonl")):
    o = json.loads(line)
    key = os.path.basename(o["path"]).split(".")[0]
    out[key] = {"articleBody": "\n\n".join(o["body"])}
truth = json.load(open(os.path.join(work, "ground-truth.json")))
for key in truth:
    out.setdefault(key, {"articleBody": ""})
json.dump(out, open(os.path.join(work, "output", "opine.json"), "w"))
PY
cd "$work" && python3 evaluate.py --n-bootstrap "${BOOTSTRAP:-50}"
echo "work folder: $work"
