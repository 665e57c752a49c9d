#!/usr/bin/env bash
# Scores Opine's article extraction beside trafilatura, in one run:
# - body P/R/F1 on ../shared/corpora/article-extraction-benchmark, on its tuning half, its
#   checking half (the rule is in score.py: ids sorted, alternate ones) and all 181 pages, with
#   the benchmark's own scorer; the benchmark's evaluate.py table of the stored peers after it;
# - title, author and date accuracy on ../shared/corpora/newspaper4k-pages.
# trafilatura runs live when Python has it (`pip install trafilatura==2.0.0 lxml_html_clean`),
# else its stored output on the benchmark stands in (the same text) and its fields are left out.
# usage: Benchmarks/extraction/score.sh [OPINE_BINARY] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
opine="${1:-$here/.build/release/opine}"
work="${2:-$(mktemp -d)}"
bench="$here/../shared/corpora/article-extraction-benchmark"
pages="$here/../shared/corpora/newspaper4k-pages"
mkdir -p "$work"
cp -r "$bench/." "$work/"
chmod -R u+w "$work"
"$opine" parse --json "$work"/html/*.html.gz > "$work/opine-parse.jsonl" 2> "$work/opine-parse.err" || true
python3 "$here/Benchmarks/extraction/score.py" body "$work"
"$opine" parse --json "$pages"/html/*.html > "$work/opine-fields.jsonl" 2> "$work/opine-fields.err" || true
python3 "$here/Benchmarks/extraction/score.py" fields "$pages" "$work/opine-fields.jsonl"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
out = {}
for line in open(os.path.join(work, "opine-parse.jsonl")):
    o = json.loads(line)
    out[os.path.basename(o["path"]).split(".")[0]] = {"articleBody": "\n\n".join(o["body"])}
for key in json.load(open(os.path.join(work, "ground-truth.json"))):
    out.setdefault(key, {"articleBody": ""})
json.dump(out, open(os.path.join(work, "output", "opine.json"), "w"))
PY
echo
(cd "$work" && python3 evaluate.py --n-bootstrap "${BOOTSTRAP:-50}")
echo "warnings: $(grep -c warning "$work/opine-parse.err" || true) of the benchmark's pages ($work/opine-parse.err)"
echo "work folder: $work"
