"""TopoJSON countries -> one compact SVG path in an equirectangular 360x180 frame.

x = longitude + 180, y = 90 - latitude, rounded to 0.1 degree (well under a pixel at
the sizes the map page draws). The server projects claim places with the same formula
(crates/server/src/pages/map.rs), so points and outline line up without any JavaScript.
Standard library only.
"""

import json
import sys


def decode_arcs(topo):
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    return points


def fmt(value):
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def path_of(points):
    out = []
    last = None
    for lon, lat in points:
        point = (fmt(lon + 180), fmt(90 - lat))
        if point != last:
            out.append(point)
            last = point
    if len(out) < 3:
        return ""
    return "M" + "L".join(f"{x} {y}" for x, y in out) + "Z"


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        topo = json.load(handle)
    arcs = decode_arcs(topo)
    parts = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        for polygon in polygons:
            for indexes in polygon:
                parts.append(path_of(ring(arcs, indexes)))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">'
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC) -->"
        '<path fill="#e4e8df" stroke="#9aa394" stroke-width="0.15" fill-rule="evenodd" d="'
        + "".join(parts)
        + '"/></svg>\n'
    )
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(svg)


if __name__ == "__main__":
    main()
