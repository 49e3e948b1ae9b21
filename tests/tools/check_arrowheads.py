#!/usr/bin/env python3
"""usage: check_arrowheads.py DRAWING.svg [MAX_GAP_PT]

Fails when an arrowhead of a Graphviz SVG floats apart from its edges: every polygon inside an
edge group (an arrowhead) must touch, within MAX_GAP_PT points (default 10), an end of some edge
path of the drawing. Graphviz's concentrate=true has drawn arrowheads thousands of points from
the edges they belong to; this is how a test notices."""
import math
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def points_of(text):
    values = [float(v) for v in NUMBER.findall(text or "")]
    return list(zip(values[0::2], values[1::2]))


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    max_gap = float(sys.argv[2]) if len(sys.argv) == 3 else 10.0
    root = ET.parse(sys.argv[1]).getroot()
    ends = []
    heads = []
    for group in root.iter(SVG + "g"):
        if "edge" not in (group.get("class") or "").split():
            continue
        for path in group.iter(SVG + "path"):
            points = points_of(path.get("d"))
            if points:
                ends.extend([points[0], points[-1]])
        for polygon in group.iter(SVG + "polygon"):
            points = points_of(polygon.get("points"))
            if points:
                heads.append((group.get("id"), points))
    if not heads:
        print("check_arrowheads: no arrowheads in %s" % sys.argv[1], file=sys.stderr)
        return 1
    detached = []
    for edge, points in heads:
        gap = min(math.dist(p, e) for p in points for e in ends) if ends else math.inf
        if gap > max_gap:
            detached.append((gap, edge, points[0]))
    if detached:
        detached.sort(reverse=True)
        for gap, edge, (x, y) in detached[:10]:
            print("check_arrowheads: %s: arrowhead at (%.0f, %.0f) is %.0f pt from any edge end"
                  % (edge, x, y, gap), file=sys.stderr)
        print("check_arrowheads: %d of %d arrowheads detached" % (len(detached), len(heads)),
              file=sys.stderr)
        return 1
    print("check_arrowheads: %s: %d arrowheads, all on their edges" % (sys.argv[1], len(heads)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
