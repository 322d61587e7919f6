#!/usr/bin/env python3
"""Runs ./wirescope on the shared dev sets, scores it with ../shared/eval, prints the figures
and fails when one is under its floor in .ci/floors.tsv. Parts whose command does not exist
yet are skipped. Usage (from the repository root): python3 .ci/figures.py [OUTDIR]"""
import json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("WIRESCOPE_SHARED", os.path.join(ROOT, "..", "shared"))
EV, DS = os.path.join(SHARED, "eval"), os.path.join(SHARED, "datasets")
OUT = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="figures-")
os.makedirs(OUT, exist_ok=True)
WS = os.path.join(ROOT, "wirescope")
figures = {}


def run(cmd, out_path):
    t = time.time()
    with open(out_path, "wb") as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.time() - t


def score(scorer, gold, pred, *extra):
    r = subprocess.run([sys.executable, os.path.join(EV, scorer), gold, pred, "--json", *extra],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"figures: {scorer} failed: {r.stderr.strip()[:300]}")
        return None
    return json.loads(r.stdout)


def has(verb):
    return subprocess.run([WS, verb, "--help"], capture_output=True).returncode == 0


def extraction():
    traf = os.path.join(DS, "extraction/trafilatura-eval")
    pred = os.path.join(OUT, "traf.jsonl")
    secs = run([WS, "analyze", "--layers", "article", os.path.join(traf, "pages")], pred)
    figures["traf.pages_per_s"] = 990 / secs
    if (r := score("snippets.py", os.path.join(traf, "gold.jsonl"), pred)):
        figures["traf.snippets.f1"] = r["f1"]
    if (r := score("metadata.py", os.path.join(traf, "gold.jsonl"), pred)):
        for k, v in r["fields"].items():
            if v.get("accuracy") is not None: figures[f"traf.{k}"] = v["accuracy"]
    rp = os.path.join(DS, "extraction/readability-pages")
    pred = os.path.join(OUT, "rp.jsonl")
    run([WS, "analyze", "--layers", "article", os.path.join(rp, "pages")], pred)
    if (r := score("metadata.py", os.path.join(rp, "gold.jsonl"), pred)):
        for k, v in r["fields"].items():
            if v.get("accuracy") is not None: figures[f"rp.{k}"] = v["accuracy"]
    if (r := score("body.py", os.path.join(rp, "gold.jsonl"), pred)):
        figures["rp.body.f1"] = r["f1"]


def language():
    if not has("annotate"):
        return
    L = os.path.join(DS, "language")
    for name, gold in (("gum", "ud-gum/en_gum-ud-dev.conllu"), ("ewt", "ud-ewt/en_ewt-ud-test.conllu")):
        pred = os.path.join(OUT, f"{name}.conllu")
        secs = run([WS, "annotate", "--from", "conllu", os.path.join(L, gold)], pred)
        if (r := score("conllu.py", os.path.join(L, gold), pred)):
            for m in ("UPOS", "XPOS", "UFeats", "LEMMA", "UAS", "LAS"):
                if m in r["metrics"]:
                    figures[f"{name}.{m}"] = r["metrics"][m]["accuracy"]
            figures[f"{name}.words_per_s"] = r["words"] / secs
    pred = os.path.join(OUT, "ner.conllu")
    run([WS, "annotate", "--from", "conllu", os.path.join(L, "gum-ner/dev.conllu")], pred)
    if (r := score("conllu.py", os.path.join(L, "gum-ner/dev.conllu"), pred, "--ner-map", "gum")) and r.get("ner"):
        figures["gumner.f1"] = r["ner"]["micro"]["f1"]
        for t, v in r["ner"]["types"].items():
            figures[f"gumner.{t}.f1"] = v["f1"]


def main():
    if not os.path.isdir(DS):
        print("figures: no ../shared beside the repository; skipped")
        return 0
    parts = os.environ.get("FIGURES", "extraction,language").split(",")
    if "extraction" in parts: extraction()
    if "language" in parts: language()
    floors = {}
    with open(os.path.join(ROOT, ".ci/floors.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, floor = line.split("\t")[:2]
                floors[name] = float(floor)
    bad = 0
    for name in sorted(figures):
        floor = floors.get(name)
        mark = "" if floor is None else (" ok" if figures[name] >= floor else " UNDER FLOOR")
        if floor is not None and figures[name] < floor: bad += 1
        print(f"figure {name:<28} {figures[name]:.4f}" + ("" if floor is None else f"  floor {floor:.4f}{mark}"))
    for name in floors:
        if name not in figures:
            print(f"figure {name:<28} missing (floor {floors[name]:.4f})"); bad += 1
    print(f"figures: predictions in {OUT}; {bad} under floor")
    return 1 if bad else 0


sys.exit(main())
