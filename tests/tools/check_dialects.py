#!/usr/bin/python3
"""Reads the seed's JSON dialects and Mermaid flowchart and checks each holds the nodes and edges of
the node-link JSON of the same build, as NetworkX reads it.
usage: /usr/bin/python3 check_dialects.py DIR   (DIR holds seed.json seed.cyjs seed.jgf.json
seed.vosviewer.json seed.kumu.json seed.mmd; exit 0 = all holds)"""
import collections, html, json, os, re, sys
import networkx as nx

EDGE_TYPES = {"asserts", "lists", "cites", "concerns", "about", "reports", "similar_to", "contains", "conflicts_with"}
folder = sys.argv[1]
problems = []


def load(name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: got {str(got)[:200]}, expected {str(want)[:200]}")


def triples(edges):
    return collections.Counter(edges)


seed = load("seed.json")
G = nx.node_link_graph(seed)
ids = [n["id"] for n in seed["nodes"]]
labels = [n["label"] for n in seed["nodes"]]
seed_edges = triples((l["source"], l["target"], l["type"]) for l in seed["links"])


def check_cyjs():
    cy = load("seed.cyjs")
    nodes = [n["data"] for n in cy["elements"]["nodes"]]
    edges = [e["data"] for e in cy["elements"]["edges"]]
    parents = {n["id"] for n in nodes if "type" not in n}
    members = [n for n in nodes if "type" in n]
    expect("cyjs node ids", [n["id"] for n in members], ids)
    expect("cyjs parents", {n["parent"] for n in members} <= parents, True)
    all_ids = [n["id"] for n in nodes] + [e["id"] for e in edges]
    expect("cyjs duplicate element ids", len(all_ids) - len(set(all_ids)), 0)
    node_ids = {n["id"] for n in nodes}
    dangling = [e["id"] for e in edges if e["source"] not in node_ids or e["target"] not in node_ids]
    expect("cyjs edges whose source or target is no node", dangling, [])
    expect("cyjs interaction is the edge type", all(e["interaction"] == e["type"] for e in edges), True)
    expect("cyjs edges", triples((e["source"], e["target"], e["interaction"]) for e in edges), seed_edges)
    C = nx.cytoscape_graph(cy)
    expect("cyjs as NetworkX reads it: nodes", len(C), len(G) + len(parents))
    expect("cyjs as NetworkX reads it: edges", C.number_of_edges(), G.number_of_edges())
    return f"cyjs {len(members)}+{len(parents)} nodes, {len(edges)} edges"


def check_jgf():
    graph = load("seed.jgf.json")["graph"]
    expect("jgf directed", graph["directed"], True)
    expect("jgf node ids", list(graph["nodes"]), ids)
    expect("jgf labels", [n["label"] for n in graph["nodes"].values()], labels)
    edges = graph["edges"]
    unknown = [e for e in edges if e["source"] not in graph["nodes"] or e["target"] not in graph["nodes"]]
    expect("jgf edges with unknown ends", unknown, [])
    expect("jgf edges", triples((e["source"], e["target"], e["relation"]) for e in edges), seed_edges)
    return f"jgf {len(graph['nodes'])} nodes, {len(edges)} edges"


def check_vosviewer():
    network = load("seed.vosviewer.json")["network"]
    items = network["items"]
    expect("vosviewer item ids", [i["id"] for i in items], list(range(1, len(ids) + 1)))
    expect("vosviewer labels", [i["label"] for i in items], labels)
    expect("vosviewer our ids in descriptions",
           all(html.unescape(i["description"]).endswith(node_id) for i, node_id in zip(items, ids)), True)
    expect("vosviewer clusters in 1..7", all(1 <= i["cluster"] <= 7 for i in items), True)
    expect("vosviewer urls are http(s)",
           all(i["url"].startswith(("http://", "https://")) for i in items if "url" in i), True)
    expect("vosviewer Links weights", [i["weights"]["Links"] for i in items], [G.degree(n) for n in ids])
    U = nx.Graph(G)
    U.remove_edges_from(nx.selfloop_edges(U))
    links = network["links"]
    pairs = {(l["source_id"], l["target_id"]) for l in links}
    expect("vosviewer one link per pair", len(pairs), len(links))
    expect("vosviewer links", len(links), U.number_of_edges())
    loops = sum(1 for u, v in G.edges() if u == v)
    expect("vosviewer link strength", sum(l["strength"] for l in links), G.number_of_edges() - loops)
    return f"vosviewer {len(items)} items, {len(links)} links"


def check_kumu():
    kumu = load("seed.kumu.json")
    elements, connections = kumu["elements"], kumu["connections"]
    expect("kumu element ids", [e["id"] for e in elements], ids)
    all_ids = [e["id"] for e in elements] + [c["id"] for c in connections]
    expect("kumu ids unique across elements and connections", len(all_ids) - len(set(all_ids)), 0)
    expect("kumu directed", {c["direction"] for c in connections} <= {"directed"}, True)
    expect("kumu connections", triples((c["from"], c["to"], c["type"]) for c in connections), seed_edges)
    return f"kumu {len(elements)} elements, {len(connections)} connections"


NODE = re.compile(r'^    (n\d+)(\[\[|\(\[|\[/|\{\{|\(|>)"([^"]*)"(\]\]|\]\)|/\]|\\\]|\}\}|\)|\]):::([a-z_]+)$')
EDGE = re.compile(r"^  (n\d+) (-->|-\.->|-\.-x)\|([a-z_]+)\| (n\d+)$")


def check_mermaid():
    with open(os.path.join(folder, "seed.mmd"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    expect("mermaid first line is a count comment", lines[0].startswith("%% "), True)
    expect("mermaid diagram type", [l for l in lines if not l.startswith("%%")][0], "flowchart LR")
    node_lines = [l for l in lines if l.startswith("    ")]
    nodes = [NODE.match(l) for l in node_lines]
    expect("mermaid malformed node lines", [l for l, m in zip(node_lines, nodes) if not m], [])
    names = {m[1]: ids[int(m[1][1:])] for m in nodes if m}
    expect("mermaid node ids", sorted(int(m[1][1:]) for m in nodes if m), list(range(len(ids))))
    edges = [EDGE.match(l) for l in lines if l.startswith("  n")]
    expect("mermaid malformed edge lines", sum(1 for m in edges if not m), 0)
    got = triples((names.get(m[1]), names.get(m[4]), m[3]) for m in edges if m)
    expect("mermaid edges", got, seed_edges)
    expect("mermaid dotted similar_to", all((m[2] == "-.->") == (m[3] == "similar_to") for m in edges if m), True)
    expect("mermaid crossed conflicts_with", all((m[2] == "-.-x") == (m[3] == "conflicts_with") for m in edges if m), True)
    defined = {l.split()[1] for l in lines if l.startswith("  classDef ")}
    expect("mermaid classes used but not defined", sorted({m[5] for m in nodes if m} - defined), [])
    return f"mermaid {len(nodes)} nodes, {len(edges)} edges"


summaries = []
for check in (check_cyjs, check_jgf, check_vosviewer, check_kumu, check_mermaid):
    try:
        summaries.append(check())
    except (KeyError, TypeError, ValueError, IndexError, OSError, nx.NetworkXError) as error:
        problems.append(f"{check.__name__}: {type(error).__name__}: {error}")
for p in problems:
    print("FAIL:", p)
print(f"seed: {len(G)} nodes, {G.number_of_edges()} edges; " + "; ".join(summaries) +
      f"; {len(problems)} problems")
sys.exit(1 if problems else 0)
