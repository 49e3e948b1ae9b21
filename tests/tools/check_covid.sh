#!/usr/bin/env bash
# usage: check_covid.sh EVGRAPH SHARED_DIR WORKDIR — runs issue 3's exact Check-COVID command in the
# dataset's folder and checks the graph with NetworkX, and that its full drawing (1,370 nodes, laid
# out by dot) has every arrowhead on an edge; exits 77 (skipped) where ../shared is absent.
set -euo pipefail
evgraph=$1 shared=$2 work=$3
data=$shared/corpus/check-covid
[[ -f "$data/Check-COVID_all.json" ]] || { echo "SKIP: $data is absent"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
(cd "$data" && "$evgraph" build --from jsonl --map text=claim,source=cord_id,stance=label \
  Check-COVID_all.json --from jsonl --map source=cord_id,title=title corpus.json \
  -o "$work/covid.json" -o "$work/covid.svg")
/usr/bin/python3 "$(dirname "$0")/check_arrowheads.py" "$work/covid.svg"
/usr/bin/python3 - "$work/covid.json" "$data/Check-COVID_all.json" <<'PY'
import json, sys
from collections import Counter
import networkx as nx
G = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
types = Counter(a["type"] for _, a in G.nodes(data=True))
cites = [(u, v, a) for u, v, a in G.edges(data=True) if a["type"] == "cites"]
records = [r for _, _, a in cites for r in a.get("records", [])]
labels = Counter(json.loads(l)["label"] for l in open(sys.argv[2], encoding="utf-8") if l.strip())
bad = []
def expect(what, got, want):
    if got != want: bad.append(f"{what}: {got}, expected {want}")
expect("claims", types["claim"], 1005)
expect("works", types["source"], 347)
expect("works with a title", sum(1 for _, a in G.nodes(data=True) if a["type"] == "source" and a.get("title")), 347)
expect("claim-work pairs", len(cites), 1006)
expect("stance records", len(records), 1504)
expect("labels kept", Counter(r["label"] for r in records), labels)
expect("records with their evidence sentences", sum(1 for r in records if r.get("data", {}).get("evidence_set")), 1504)
near = Counter(a["type"] for _, _, a in G.edges(data=True) if a["type"] in ("similar_to", "conflicts_with"))
expect("near-duplicate pairs", near["similar_to"] + near["conflicts_with"], 539)
# The dataset pairs claims with refuted variants: many near-duplicates point opposite ways.
if near["conflicts_with"] < 150: bad.append(f"only {near['conflicts_with']} conflicts_with edges")
text = {n: a.get("text", "") for n, a in G.nodes(data=True)}
for u, v, a in G.edges(data=True):
    if a["type"] != "conflicts_with": continue
    sides = [t.get("field") for t in a.get("terms", [])]
    if not sides or set(sides) - {"from", "to"}: bad.append(f"conflict {u} -> {v}: terms {a.get('terms')}")
    for t in a.get("terms", []):
        claim = text[u] if t["field"] == "from" else text[v]
        if claim[t["at"]:t["at"] + len(t["term"])] != t["term"]: bad.append(f"conflict term not where it says: {t}")
hcq = [(text[u], text[v]) for u, v, a in G.edges(data=True) if a["type"] == "conflicts_with"
       and "reduce a person" in text[u] + text[v] and "increase a person" in text[u] + text[v]]
expect("smoking reduces / increases the risk: a conflict", len(hcq), 1)
both = sum(1 for _, _, a in cites if {"SUPPORT", "NOTENOUGHINFO"} <= {r["label"] for r in a["records"]})
if both == 0: bad.append("no edge carries both SUPPORT and NOTENOUGHINFO records")
for b in bad: print("FAIL:", b)
print(f"check-covid: {len(G)} nodes, {G.number_of_edges()} edges, {len(records)} records, {len(bad)} problems")
sys.exit(1 if bad else 0)
PY
