"""Write buildout's [versions] from uv.lock, so both install the same set.

python scripts/lock_to_versions.py uv.lock > versions.cfg
"""

from packaging.version import Version

import sys
import tomllib


HEADER = """\
# Generated from uv.lock by `make versions`; do not edit by hand.
# buildout.cfg extends this file so that buildout installs exactly the
# releases that uv installs.
[versions]
"""


def locked_versions(lock_path):
    """Return {name: version} of the registry packages in a uv.lock.

    A package locked at several versions (one per Python marker) keeps the
    highest, which is the one the supported interpreters here get.
    """
    with open(lock_path, "rb") as f:
        lock = tomllib.load(f)
    versions = {}
    for package in lock["package"]:
        if "registry" not in package.get("source", {}):
            continue
        name, version = package["name"], package["version"]
        known = versions.get(name)
        if known is None or Version(version) > Version(known):
            versions[name] = version
    return versions


def spellings(name):
    """The spellings buildout may ask a pin under.

    uv.lock keeps normalised names (``zc-recipe-egg``) while buildout looks a
    pin up under the project's own spelling (``zc.recipe.egg``), folding only
    case. The original spelling is not in the lock, so every separator
    variant is pinned.
    """
    if "-" not in name:
        return [name]
    return [name, name.replace("-", "."), name.replace("-", "_")]


def render(versions):
    lines = [
        f"{spelling} = {versions[name]}"
        for name in sorted(versions)
        for spelling in spellings(name)
    ]
    return HEADER + "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(
        render(locked_versions(sys.argv[1] if len(sys.argv) > 1 else "uv.lock"))
    )
