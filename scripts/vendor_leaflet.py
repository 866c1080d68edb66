"""Vendor Leaflet and its marker-cluster plugin into the add-on's static
resources, so that integrators need no JavaScript build step.

    .venv/bin/python scripts/vendor_leaflet.py          # fetch and copy
    .venv/bin/python scripts/vendor_leaflet.py --check  # exit 1 if the
                                                        # copies differ

The pinned packages are fetched with ``npm pack`` (the ordinary client, its
configured registry), their integrity checked against the hashes below, and
only the built files and the licences are copied to
``browser/maps/static/leaflet/``. To upgrade, change a version and its integrity
(``npm view <name>@<version> dist.integrity``) and run the script again.
"""

from pathlib import Path

import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile


TARGET = (
    Path(__file__).parents[1]
    / "src"
    / "collective"
    / "migrationnetwork"
    / "browser"
    / "maps"
    / "static"
    / "leaflet"
)
# name, version, integrity, {path in the tarball: path under TARGET}
PACKAGES = (
    (
        "leaflet",
        "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL"
        "+YR3XnWyZAxwQixURb+FA74PA==",
        {
            "package/LICENSE": "LICENSE-leaflet.txt",
            "package/dist/leaflet.js": "leaflet.js",
            "package/dist/leaflet.css": "leaflet.css",
            "package/dist/images/layers.png": "images/layers.png",
            "package/dist/images/layers-2x.png": "images/layers-2x.png",
            "package/dist/images/marker-icon.png": "images/marker-icon.png",
            "package/dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "package/dist/images/marker-shadow.png": "images/marker-shadow.png",
        },
    ),
    (
        "leaflet.markercluster",
        "1.5.3",
        "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7"
        "T4NpbAXpR2+NTRSEGfCSeA==",
        {
            "package/MIT-LICENCE.txt": "LICENSE-markercluster.txt",
            "package/dist/leaflet.markercluster.js": "leaflet.markercluster.js",
            "package/dist/MarkerCluster.css": "MarkerCluster.css",
            "package/dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
        },
    ),
)


def integrity(path):
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def fetch(name, version, expected, workdir):
    """The tarball of ``name@version``, checked against ``expected``."""
    output = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--silent"],
        cwd=workdir,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    tarball = Path(workdir) / output
    found = integrity(tarball)
    if found != expected:
        raise SystemExit(f"{name}@{version}: integrity {found}, expected {expected}")
    return tarball


def files(tarball, mapping):
    """``{target path: bytes}`` of the mapped members of ``tarball``."""
    result = {}
    with tarfile.open(tarball) as archive:
        for member, target in mapping.items():
            result[target] = archive.extractfile(member).read()
    return result


def main(check=False):
    wanted = {}
    with tempfile.TemporaryDirectory() as workdir:
        for name, version, expected, mapping in PACKAGES:
            wanted.update(files(fetch(name, version, expected, workdir), mapping))
    stale = [
        target
        for target, data in sorted(wanted.items())
        if not (TARGET / target).is_file() or (TARGET / target).read_bytes() != data
    ]
    if check:
        for target in stale:
            print(f"differs: {target}")
        return 1 if stale else 0
    for target in stale:
        path = TARGET / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(wanted[target])
        print(f"wrote {path.relative_to(TARGET.parents[4])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv[1:]))
