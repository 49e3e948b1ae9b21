#!/usr/bin/env bash
# usage: check_csv.sh EVGRAPH OUTDIR — builds the seed into a fresh OUTDIR as node-link JSON and as
# the csv and neo4j folders; /usr/bin/python3's csv module reads every file of both folders, every
# row is as wide as its header, and the node and edge counts equal the JSON's. Run from the source
# dir.
set -euo pipefail
evgraph=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
seed=graphs/men-peer-support/men-peer-support.txt

build() {  # NAME OPTIONS...
  local name=$1; shift
  "$evgraph" build "$seed" "$@" 2> "$out/$name.err" || {
    echo "evgraph build $* failed (exit $?):" >&2; cat "$out/$name.err" >&2; exit 1; }
}
build json -o "$out/seed.json"
build csv -o "$out/seed-csv" --to csv
build neo4j -o "$out/seed-neo4j" --to neo4j

/usr/bin/python3 - "$out" <<'PY'
import csv, json, pathlib, sys

out = pathlib.Path(sys.argv[1])
graph = json.loads((out / "seed.json").read_text(encoding="utf-8"))
nodes, links = len(graph["nodes"]), len(graph["links"])
ids = {node["id"] for node in graph["nodes"]}

def read(path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), f"{path}: starts with a BOM"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, 2):
        assert len(row) == len(header), f"{path}:{number}: {len(row)} fields, header has {len(header)}"
    return header, [dict(zip(header, row)) for row in body]

def check(folder, node_file, edge_file, id_key, ends):
    header, node_rows = read(folder / node_file)
    assert len(node_rows) == nodes, f"{folder / node_file}: {len(node_rows)} nodes, JSON has {nodes}"
    assert {row[id_key] for row in node_rows} == ids, f"{folder / node_file}: ids differ from JSON"
    header, edge_rows = read(folder / edge_file)
    assert len(edge_rows) == links, f"{folder / edge_file}: {len(edge_rows)} edges, JSON has {links}"
    for row in edge_rows:
        assert row[ends[0]] in ids and row[ends[1]] in ids, f"{folder / edge_file}: unknown end {row}"
    print(f"csv reads {folder}: {len(node_rows)} nodes, {len(edge_rows)} edges")

check(out / "seed-csv", "nodes.csv", "edges.csv", "id", ("source", "target"))
check(out / "seed-neo4j", "nodes.csv", "relationships.csv", "id:ID", (":START_ID", ":END_ID"))
header, rows = read(out / "seed-neo4j" / "nodes.csv")
assert header[:3] == ["id:ID", ":LABEL", "label"], header
assert {row[":LABEL"] for row in rows} <= {"Document", "Claim", "Source", "Population",
                                            "Intervention", "Outcome", "Answer"}
header, rows = read(out / "seed-neo4j" / "relationships.csv")
assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], header
assert {"CITES", "SIMILAR_TO"} <= {row[":TYPE"] for row in rows}
readme = (out / "seed-neo4j" / "README.md").read_text(encoding="utf-8")
command = ("neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
           "--delimiter=',' --array-delimiter=';' neo4j")
assert command in readme, "README.md lacks the import command"
PY
