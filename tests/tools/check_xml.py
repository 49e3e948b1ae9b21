#!/usr/bin/python3
"""Loads evgraph's GraphML and GEXF the way a NetworkX user does (nx.read_graphml, nx.read_gexf)
and checks that they hold what the node-link JSON of the same run holds: the same nodes and edges,
types and labels, and every other attribute, decoded as src/export/xml.cpp documents (lists of
names joined with "; ", nested values as JSON text, XML-forbidden characters as U+FFFD).
usage: /usr/bin/python3 check_xml.py GRAPH.json GRAPH.graphml GRAPH.gexf   (exit 0 = all holds)"""
import json, re, sys
import xml.etree.ElementTree as ET
import networkx as nx
from networkx.readwrite import gexf as nx_gexf

JOINED = {"urls", "also", "authors", "markers"}
JSON_TEXT = {"occurrences", "data", "merged_because", "records", "terms"}
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
json_path, graphml_path, gexf_path = sys.argv[1:4]
problems = []


def xml_safe(value):
    """What the JSON value becomes in XML: forbidden characters replaced by U+FFFD."""
    if isinstance(value, str):
        return FORBIDDEN.sub("\ufffd", value)
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: xml_safe(v) for k, v in value.items()}
    return value


def empty(value):
    return value is None or value == "" or value == [] or value == {}


def decoded(key, text):
    if key in JSON_TEXT:
        try:
            return json.loads(text)
        except (TypeError, ValueError):
            return text  # a record's other fields that were not JSON are kept as text
    if key in JOINED:
        return text.split("; ")
    return text


def compare_attributes(where, expected, actual):
    for key, value in expected.items():
        if key not in JSON_TEXT:  # JSON text keeps a control character as a \u escape
            value = xml_safe(value)
        if key not in actual:
            if not empty(value):
                problems.append(f"{where}: attribute {key!r} missing (JSON has {str(value)[:60]})")
            continue
        got = decoded(key, actual[key])
        if key in JOINED and any("; " in v for v in value):
            got, value = actual[key], "; ".join(value)  # a name with "; " in it: compare joined
        if got != value:
            problems.append(f"{where}: {key} = {str(got)[:80]!r}, JSON has {str(value)[:80]!r}")


def edge_index(edges):
    """(source, target, type) -> attributes; the graph has no two edges of one type per pair."""
    index = {}
    for source, target, data in edges:
        key = (source, target, data.get("type"))
        if key in index:
            problems.append(f"two {key[2]} edges {source} -> {target}")
        index[key] = data
    return index


def compare_graph(fmt, G, data, node_extras, edge_extras):
    if not G.is_directed():
        problems.append(f"{fmt}: graph is not directed")
    if len(G) != len(data["nodes"]) or G.number_of_edges() != len(data["links"]):
        problems.append(f"{fmt}: {len(G)} nodes, {G.number_of_edges()} edges; JSON has "
                        f"{len(data['nodes'])} nodes, {len(data['links'])} links")
    for node in data["nodes"]:
        node_id = xml_safe(node["id"])
        if node_id not in G:
            problems.append(f"{fmt}: node {node_id} missing")
            continue
        actual = dict(G.nodes[node_id])
        expected = {k: v for k, v in node.items() if k != "id"}
        compare_attributes(f"{fmt} node {node_id}", expected, actual)
        node_extras(node_id, actual)
    actual_edges = edge_index(G.edges(data=True))
    for link in data["links"]:
        key = (xml_safe(link["source"]), xml_safe(link["target"]), link["type"])
        if key not in actual_edges:
            problems.append(f"{fmt}: {key[2]} edge {key[0]} -> {key[1]} missing")
            continue
        expected = {k: v for k, v in link.items() if k not in ("source", "target")}
        compare_attributes(f"{fmt} {key[2]} edge {key[0]} -> {key[1]}", expected, actual_edges[key])
        edge_extras(key, actual_edges[key])


def check_graphml(data):
    G = nx.read_graphml(graphml_path)
    for key, value in data["graph"].items():
        if G.graph.get(key) != value:
            problems.append(f"GraphML graph {key} = {G.graph.get(key)!r}, JSON has {value!r}")

    def edge_extras(key, actual):
        if actual.get("interaction") != key[2]:
            problems.append(f"GraphML edge {key}: interaction {actual.get('interaction')!r}")

    compare_graph("GraphML", G, data, lambda node_id, actual: None, edge_extras)
    return G


def read_gexf_13(path):
    """nx.read_gexf; NetworkX < 3.0 (Debian 12 ships 2.8) knows GEXF only up to 1.2draft, so its
    reader is given the 1.3 namespaces exactly as NetworkX 3 declares them."""
    if "1.3" not in nx_gexf.GEXF.versions:
        print(f"note: NetworkX {nx.__version__} has no GEXF 1.3; adding NetworkX 3's namespaces")
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx.read_gexf(path, version="1.3")


def check_gexf_document():
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    root = ET.parse(gexf_path).getroot()
    if root.tag != "{http://gexf.net/1.3}gexf" or root.get("version") != "1.3":
        problems.append(f"GEXF root is {root.tag} version {root.get('version')}, not GEXF 1.3")
    creator = root.find("g:meta/g:creator", ns)
    if creator is None or not (creator.text or "").startswith("evgraph "):
        problems.append("GEXF <meta><creator> is not the generator")
    titles = [a.get("title") for a in root.iterfind("g:graph/g:attributes/g:attribute", ns)]
    for title in titles:
        if title in ("id", "label", "pid"):
            problems.append(f"GEXF attribute titled {title!r}: NetworkX drops it")
    classes = {a.get("class") for a in root.iterfind("g:graph/g:attributes", ns)}
    if classes != {"node", "edge"}:
        problems.append(f"GEXF attribute classes {sorted(classes)}")


def check_gexf(data):
    check_gexf_document()
    G = read_gexf_13(gexf_path)
    colour_of_type = {}

    def node_extras(node_id, actual):
        viz = actual.get("viz", {})
        colour = tuple(viz.get("color", {}).get(c) for c in "rgb")
        if None in colour or not viz.get("size", 0) > 0:
            problems.append(f"GEXF node {node_id}: viz {viz}")
        previous = colour_of_type.setdefault(actual.get("type"), colour)
        if previous != colour:
            problems.append(f"GEXF node {node_id}: colour {colour}, other {actual.get('type')} "
                            f"nodes {previous}")

    def edge_extras(key, actual):
        if actual.get("label") != key[2]:
            problems.append(f"GEXF edge {key}: label {actual.get('label')!r}, not its type")

    compare_graph("GEXF", G, data, node_extras, edge_extras)
    if len(set(colour_of_type.values())) != len(colour_of_type):
        problems.append(f"GEXF: two node types share a colour: {colour_of_type}")
    return G


data = json.load(open(json_path, encoding="utf-8"))
graphml = check_graphml(data)
gexf = check_gexf(data)
for p in problems[:40]:
    print("FAIL:", p)
print(f"{json_path}: {len(data['nodes'])} nodes, {len(data['links'])} links; GraphML: "
      f"{len(graphml)} nodes, {graphml.number_of_edges()} edges; GEXF: {len(gexf)} nodes, "
      f"{gexf.number_of_edges()} edges; {len(problems)} problems (NetworkX {nx.__version__})")
sys.exit(1 if problems else 0)
