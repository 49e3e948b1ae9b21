#!/usr/bin/python3
"""The escaping torture graph (tests/fixtures/torture/torture.json) as its users' readers see it:
the node-link JSON holds every claim text of the fixture exactly (control characters escaped, never
raw), NetworkX reads both node-link variants, JGF, Kumu, VOSviewer, both CSV folders and every
Mermaid label carry each text as the format allows, GraphML and GEXF count the characters they
replace, and no `javascript:` URL becomes a link in DOT or SVG. GraphML and GEXF are compared
attribute by attribute by check_xml.py, the Cytoscape.js and graphology files by
tests/node/read_exports.js (torture.sh runs all three), DOT through cgraph by
tests/torture_test.cpp.
usage: /usr/bin/python3 torture.py FIXTURE.json OUTDIR [--svg-text]   (OUTDIR holds torture.* from
torture.sh; exit 0 = all holds). --svg-text checks only what Graphviz's SVG shows: every node's
id and label, each claim's text as its tooltip, each source's link."""
import csv, html, json, re, subprocess, sys
import xml.etree.ElementTree as ET
from pathlib import Path
import networkx as nx

fixture_path, out = Path(sys.argv[1]), Path(sys.argv[2])
problems = []
FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LINKABLE = re.compile(r"^https?://", re.IGNORECASE)


def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: got {str(got)[:160]!r}, expected {str(want)[:160]!r}")


def load(name):
    return json.loads((out / name).read_text(encoding="utf-8"))


fixture = json.loads(fixture_path.read_text(encoding="utf-8"))
data = load("torture.json")
nodes = {n["id"]: n for n in data["nodes"]}
claims = {n["text"]: n for n in data["nodes"] if n["type"] == "claim"}
sources = [n for n in data["nodes"] if n["type"] == "source"]
edges = {(l["source"], l["target"], l["type"]) for l in data["links"]}


def check_json():
    wanted = [c["text"] for c in fixture["claims"]]
    missing = [t for t in wanted if t not in claims]
    expect("fixture claims missing from the JSON (or changed)", missing, [])
    expect("claims in the JSON", len(claims), len(wanted))
    expect("the long claim's length", max(len(t) for t in claims), 5000)
    urls = {n.get("url") for n in sources}
    for work in fixture["works"]:
        if "url" in work and work["url"] not in urls:
            problems.append(f"JSON: no source keeps the URL {work['url']!r} as given")
    raw = (out / "torture.json").read_bytes()
    controls = sorted({b for b in raw if b < 0x20 and b != 0x0A})
    expect("raw control bytes in the JSON (they must be \\u escapes)", controls, [])
    G = nx.node_link_graph(data)
    E = nx.node_link_graph(load("torture-edges.json"), link="edges")
    for name, graph in (("links", G), ("edges", E)):
        expect(f"NetworkX node-link ({name}): nodes", len(graph), len(nodes))
        expect(f"NetworkX node-link ({name}): edges", graph.number_of_edges(), len(data["links"]))
        texts = {a["text"] for _, a in graph.nodes(data=True) if a.get("type") == "claim"}
        expect(f"NetworkX node-link ({name}): claim texts", texts, set(wanted))
    return f"JSON {len(nodes)} nodes, {len(data['links'])} links, {len(claims)} claims intact"


def check_dialect_texts():
    jgf = load("torture.jgf.json")["graph"]["nodes"]
    kumu = {e["id"]: e for e in load("torture.kumu.json")["elements"]}
    vos = load("torture.vosviewer.json")["network"]["items"]
    for node_id, node in nodes.items():
        expect(f"JGF {node_id!r} metadata", {"id": node_id, "label": jgf[node_id]["label"],
                                             **jgf[node_id]["metadata"]}, node)
        element = kumu[node_id]
        expect(f"Kumu {node_id!r} label", element["label"], node["label"])
        if node["type"] == "claim":
            expect(f"Kumu {node_id!r} text", element["text"], node["text"])
            expect(f"Kumu {node_id!r} description", html.unescape(element["description"]),
                   node["text"])
    jgf_edges = load("torture.jgf.json")["graph"]["edges"]
    expect("JGF edges", {(e["source"], e["target"], e["relation"]) for e in jgf_edges}, edges)
    connections = load("torture.kumu.json")["connections"]
    expect("Kumu connections", {(c["from"], c["to"], c["type"]) for c in connections}, edges)
    ids = list(kumu) + [c["id"] for c in connections]
    expect("Kumu ids shared by two elements or connections", len(ids) - len(set(ids)), 0)
    expect("VOSviewer items", len(vos), len(nodes))
    for item, node in zip(vos, data["nodes"]):
        parts = [html.unescape(p) for p in item["description"].split("<br>")]
        expect(f"VOSviewer item {item['id']} id in its description", parts[-1], node["id"])
        if node["type"] == "claim":
            expect(f"VOSviewer item {item['id']} description", parts, [node["text"], node["id"]])
        if "<" in item["description"].replace("<br>", ""):
            problems.append(f"VOSviewer item {item['id']}: unescaped '<' in its HTML description")
        if not LINKABLE.match(item.get("url", "https://")):
            problems.append(f"VOSviewer item {item['id']}: url {item['url']!r} is not http(s)")
    return f"JGF, Kumu, VOSviewer texts of {len(nodes)} nodes"


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header = rows[0]
    bad = [i for i, row in enumerate(rows[1:], 2) if len(row) != len(header)]
    expect(f"{path}: rows not as wide as the header", bad, [])
    return [dict(zip(header, row)) for row in rows[1:]]


def check_csv_folders():
    for folder, node_file, edge_file, key, ends in (
            ("csv", "nodes.csv", "edges.csv", "id", ("source", "target", "type")),
            ("neo4j", "nodes.csv", "relationships.csv", "id:ID",
             (":START_ID", ":END_ID", ":TYPE"))):
        rows = read_csv(out / folder / node_file)
        expect(f"{folder}/{node_file} ids", [r[key] for r in rows], list(nodes))
        for row in rows:
            node = nodes.get(row[key], {})
            expect(f"{folder}/{node_file} {row[key]!r} label", row["label"], node.get("label"))
            expect(f"{folder}/{node_file} {row[key]!r} text", row["text"], node.get("text", ""))
        rows = read_csv(out / folder / edge_file)
        got = {(r[ends[0]], r[ends[1]], r[ends[2]].lower()) for r in rows}
        expect(f"{folder}/{edge_file} edges", got, edges)
    return "csv and neo4j folders"


MERMAID_ENTITIES = {"quot": '"', "35": "#", "amp": "&", "lt": "<", "gt": ">", "96": "`",
                    "58": ":", "37": "%", "160": "\u00a0"}
MERMAID_NODE = re.compile(r'^    n(\d+)[\[({/]+"([^"]*)"[\])}/\\]+:::[a-z_]+$')
MERMAID_EDGE = re.compile(r"^  (n\d+) -\.?->\|([a-z_]+)\| (n\d+)$")


def mermaid_shown(label):
    """What Mermaid shows for a label evgraph wrote: its #…; entity codes decoded."""
    return re.sub(r"#(\w+);", lambda m: MERMAID_ENTITIES.get(m[1], m[0]), label)


def check_mermaid():
    text = (out / "torture.mmd").read_text(encoding="utf-8")
    if re.search(r"<\s*script", text, re.IGNORECASE):
        problems.append("Mermaid: a raw <script> tag")
    if "%%{" in text:
        problems.append("Mermaid: '%%{' opens a directive")
    lines = [l for l in text.split("\n") if l.startswith("    ")]
    expect("Mermaid node lines", len(lines), len(nodes))
    ordered = list(nodes.values())
    for line in lines:
        match = MERMAID_NODE.match(line)
        if not match:
            problems.append(f"Mermaid: a quote or bracket breaks the node line {line[:100]!r}")
            continue
        node = ordered[int(match[1])]
        shown = re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]", " ", node["label"])
        expect(f"Mermaid label of {node['id']!r}", mermaid_shown(match[2]), shown)
    names = {f"n{i}": node["id"] for i, node in enumerate(ordered)}
    arrows = [MERMAID_EDGE.match(l) for l in text.split("\n") if l.startswith("  n")]
    expect("Mermaid malformed edge lines", sum(1 for m in arrows if not m), 0)
    expect("Mermaid edges", {(names.get(m[1]), names.get(m[3]), m[2]) for m in arrows if m}, edges)
    return f"Mermaid {len(lines)} labels, {len(arrows)} edges"


def check_links_in_drawings():
    dot = subprocess.run(["dot", "-Tjson0", str(out / "torture.dot")], capture_output=True,
                         text=True)
    if dot.returncode != 0:
        problems.append(f"dot -Tjson0 torture.dot failed: {dot.stderr[:300]}")
        return "DOT unread"
    links = 0
    for obj in json.loads(dot.stdout).get("objects", []):
        for key in ("URL", "href"):
            if key in obj:
                links += 1
                if not LINKABLE.match(obj[key]):
                    problems.append(f"DOT: {obj.get('name')!r} has {key}={obj[key]!r}")
    svg_links = 0
    for element in ET.parse(out / "torture.svg").getroot().iter():
        for attribute, value in element.attrib.items():
            if attribute.endswith("href"):
                svg_links += 1
                if not LINKABLE.match(value.strip()):
                    problems.append(f"torture.svg: <{element.tag}> {attribute}={value!r}")
    if "javascript:" not in (out / "torture.dot").read_text(encoding="utf-8"):
        problems.append("DOT: the javascript: source's tooltip lost its URL")
    expect("DOT links (http and https sources only)", links,
           sum(1 for n in sources if LINKABLE.match(n.get("url", ""))))
    return f"DOT {links} and SVG {svg_links} links, all http(s)"


SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def drawable(text, unwrap):
    """What DOT and SVG may show of a text: C0 controls but tab and line feed as U+FFFD, and, for
    a wrapped label, line breaks as spaces."""
    text = re.sub("[\x00-\x08\x0b-\x1f]", "\ufffd", text)
    return text.replace("\n", " ") if unwrap else text


def svg_nodes():
    root = ET.parse(out / "torture.svg").getroot()
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()}


def encoded_url(url):
    """A URL as dot.cpp's encode_url writes it into DOT: unsafe bytes percent-encoded."""
    unsafe = set(b'"<>\\^`{|}')
    return "".join(f"%{b:02X}" if b <= 0x20 or b >= 0x7F or b in unsafe else chr(b)
                   for b in url.encode("utf-8"))


def check_svg_text():
    """Graphviz's SVG, as a browser reads it: node ids, labels, claim tooltips and source links
    are the JSON's (a tab in an attribute reads as a space: Graphviz writes it raw)."""
    drawn = svg_nodes()
    if set(drawn) != set(nodes):
        problems.append(f"SVG node ids: {sorted(set(drawn) - set(nodes))} are not the JSON's "
                        f"{sorted(set(nodes) - set(drawn))}")
    for node_id, g in drawn.items():
        node = nodes.get(node_id, {})
        lines = [t.text or "" for t in g.iter(f"{SVG}text")]
        expect(f"SVG label of {node_id!r}", " ".join(lines), drawable(node.get("label", ""), True))
        anchor = next(g.iter(f"{SVG}a"), None)
        tooltip = "" if anchor is None else anchor.get(XLINK_TITLE, "")
        if node.get("type") == "claim":
            want = drawable(node["text"], False).replace("\t", " ") + "\n\n"
            if not tooltip.startswith(want):
                problems.append(f"SVG tooltip of {node_id!r} is {tooltip[:100]!r}, claim text "
                                f"{want[:100]!r}")
        if node.get("type") == "source" and LINKABLE.match(node.get("url", "")):
            href = "" if anchor is None else anchor.get(XLINK_HREF, "")
            expect(f"SVG link of {node_id!r}", href, encoded_url(node["url"]))
    return f"SVG text of {len(drawn)} nodes"


def check_xml_replacements():
    counts = []
    for name in ("torture.graphml", "torture.gexf"):
        text = (out / name).read_text(encoding="utf-8")
        if FORBIDDEN_IN_XML.search(text):
            problems.append(f"{name}: raw XML-forbidden characters")
        match = re.search(r"<!-- evgraph: (\d+) character\(s\) that XML 1.0 does not allow", text)
        written = text.count("\ufffd")
        if not match:
            problems.append(f"{name}: no comment counting the {written} replaced characters")
            continue
        expect(f"{name}: replacements counted", int(match[1]), written)
        counts.append(written)
    if counts and min(counts) == 0:
        problems.append("the XML files replaced no control character: did the input keep them?")
    return f"GraphML and GEXF count their {'/'.join(map(str, counts))} replacements"


checks = (check_json, check_dialect_texts, check_csv_folders, check_mermaid,
          check_links_in_drawings, check_xml_replacements)
if "--svg-text" in sys.argv[3:]:
    checks = (check_svg_text,)
summaries = []
for check in checks:
    try:
        summaries.append(check())
    except (KeyError, TypeError, ValueError, IndexError, OSError, ET.ParseError, csv.Error,
            nx.NetworkXError) as error:
        problems.append(f"{check.__name__}: {type(error).__name__}: {error}")
for p in problems[:40]:
    print("FAIL:", p)
print(f"torture: {'; '.join(summaries)}; {len(problems)} problems")
sys.exit(1 if problems else 0)
