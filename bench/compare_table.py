#!/usr/bin/python3
"""Markdown table of one size of bench/compare.sh: evgraph and the Python peer side by side.

    compare_table.py DIR --claims N --files N --input-bytes B [--disk-mb-s X] [--no-timings]
                     [--peer-note TEXT] [--dot-note TEXT]
    compare_table.py --self-test

DIR holds what compare.sh wrote for the size: check.time, build.time, peer.time (`/usr/bin/time
-v` reports), build.log and peer.log (stderr with the timing lines), evgraph.json/.dot and
peer.json/.dot. MB is 10^6 bytes, MiB 2^20 bytes.
"""
import argparse
import json
import os
import re
import sys

EVGRAPH_TIMING = re.compile(
    r"^evgraph: timing: (?:(read|build|total) ([\d.]+) s(?: (\d+) bytes)?(?: peak-rss (\d+) bytes)?"
    r"|write (.+) ([\d.]+) s (\d+) bytes(?: peak-rss \d+ bytes)?)\s*$")
PEER_TIMING = re.compile(
    r"^peer: timing: (?:(read|build|total) ([\d.]+) s(?: (\d+) bytes)?"
    r"|write (.+) ([\d.]+) s (\d+) bytes) peak-rss (\d+) KiB\s*$")


def phase_of(path):
    return "dot" if path.endswith((".dot", ".gv")) else "json" if path.endswith(".json") else path


def parse_evgraph_timings(lines):
    """{phase: {"s": seconds, "bytes": n}} from `evgraph build --timings` stderr lines; the total
    also has "peak_bytes". Other lines (diagnostics) are ignored."""
    phases = {}
    for line in lines:
        m = EVGRAPH_TIMING.match(line)
        if not m:
            continue
        if m.group(1):
            entry = {"s": float(m.group(2))}
            if m.group(3):
                entry["bytes"] = int(m.group(3))
            if m.group(4):
                entry["peak_bytes"] = int(m.group(4))
            phases[m.group(1)] = entry
        else:
            phases[phase_of(m.group(5))] = {"s": float(m.group(6)), "bytes": int(m.group(7)),
                                            "path": m.group(5)}
    return phases


def parse_peer_timings(lines):
    """The same from bench/peer.py, each phase with "peak_kib" (the peak so far at its end)."""
    phases = {}
    counts = {}
    for line in lines:
        if line.startswith("peer: counts: "):
            words = line.split()[2:]
            counts = {words[i]: int(words[i + 1]) for i in range(0, len(words) - 1, 2)}
            continue
        m = PEER_TIMING.match(line)
        if not m:
            continue
        if m.group(1):
            entry = {"s": float(m.group(2)), "peak_kib": int(m.group(7))}
            if m.group(3):
                entry["bytes"] = int(m.group(3))
            phases[m.group(1)] = entry
        else:
            phases[phase_of(m.group(4))] = {"s": float(m.group(5)), "bytes": int(m.group(6)),
                                            "peak_kib": int(m.group(7)), "path": m.group(4)}
    return phases, counts


def parse_time_v(text):
    """(wall seconds, peak RSS KiB, exit status) from a `/usr/bin/time -v` report."""
    wall = rss = None
    status = 0
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key.startswith("Elapsed (wall clock) time"):
            wall = 0.0
            for part in value.split(":"):
                wall = wall * 60 + float(part)
        elif key == "Maximum resident set size (kbytes)":
            rss = int(value)
        elif key == "Exit status":
            status = int(value)
        elif line.startswith("Command exited with non-zero status"):
            status = int(line.split()[-1])
    return wall, rss, status


def read_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def read_time(path):
    try:
        with open(path, encoding="utf-8") as f:
            return parse_time_v(f.read())
    except FileNotFoundError:
        return None, None, None


def graph_counts(path):
    """Claims, cited sources and edges by type of a node-link JSON file, from `type` attributes."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    types = {n["id"]: n.get("type") for n in data["nodes"]}
    claims = sum(1 for t in types.values() if t == "claim")
    cited = {l["target"] for l in data["links"] if l.get("type") == "cites"}
    edges = {}
    for l in data["links"]:
        edges[l.get("type")] = edges.get(l.get("type"), 0) + 1
    return {"claims": claims, "cited": sum(1 for s in cited if types.get(s) == "source"),
            "edges": edges}


# ----------------------------------------------------------------------------------------------
# Formatting

def secs(s):
    return "–" if s is None else "%.2f" % s


def mib(kib):
    return "–" if kib is None else "%.0f" % (kib / 1024)


def rate(nbytes, s):
    return "–" if nbytes is None or not s else "%.1f" % (nbytes / s / 1e6)


def speed_ratio(evgraph, peer):
    if evgraph is None or peer is None or evgraph <= 0:
        return "–"
    r = peer / evgraph
    return "%.1f× faster" % r if r >= 1 else "%.1f× slower" % (1 / r)


def memory_ratio(evgraph, peer):
    if evgraph is None or peer is None or evgraph <= 0:
        return "–"
    r = peer / evgraph
    return "%.1f× less" % r if r >= 1 else "%.1f× more" % (1 / r)


def table(args):
    d = args.dir
    check_wall, check_rss, check_rc = read_time(os.path.join(d, "check.time"))
    build_wall, build_rss, build_rc = read_time(os.path.join(d, "build.time"))
    peer_wall, peer_rss, peer_rc = read_time(os.path.join(d, "peer.time"))
    ev = {} if args.no_timings else parse_evgraph_timings(read_lines(os.path.join(d, "build.log")))
    pp, peer_counts = parse_peer_timings(read_lines(os.path.join(d, "peer.log")))
    ran_peer = peer_wall is not None
    na = "n/a" if args.no_timings else "–"

    def ev_s(phase):
        return ev[phase]["s"] if phase in ev else None

    def pp_get(phase, key):
        return pp[phase].get(key) if phase in pp else None

    out = []
    out.append("### %d claims (%d files, %.1f MB of answers)" % (args.claims, args.files,
                                                             args.input_bytes / 1e6))
    out.append("")
    out.append("| phase | evgraph s | peer s | evgraph vs peer | evgraph peak MiB | peer peak MiB "
               "| memory | evgraph MB/s | peer MB/s |")
    out.append("|---|---:|---:|---|---:|---:|---|---:|---:|")

    def row(name, es, ps, erss, prss, ebytes, pbytes):
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, na if es == "n/a" else secs(es), secs(ps),
            speed_ratio(None if es == "n/a" else es, ps), mib(erss), mib(prss),
            memory_ratio(erss, prss), na if es == "n/a" else rate(ebytes, es), rate(pbytes, ps)))

    size = args.input_bytes
    # check: evgraph's whole `check` command against the peer's read + build phases.
    peer_check = (pp_get("read", "s") + pp_get("build", "s")) if "build" in pp else None
    row("check (read, parse, build)", check_wall, peer_check, check_rss, pp_get("build", "peak_kib"),
        size, size)
    timed = "n/a" if args.no_timings else None
    row("read/parse", timed or ev_s("read"), pp_get("read", "s"), None, pp_get("read", "peak_kib"),
        size, size)
    row("build", timed or ev_s("build"), pp_get("build", "s"), None, pp_get("build", "peak_kib"),
        None, None)
    for fmt in ("json", "dot"):
        ebytes = ev[fmt]["bytes"] if fmt in ev else None
        if ebytes is None and args.no_timings:
            path = os.path.join(d, "evgraph." + fmt)
            ebytes = os.path.getsize(path) if os.path.exists(path) else None
        row("write " + fmt.upper(), timed or ev_s(fmt), pp_get(fmt, "s"), None,
            pp_get(fmt, "peak_kib"), ebytes, pp_get(fmt, "bytes"))
    if ran_peer and "dot" not in pp:  # the peer wrote no DOT: its whole run is not the same job
        out.append("| end to end (build → JSON + DOT) | %s | %s (no DOT) | – | %s | %s (no DOT) | – "
                   "| %s | – |" % (secs(build_wall), secs(peer_wall), mib(build_rss),
                                   mib(peer_rss), rate(size, build_wall)))
    else:
        row("end to end (build → JSON + DOT)", build_wall, peer_wall, build_rss, peer_rss, size,
            size)
    out.append("")

    notes = []
    if args.no_timings:
        notes.append("evgraph's phases: n/a, this evgraph has no `build --timings`; its rows are "
                     "whole-command figures only (check, end to end).")
    if args.peer_note:
        notes.append(args.peer_note)
    if args.dot_note:
        notes.append(args.dot_note)
    for name, rc in (("evgraph check", check_rc), ("evgraph build", build_rc), ("peer", peer_rc)):
        if rc:
            notes.append("%s exited with status %d (see its log in %s)." % (name, rc, d))
    if args.disk_mb_s:
        for fmt in ("json", "dot"):
            if fmt in ev and ev[fmt]["s"] > 0:
                r = ev[fmt]["bytes"] / ev[fmt]["s"] / 1e6
                notes.append("evgraph writes %s at %.0f MB/s, %.0f %% of the disk's %.0f MB/s."
                             % (fmt.upper(), r, 100 * r / args.disk_mb_s, args.disk_mb_s))

    evgraph_json = os.path.join(d, "evgraph.json")
    peer_json = os.path.join(d, "peer.json")
    ec = graph_counts(evgraph_json) if build_rc == 0 and os.path.exists(evgraph_json) else None
    pc = graph_counts(peer_json) if ran_peer and peer_rc == 0 and os.path.exists(peer_json) else None
    if ec and pc:
        same = ec["claims"] == pc["claims"] and ec["cited"] == pc["cited"]
        notes.append("Counts (from the two JSON files): claims %d / %d, cited sources %d / %d "
                     "(evgraph / peer): %s." % (ec["claims"], pc["claims"], ec["cited"],
                                                pc["cited"], "equal" if same else "**DIFFERENT**"))
        kinds = [k for k in ("asserts", "lists", "cites", "concerns", "about", "reports",
                             "similar_to", "conflicts_with")
                 if k in ec["edges"] or k in pc["edges"]]
        notes.append("Edges by type (evgraph / peer): " + ", ".join(
            "%s %d / %d" % (k, ec["edges"].get(k, 0), pc["edges"].get(k, 0)) for k in kinds) + ".")
    elif ec:
        notes.append("Counts: evgraph has %d claims and %d cited sources; no peer JSON to compare."
                     % (ec["claims"], ec["cited"]))
    for note in notes:
        out.append("- " + note)
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------

SAMPLE = """\
answer-000001.txt:4:190: warning: stray digits '3457' after sentence punctuation [flattened-superscript]
evgraph: timing: read 1.234 s 21234567 bytes
evgraph: timing: build 0.456 s
evgraph: timing: write /tmp/x/out.json 0.321 s 114619879 bytes
evgraph: timing: write /tmp/x/out.dot 0.400 s 134315850 bytes
evgraph: timing: total 2.100 s peak-rss 123456789 bytes
evgraph: 100 document(s), 98550 claims, 22549 sources; 10812 warning(s)
"""

PEER_SAMPLE = """\
peer: timing: read 3.571 s 2115643 bytes peak-rss 41444 KiB
peer: timing: build 0.542 s peak-rss 68908 KiB
peer: timing: write /tmp/a b/p.json 0.909 s 12280436 bytes peak-rss 80684 KiB
peer: timing: write p.dot 3.712 s 10623076 bytes peak-rss 113928 KiB
peer: timing: total 8.734 s peak-rss 113928 KiB
peer: counts: claims 9979 cited-sources 2218 sources 2257 cites 12318
"""

TIME_SAMPLE = """\
\tCommand being timed: "evgraph build a.txt -o a.json"
\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50
\tMaximum resident set size (kbytes): 40960
\tExit status: 0
"""


def self_test():
    ev = parse_evgraph_timings(SAMPLE.splitlines())
    assert ev == {"read": {"s": 1.234, "bytes": 21234567}, "build": {"s": 0.456},
                  "json": {"s": 0.321, "bytes": 114619879, "path": "/tmp/x/out.json"},
                  "dot": {"s": 0.4, "bytes": 134315850, "path": "/tmp/x/out.dot"},
                  "total": {"s": 2.1, "peak_bytes": 123456789}}, ev
    pp, counts = parse_peer_timings(PEER_SAMPLE.splitlines())
    assert pp["read"] == {"s": 3.571, "bytes": 2115643, "peak_kib": 41444}, pp
    assert pp["build"] == {"s": 0.542, "peak_kib": 68908}, pp
    assert pp["json"]["path"] == "/tmp/a b/p.json" and pp["json"]["bytes"] == 12280436, pp
    assert pp["dot"]["s"] == 3.712 and pp["total"]["peak_kib"] == 113928, pp
    assert counts == {"claims": 9979, "cited-sources": 2218, "sources": 2257, "cites": 12318}
    assert parse_time_v(TIME_SAMPLE) == (62.5, 40960, 0)
    assert parse_time_v("\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:00:01\n") == (3601.0,
                                                                                      None, 0)
    assert speed_ratio(2.0, 5.0) == "2.5× faster" and speed_ratio(4.0, 2.0) == "2.0× slower"
    assert memory_ratio(100, 500) == "5.0× less" and memory_ratio(200, 100) == "2.0× more"
    print("compare_table.py: self-test passed")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--claims", type=int, required=True)
    ap.add_argument("--files", type=int, required=True)
    ap.add_argument("--input-bytes", type=int, required=True)
    ap.add_argument("--disk-mb-s", type=float)
    ap.add_argument("--no-timings", action="store_true",
                    help="the evgraph binary has no `build --timings`: whole-command figures only")
    ap.add_argument("--peer-note", help="a line to print, e.g. why the peer was skipped")
    ap.add_argument("--dot-note", help="a line to print, e.g. why the peer's DOT was skipped")
    print(table(ap.parse_args()))


if __name__ == "__main__":
    main()
