"""Vendor the web pages' assets from npm packages: Leaflet, a low-resolution land outline and
Swagger UI.

    npm pack leaflet@1.9.4 world-atlas@2.0.2 swagger-ui-dist@5.35.0   # in an empty folder
    python scripts/build_web_assets.py FOLDER

Copies Leaflet's dist files, turns world-atlas's land-110m TopoJSON (Natural Earth, public
domain) into GeoJSON, so the map needs nothing from the network, and copies Swagger UI's
bundle and stylesheet for ``/docs``, which the content-security policy lets load only from the
server itself.
"""

from __future__ import annotations

import json
import shutil
import sys
import tarfile
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "api" / "static"


def topology_to_geojson(topology: dict, name: str) -> dict:
    """Decode one TopoJSON object (quantized, delta-encoded arcs) into GeoJSON."""
    scale = topology["transform"]["scale"]
    shift = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + shift[0], 2), round(y * scale[1] + shift[1], 2)])
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for index in indexes:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            out.extend(points[1:] if out else points)
        # no jumps across the antimeridian: a ring that crosses it runs on past ±180°
        for i in range(1, len(out)):
            while out[i][0] - out[i - 1][0] > 180:
                out[i] = [out[i][0] - 360, out[i][1]]
            while out[i][0] - out[i - 1][0] < -180:
                out[i] = [out[i][0] + 360, out[i][1]]
        middle = sum(x for x, _ in out) / len(out) if out else 0
        shift = 360 if middle < -180 else -360 if middle > 180 else 0
        return [[round(x + shift, 2), y] for x, y in out]

    def geometry(geom: dict) -> dict:
        if geom["type"] == "Polygon":
            return {"type": "Polygon", "coordinates": [ring(r) for r in geom["arcs"]]}
        if geom["type"] == "MultiPolygon":
            return {"type": "MultiPolygon",
                    "coordinates": [[ring(r) for r in poly] for poly in geom["arcs"]]}
        if geom["type"] == "GeometryCollection":
            return {"type": "GeometryCollection",
                    "geometries": [geometry(g) for g in geom["geometries"]]}
        raise ValueError(f"unsupported geometry {geom['type']}")

    return {"type": "Feature", "properties": {"name": name},
            "geometry": geometry(topology["objects"][name])}


def main(folder: Path) -> None:
    leaflet = next(folder.glob("leaflet-*.tgz"))
    atlas = next(folder.glob("world-atlas-*.tgz"))
    target = STATIC / "leaflet"
    (target / "images").mkdir(parents=True, exist_ok=True)
    with tarfile.open(leaflet) as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            if name in ("dist/leaflet.js", "dist/leaflet.css", "LICENSE") or (
                    name.startswith("dist/images/") and name.endswith(".png")):
                source = tar.extractfile(member)
                assert source is not None
                out = target / name.removeprefix("dist/")
                with out.open("wb") as handle:
                    shutil.copyfileobj(source, handle)
    with tarfile.open(atlas) as tar:
        member = tar.extractfile("package/land-110m.json")
        assert member is not None
        land = topology_to_geojson(json.load(member), "land")
    (STATIC / "land-110m.geojson").write_text(json.dumps(land, separators=(",", ":")),
                                              encoding="utf-8")
    swagger = next(folder.glob("swagger-ui-dist-*.tgz"))
    docs = STATIC / "swagger-ui"
    docs.mkdir(exist_ok=True)
    with tarfile.open(swagger) as tar:
        for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"):
            source = tar.extractfile(f"package/{name}")
            assert source is not None
            with (docs / name).open("wb") as handle:
                shutil.copyfileobj(source, handle)
    print(f"wrote {target}, {STATIC / 'land-110m.geojson'} and {docs}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
