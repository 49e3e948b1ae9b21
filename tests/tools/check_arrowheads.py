#!/usr/bin/env python3
"""usage: check_arrowheads.py DRAWING.svg [MAX_GAP_PT]

Fails when an arrowhead of a Graphviz SVG is not where it points: every polygon inside an edge
group (an arrowhead) must touch, within MAX_GAP_PT points (default 10), an end of some edge path
of the drawing, and a corner of it must lie on a node (within its bounding box grown by 4 points).
Graphviz's concentrate=true has drawn arrowheads thousands of points from the edges they belong
to, and at the fork of merged edges instead of at their node; this is how a test notices."""
import math
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")


def points_of(text):
    values = [float(v) for v in NUMBER.findall(text or "")]
    return list(zip(values[0::2], values[1::2]))


def box_of(points):
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def shape_points(group):
    points = []
    for polygon in group.iter(SVG + "polygon"):
        points.extend(points_of(polygon.get("points")))
    for path in group.iter(SVG + "path"):
        points.extend(points_of(path.get("d")))
    for ellipse in group.iter(SVG + "ellipse"):
        cx, cy = float(ellipse.get("cx")), float(ellipse.get("cy"))
        rx, ry = float(ellipse.get("rx")), float(ellipse.get("ry"))
        points.extend([(cx - rx, cy - ry), (cx + rx, cy + ry)])
    return points


def on_a_node(points, boxes, margin=4.0):
    return any(x0 - margin <= x <= x1 + margin and y0 - margin <= y <= y1 + margin
               for x, y in points for x0, y0, x1, y1 in boxes)


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    max_gap = float(sys.argv[2]) if len(sys.argv) == 3 else 10.0
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        # `dot -Tsvg` writes a label's control characters and a URL's `&` as they are; the
        # drawing's geometry is all this reads, so both are mended first.
        text = BARE_AMPERSAND.sub("&amp;", XML_FORBIDDEN.sub("\ufffd", f.read()))
        root = ET.fromstring(text)
    ends = []
    heads = []
    boxes = []
    for group in root.iter(SVG + "g"):
        classes = (group.get("class") or "").split()
        if "node" in classes:
            points = shape_points(group)
            if points:
                boxes.append(box_of(points))
            continue
        if "edge" not in classes:
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
            detached.append((gap, edge, points[0], "pt from any edge end"))
        elif not on_a_node(points, boxes):
            detached.append((0.0, edge, points[0], "on no node"))
    if detached:
        detached.sort(reverse=True)
        for gap, edge, (x, y), what in detached[:10]:
            where = "%.0f %s" % (gap, what) if gap else what
            print("check_arrowheads: %s: arrowhead at (%.0f, %.0f) is %s" % (edge, x, y, where),
                  file=sys.stderr)
        print("check_arrowheads: %d of %d arrowheads detached" % (len(detached), len(heads)),
              file=sys.stderr)
        return 1
    print("check_arrowheads: %s: %d arrowheads, all on their edges and nodes"
          % (sys.argv[1], len(heads)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
