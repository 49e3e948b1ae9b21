#!/usr/bin/python3
"""The Python peer of `evgraph build`: the same job scripted on NetworkX and pygraphviz.

Reads answer files (prose lines ending in citation markers, then a `Citations:` list), parses them
with regular expressions, builds a typed NetworkX DiGraph with evgraph's node and edge types and
ids, then writes node-link JSON (json.dump) and DOT (pygraphviz). It is the script a competent
user would write for the job, measured side by side with evgraph by bench/compare.sh.

    peer.py answer-1.txt answer-2.txt ... -o graph.json [-o graph.dot] [--lexicon FILE]

Per phase it prints to stderr one line, machine-readable:
    peer: timing: read 1.234 s 21234567 bytes peak-rss 123456 KiB
    peer: timing: build 2.345 s peak-rss 234567 KiB
    peer: timing: write graph.json 3.456 s 114619879 bytes peak-rss 345678 KiB
    peer: timing: total 7.035 s peak-rss 345678 KiB
and the counts:
    peer: counts: claims N cited-sources N sources N nodes N edges N asserts N lists N cites N ...
(peak-rss is ru_maxrss, the process's peak so far, at the end of the phase.)

What it does not do (evgraph does): similar_to edges, commentary detection, diagnostics, other
input dialects (footnotes, Markdown links, chips, tables), plural folding in lexicon matching,
quoted programme titles as interventions, styling or layout hints in the DOT.
"""
import argparse
import hashlib
import json
import os
import re
import resource
import sys
import time
import unicodedata
from urllib.parse import unquote, urlsplit

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LEXICON = os.path.join(HERE, "..", "src", "extract", "default_lexicon.json")

LIST_HEADING = re.compile(r"^\s*(?:Citations|Sources|References)\s*:\s*$", re.IGNORECASE)
LIST_LINE = re.compile(r"^\s*\[\d+\]\s*\S")
LIST_ENTRY = re.compile(r"\[(\d+)\]\s*(\S+)")
MARKER_GROUP = re.compile(r"(?:\s*\[\d+(?:\s*,\s*\d+)*\])+")
NUMBER = re.compile(r"\d+")
# Flattened superscripts: digits glued after a sentence's full stop, before a marker or the end.
FLATTENED = re.compile(r"(?<=[A-Za-z)][.!?])\d+(?=\[\d|\s*$)")

EDGE_FOR_TYPE = {"population": "concerns", "intervention": "about", "outcome": "reports"}


def peak_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# ----------------------------------------------------------------------------------------------
# Ids: the same rules as evgraph (src/extract/claim_id.cpp, source_identity.cpp, slugify)

# Case folded (ASCII), quotes dropped, whitespace runs collapsed, one final full stop dropped.
NORMALISE = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                           **{q: None for q in "'\"\u2018\u2019\u201c\u201d"}})


def normalise(text):
    norm = " ".join(text.translate(NORMALISE).split())
    return norm[:-1].rstrip(" ") if norm.endswith(".") else norm


def claim_id(text):
    """16 hex digits of a hash of the normalised text: BLAKE2b from hashlib, as a script would
    do. Equal normalised texts give equal ids, so the claim count is evgraph's; the ids differ."""
    return "claim:" + hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=8).hexdigest()


def evgraph_claim_id(text):
    """evgraph's own id, FNV-1a 64 over the normalised text (src/extract/claim_id.cpp): byte for
    byte equal ids, at the cost of a pure-Python loop over every byte (--evgraph-ids)."""
    h = 0xCBF29CE484222325
    for b in normalise(text).encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "claim:%016x" % h


PMC = re.compile(r"^/(?:pmc/)?articles/(pmc\d+)", re.IGNORECASE)
PUBMED_NCBI = re.compile(r"^/pubmed/(\d+)")
PUBMED = re.compile(r"^/(\d+)")
S2 = re.compile(r"^/paper/(?:[^/]*/)*([0-9a-fA-F]{40})(?:/|$)")


def identify(url):
    """(scheme, identifier) of a cited URL: PMC, PubMed, Semantic Scholar, DOI, else the URL
    without scheme, www., default port, trailing slash and fragment."""
    parts = urlsplit(url.strip().rstrip(".,;"))
    host = (parts.hostname or "").rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    path = parts.path
    if host in ("doi.org", "dx.doi.org"):
        return "doi", unquote(path[1:]).lower()
    m = None
    if host == "ncbi.nlm.nih.gov":
        m = PMC.match(path)
        if not m:
            p = PUBMED_NCBI.match(path)
            if p:
                return "pubmed", p.group(1)
    elif host == "pmc.ncbi.nlm.nih.gov":
        m = PMC.match(path)
    elif host == "pubmed.ncbi.nlm.nih.gov":
        p = PUBMED.match(path)
        if p:
            return "pubmed", p.group(1)
    elif host == "semanticscholar.org":
        s = S2.match(path)
        if s:
            return "s2", s.group(1).lower()
    if m:
        return "pmc", "PMC" + m.group(1)[3:]
    ident = host
    if parts.port and parts.port not in (80, 443):
        ident += ":%d" % parts.port
    ident += path.rstrip("/")
    if parts.query:
        ident += "?" + parts.query
    return "url", ident


def source_label(scheme, identifier):
    if scheme == "pmc":
        return identifier
    if scheme == "pubmed":
        return "PMID " + identifier
    if scheme == "s2":
        return "S2 " + identifier[:8]
    return short_label("doi:" + identifier if scheme == "doi" else identifier, 40)


def short_label(text, limit=60):
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;") + "\u2026"


def slugify(name):
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# ----------------------------------------------------------------------------------------------
# Lexicon: one compiled regex per node type, longest term first, whole words, matched against
# the lower-cased text (re.IGNORECASE on a long alternation is about 4x slower in CPython's re)

def load_lexicon(path):
    with open(path, encoding="utf-8") as f:
        concepts = json.load(f)["concepts"]
    terms = {}  # type -> {lower-case term: (node id, name)}
    for c in concepts:
        node = "%s:%s" % (c["type"], c.get("slug") or slugify(c["name"]))
        for term in [c["name"]] + c.get("synonyms", []):
            terms.setdefault(c["type"], {})[term.replace("\u2019", "'").lower()] = (node, c["name"])
    matchers = []
    for kind, table in terms.items():
        alternatives = "|".join(re.escape(t) for t in sorted(table, key=len, reverse=True))
        matchers.append((kind, re.compile(r"(?<!\w)(?:%s)(?!\w)" % alternatives), table))
    return matchers


def mentions(text, matchers):
    text = text.replace("\u2019", "'").lower()
    found = []
    for kind, regex, table in matchers:
        seen = set()
        for m in regex.finditer(text):
            node, name = table[m.group(0)]
            if node not in seen:
                seen.add(node)
                found.append((kind, node, name))
    return found


# ----------------------------------------------------------------------------------------------
# Read and parse: files -> blocks of claims and citation lists, with ids resolved

def parse_answer(path, matchers):
    """Returns (bytes read, blocks); a block is (claims, entries), a claim is
    (id, text, line, markers, concepts), an entry is (number, url, scheme, identifier)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = []
    prose, entries = [], None
    for number, line in enumerate(text.splitlines(), 1):
        if LIST_HEADING.match(line):
            entries = []
            continue
        if entries is not None:
            if LIST_LINE.match(line):
                entries.extend(LIST_ENTRY.findall(line))
                continue
            blocks.append((prose, entries))
            prose, entries = [], None
        if line.strip():
            prose.append((number, line))
    if prose or entries:
        blocks.append((prose, entries or []))

    parsed = []
    for prose, entries in blocks:
        claims = []
        for number, line in prose:
            line = FLATTENED.sub("", line)
            pos = 0
            for m in MARKER_GROUP.finditer(line):
                claim = line[pos:m.start()].strip()
                markers = NUMBER.findall(m.group(0))
                pos = m.end()
                if claim:
                    claims.append((claim_id(claim), claim, number, markers,
                                   mentions(claim, matchers)))
                elif claims:  # a marker group right after another one: same claim
                    claims[-1][3].extend(markers)
            rest = line[pos:].strip()
            if rest:  # text after the last marker: an uncited claim
                claims.append((claim_id(rest), rest, number, [], mentions(rest, matchers)))
        listed = [(n, url) + identify(url) for n, url in entries]
        parsed.append((claims, listed))
    return len(text.encode("utf-8")), parsed


# ----------------------------------------------------------------------------------------------
# Build the typed graph

def build(documents):
    G = nx.DiGraph(generator="bench/peer.py")
    for path, blocks in documents:
        doc = "document:" + path
        G.add_node(doc, type="document", label=os.path.basename(path), path=path)
        for block_number, (claims, listed) in enumerate(blocks, 1):
            by_number = {}
            for n, url, scheme, identifier in listed:
                source = "source:%s:%s" % (scheme, identifier)
                if source in G:
                    urls = G.nodes[source]["urls"]
                    if url not in urls:
                        urls.append(url)
                else:
                    G.add_node(source, type="source", label=source_label(scheme, identifier),
                               url=url, urls=[url], scheme=scheme, identifier=identifier)
                by_number.setdefault(n, []).append(source)
                if G.has_edge(doc, source):
                    if n not in G[doc][source]["markers"]:
                        G[doc][source]["markers"].append(n)
                else:
                    G.add_edge(doc, source, type="lists", markers=[n])
            for cid, text, line, markers, concepts in claims:
                occurrence = {"document": path, "line": line, "block": block_number,
                              "markers": markers}
                if cid in G:
                    G.nodes[cid]["occurrences"].append(occurrence)
                else:
                    G.add_node(cid, type="claim", label=short_label(text), text=text,
                               occurrences=[occurrence])
                G.add_edge(doc, cid, type="asserts")
                for n in markers:
                    sources = by_number.get(n, [])
                    for source in sources:
                        if G.has_edge(cid, source):
                            edge = G[cid][source]
                            if n not in edge["markers"]:
                                edge["markers"].append(n)
                            edge["ambiguous"] = edge["ambiguous"] or len(sources) > 1
                        else:
                            G.add_edge(cid, source, type="cites", markers=[n],
                                       ambiguous=len(sources) > 1)
                for kind, node, name in concepts:
                    if node not in G:
                        G.add_node(node, type=kind, label=name)
                    G.add_edge(cid, node, type=EDGE_FOR_TYPE[kind])
    return G


def counts(G):
    types = {}
    for _, kind in G.nodes(data="type"):
        types[kind] = types.get(kind, 0) + 1
    edges = {}
    cited = set()
    for _, target, kind in G.edges(data="type"):
        edges[kind] = edges.get(kind, 0) + 1
        if kind == "cites":
            cited.add(target)
    fields = [("claims", types.get("claim", 0)), ("cited-sources", len(cited)),
              ("sources", types.get("source", 0)), ("nodes", G.number_of_nodes()),
              ("edges", G.number_of_edges())]
    fields += sorted(edges.items()) + [(k, v) for k, v in sorted(types.items()) if k not in
                                       ("claim", "source")]
    return " ".join("%s %d" % f for f in fields)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="answer files")
    ap.add_argument("-o", "--output", action="append", required=True,
                    help="output file: .json (node-link) or .dot (pygraphviz); repeatable")
    ap.add_argument("--lexicon", default=DEFAULT_LEXICON)
    ap.add_argument("--evgraph-ids", action="store_true",
                    help="claim ids by evgraph's FNV-1a rule (slower) instead of hashlib's BLAKE2b")
    args = ap.parse_args()
    for out in args.output:
        if not out.endswith((".json", ".dot", ".gv")):
            ap.error("unknown output format: " + out)

    global claim_id
    if args.evgraph_ids:
        claim_id = evgraph_claim_id

    start = time.perf_counter()
    matchers = load_lexicon(args.lexicon)
    size = 0
    documents = []
    for path in args.inputs:
        n, blocks = parse_answer(path, matchers)
        size += n
        documents.append((path, blocks))
    t = time.perf_counter()
    print("peer: timing: read %.3f s %d bytes peak-rss %d KiB" % (t - start, size, peak_kib()),
          file=sys.stderr)

    t0 = time.perf_counter()
    G = build(documents)
    del documents
    t = time.perf_counter()
    print("peer: timing: build %.3f s peak-rss %d KiB" % (t - t0, peak_kib()), file=sys.stderr)

    for out in args.output:
        t0 = time.perf_counter()
        if out.endswith(".json"):
            with open(out, "w", encoding="utf-8") as f:
                json.dump(nx.node_link_data(G), f)
        else:
            A = nx.nx_agraph.to_agraph(G)
            A.write(out)
            del A
        t = time.perf_counter()
        print("peer: timing: write %s %.3f s %d bytes peak-rss %d KiB"
              % (out, t - t0, os.path.getsize(out), peak_kib()), file=sys.stderr)

    print("peer: timing: total %.3f s peak-rss %d KiB" % (time.perf_counter() - start, peak_kib()),
          file=sys.stderr)
    print("peer: counts: " + counts(G), file=sys.stderr)


if __name__ == "__main__":
    main()
