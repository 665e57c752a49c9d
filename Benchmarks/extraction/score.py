#!/usr/bin/env python3
"""Scores Opine's extraction beside trafilatura 2.0.0, in one run. Called by score.sh.

usage: score.py body WORK            (WORK: a copy of article-extraction-benchmark with
                                      opine-parse.jsonl beside it)
       score.py fields PAGES OPINE_JSONL   (PAGES: newspaper4k-pages)

Body: the benchmark's own scorer (evaluate.py's shingle matching, imported from WORK), on two
fixed halves of its pages and on all of them. The rule for the halves, decided once and never
tuned: the page ids (hex digests) sorted as strings; the 1st, 3rd, 5th… are the TUNING half,
the 2nd, 4th, 6th… the CHECKING half. Extraction rules are changed by looking at the tuning
half only; the checking half is looked at only to report.

Fields: title, authors and date on the newspaper4k pages that come with newspaper4k's own
reading (metadata/*.json: a second opinion, sometimes wrong, as its PROVENANCE says). A field
is right when it equals the JSON's after case and white-space folding; authors as a set; dates
as YYYY-MM-DD (no date in the JSON: right when none is given).
"""
import glob
import json
import os
import sys
import unicodedata


def halves(ids):
    ordered = sorted(ids)
    return ordered[0::2], ordered[1::2]


def trafilatura_version():
    try:
        import trafilatura
        return trafilatura.__version__
    except ImportError:
        return None


def read_page(path):
    import gzip
    raw = open(path, "rb").read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


# MARK: - Body

def body_outputs(work):
    """Opine's bodies (from opine-parse.jsonl) and trafilatura's, by page id."""
    truth = json.load(open(os.path.join(work, "ground-truth.json")))
    opine = {key: "" for key in truth}
    for line in open(os.path.join(work, "opine-parse.jsonl")):
        o = json.loads(line)
        opine[os.path.basename(o["path"]).split(".")[0]] = "\n\n".join(o["body"])
    outputs = {"opine": opine}
    if trafilatura_version():
        import trafilatura
        # Comments left out, as the benchmark's stored trafilatura output was made (this
        # reproduces it exactly).
        outputs["trafilatura " + trafilatura_version()] = {
            key: trafilatura.extract(read_page(os.path.join(work, "html", key + ".html.gz")), include_comments=False) or ""
            for key in truth}
    else:
        stored = json.load(open(os.path.join(work, "output", "trafilatura.json")))
        outputs["trafilatura %s (stored output)" % stored.get("version", "")] = {
            key: stored["output"].get(key, {}).get("articleBody", "") for key in truth}
    return truth, outputs


def score_body(work):
    sys.path.insert(0, work)
    import evaluate
    truth, outputs = body_outputs(work)
    tuning, checking = halves(truth.keys())
    print("body, shingles of 4 words (the benchmark's evaluate.py); halves: ids sorted, alternate ones")
    print("%-34s %-22s %-22s %-22s" % ("extractor", "tuning (%d) P/R/F1" % len(tuning),
                                        "checking (%d) P/R/F1" % len(checking), "all (%d) P/R/F1" % len(truth)))
    per_page = {}
    for name, texts in outputs.items():
        matched = {key: evaluate.string_shingle_matching(true=truth[key].get("articleBody", ""), pred=texts[key])
                   for key in truth}
        per_page[name] = matched
        cells = []
        for keys in (tuning, checking, list(truth)):
            m = evaluate.metrics_from_tp_fp_fns([matched[k] for k in keys])
            cells.append("%.3f / %.3f / %.3f" % (m["precision"], m["recall"], m["f1"]))
        print("%-34s %-22s %-22s %-22s" % (name, *cells))
    half = os.environ.get("WORST", "checking")
    worst(truth, per_page["opine"], tuning if half == "tuning" else checking, outputs["opine"], half)
    json.dump({"tuning": tuning, "checking": checking}, open(os.path.join(work, "halves.json"), "w"))


def worst(truth, matched, keys, texts, half, count=10):
    """A half's worst pages by F1 (the checking half's by default, to report; WORST=tuning
    while tuning), with the share of text missed and added."""
    def f1(tp, fp, fn):
        return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    rows = sorted(keys, key=lambda k: f1(*matched[k]))[:count]
    print("\nthe %s half's %d worst pages (F1, share missed, share added, words kept / marked, url)" % (half, count))
    for k in rows:
        tp, fp, fn = matched[k]
        print("  %s  F1 %.2f  missed %.2f  added %.2f  %5d / %5d  %s" % (
            k[:10], f1(tp, fp, fn), fn, fp, len(texts[k].split()), len(truth[k].get("articleBody", "").split()),
            truth[k].get("url", "")))


# MARK: - Fields

def fold(s):
    return " ".join(unicodedata.normalize("NFKC", s or "").casefold().split())


def same_title(a, b):
    return fold(a) == fold(b)


def same_authors(a, b):
    return {fold(x) for x in a if fold(x)} == {fold(x) for x in b if fold(x)}


def same_date(a, b):
    return (a or "")[:10] == (b or "")[:10]


def opine_fields(jsonl):
    out = {}
    for line in open(jsonl):
        o = json.loads(line)
        name = os.path.basename(o["path"]).rsplit(".", 1)[0]
        out[name] = {"title": o.get("title", ""), "authors": o.get("authors", []), "date": o.get("date") or ""}
    return out


def trafilatura_fields(pages, names):
    if not trafilatura_version():
        return None
    from trafilatura.metadata import extract_metadata
    out = {}
    for name in names:
        m = extract_metadata(open(os.path.join(pages, "html", name + ".html"), "rb").read())
        authors = [a.strip() for a in (m.author or "").split(";") if a.strip()] if m else []
        out[name] = {"title": (m.title if m else "") or "", "authors": authors, "date": (m.date if m else "") or ""}
    return out


def score_fields(pages, jsonl):
    expected = {}
    for path in sorted(glob.glob(os.path.join(pages, "metadata", "*.json"))):
        d = json.load(open(path))
        expected[os.path.basename(path)[:-5]] = {"title": d.get("title") or "", "authors": d.get("authors") or [],
                                                 "date": d.get("publish_date") or ""}
    readers = {"opine": opine_fields(jsonl)}
    traf = trafilatura_fields(pages, expected)
    if traf:
        readers["trafilatura " + trafilatura_version()] = traf
    checks = {"title": same_title, "authors": same_authors, "date": same_date}
    print("\nfields on the %d newspaper4k pages with its JSON (right / pages)" % len(expected))
    print("%-20s %-8s %-8s %-8s" % ("reader", "title", "authors", "date"))
    for name, got in readers.items():
        cells = []
        for field, same in checks.items():
            right = sum(1 for k in expected if k in got and same(got[k][field], expected[k][field]))
            cells.append("%.2f" % (right / len(expected)))
        print("%-20s %-8s %-8s %-8s" % (name, *cells))
    print("\nOpine's differences from newspaper4k's JSON (judge them: the JSON is sometimes wrong)")
    for k in expected:
        got = readers["opine"].get(k)
        for field, same in checks.items():
            if got is None or not same(got[field], expected[k][field]):
                print("  %-22s %-8s opine %r | json %r" % (k, field, got and got[field], expected[k][field]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "body":
        score_body(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "fields":
        score_fields(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
