#!/usr/bin/python3
"""Loads evgraph's node-link JSON the way a NetworkX user does and checks that it holds the same
nodes and edges as the DOT export of the same input, as Graphviz itself reads that DOT.
usage: /usr/bin/python3 check_json.py GRAPH.json GRAPH.dot   (exit 0 = all holds)"""
import json, subprocess, sys
import networkx as nx

NODE_TYPES = {"document", "claim", "source", "population", "intervention", "outcome", "answer"}
EDGE_TYPES = {"asserts", "lists", "cites", "concerns", "about", "reports", "similar_to", "contains", "conflicts_with"}
json_path, dot_path = sys.argv[1], sys.argv[2]
problems = []

data = json.load(open(json_path, encoding="utf-8"))
G = nx.node_link_graph(data)  # no options: what a user's notebook does
ids = [n.get("id") for n in data["nodes"]]
if not G.is_directed():
    problems.append("graph is not directed")
if len(set(ids)) != len(ids):
    problems.append(f"{len(ids) - len(set(ids))} duplicate node ids")
if len(G) != len(set(ids)):
    problems.append(f"links name {len(G) - len(set(ids))} nodes that are not in 'nodes'")
for node in data["nodes"]:
    if not isinstance(node.get("id"), str) or not node["id"]:
        problems.append(f"node without a string id: {str(node)[:80]}")
    if node.get("type") not in NODE_TYPES or not node.get("label"):
        problems.append(f"node {node.get('id')}: type {node.get('type')!r}, label {node.get('label')!r}")
for link in data["links"]:
    if link.get("type") not in EDGE_TYPES:
        problems.append(f"link {link.get('source')} -> {link.get('target')}: type {link.get('type')!r}")

# Graphviz's reading of the DOT: the first _subgraph_cnt objects are subgraphs, the rest nodes.
# Edges of class "layout" are invisible helpers of the diagram's column plan, not graph edges.
dot = subprocess.run(["dot", "-Tjson0", dot_path], capture_output=True, text=True)
if dot.returncode != 0:
    sys.exit(f"dot -Tjson0 {dot_path} failed: {dot.stderr[:500]}")
gv = json.loads(dot.stdout)
gv_nodes = {o["_gvid"]: o["name"] for o in gv.get("objects", [])[gv.get("_subgraph_cnt", 0):]}
gv_edges = {(gv_nodes[e["tail"]], gv_nodes[e["head"]])
            for e in gv.get("edges", []) if "layout" not in e.get("class", "").split()}
json_edges = set(G.edges())

def compare(what, dot_set, json_set):
    if dot_set != json_set:
        problems.append(f"{what}: {len(dot_set)} in DOT, {len(json_set)} in JSON; only in DOT "
                        f"{sorted(dot_set - json_set)[:3]}, only in JSON {sorted(json_set - dot_set)[:3]}")

compare("node ids", set(gv_nodes.values()), set(ids))
compare("edges", gv_edges, json_edges)

for p in problems:
    print("FAIL:", p)
print(f"{json_path}: {len(G)} nodes, {G.number_of_edges()} edges; DOT: {len(gv_nodes)} nodes, "
      f"{len(gv_edges)} edges; {len(problems)} problems")
sys.exit(1 if problems else 0)
