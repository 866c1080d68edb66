"""Lint an OpenAPI document with Redocly's linter, fetched by this script.

    .venv/bin/python scripts/lint_openapi.py openapi.json
    .venv/bin/python scripts/lint_openapi.py http://localhost:8080/Plone/@openapi

Prints the linter's report and exits with its status (1 when it finds an
error). The pinned ``@redocly/cli`` is installed with npm (the ordinary
client, its configured registry) into a cache directory
(``$MIGRATIONNETWORK_CACHE`` or ``~/.cache/collective.migrationnetwork``),
once; its integrity is checked against the hash below. Node.js and npm are
Debian's: when ``npm`` is missing the script installs ``nodejs`` and
``npm`` with apt-get, as root or through a password-less sudo, the way
``make browser`` installs Chromium.

The tests call ``ensure_linter()`` and ``lint()``; ``LinterUnavailable``
says why the linter could not be installed.
"""

from pathlib import Path

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request


PACKAGE = "@redocly/cli"
VERSION = "2.77.0"
INTEGRITY = (
    "sha512-XUa4hURDWLPG9WukIXo+UBqa9VpeTndmLI5PHu9QDkwtwH990Jsgz9nl2m1pZjsWrKFPP7"
    "avn6etRxxDbuD2Bg=="
)
# Node's own deprecation banner and the linter's usage telemetry are noise
# in a test's output.
QUIET = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
TIMEOUT = 300


class LinterUnavailable(RuntimeError):
    """npm or the package could not be installed."""


def cache_dir():
    root = os.environ.get("MIGRATIONNETWORK_CACHE")
    if root:
        return Path(root)
    return Path.home() / ".cache" / "collective.migrationnetwork"


def sudo_prefix():
    """``[]`` as root, ``["sudo", "-n"]`` with a password-less sudo, else None."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        check = subprocess.run(["sudo", "-n", "true"], capture_output=True)
        if check.returncode == 0:
            return ["sudo", "-n"]
    return None


def ensure_npm():
    """The path of npm, installing Debian's nodejs and npm if need be."""
    npm = shutil.which("npm")
    if npm:
        return npm
    prefix = sudo_prefix()
    if prefix is None or not shutil.which("apt-get"):
        raise LinterUnavailable(
            "npm is missing: install Debian's nodejs and npm (needs root or sudo)"
        )
    env = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive"]
    for command in (
        [*env, "apt-get", "update", "-q"],
        [*env, "apt-get", "install", "-y", "-q", "nodejs", "npm"],
    ):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise LinterUnavailable(
                f"{' '.join(command)} failed: {result.stderr[-500:]}"
            )
    npm = shutil.which("npm")
    if not npm:
        raise LinterUnavailable("apt-get installed no npm")
    return npm


def installed_integrity(prefix):
    lock = prefix / "package-lock.json"
    if not lock.exists():
        return None
    entry = json.loads(lock.read_text()).get("packages", {})
    return entry.get(f"node_modules/{PACKAGE}", {}).get("integrity")


def ensure_linter():
    """The path of the pinned linter's executable, installed once."""
    prefix = cache_dir() / f"redocly-cli-{VERSION}"
    binary = prefix / "node_modules" / ".bin" / "redocly"
    if binary.exists() and installed_integrity(prefix) == INTEGRITY:
        return binary
    npm = ensure_npm()
    prefix.mkdir(parents=True, exist_ok=True)
    # A package.json of its own, so that npm installs here and not in a
    # parent folder's project.
    (prefix / "package.json").write_text('{"private": true}\n')
    try:
        result = subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                "--save-exact",
                f"{PACKAGE}@{VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as error:
        raise LinterUnavailable(f"npm install took over {TIMEOUT} s") from error
    if result.returncode != 0 or not binary.exists():
        raise LinterUnavailable(
            f"npm install {PACKAGE}@{VERSION} failed: {result.stderr[-1000:]}"
        )
    found = installed_integrity(prefix)
    if found != INTEGRITY:
        shutil.rmtree(prefix, ignore_errors=True)
        raise LinterUnavailable(f"{PACKAGE}@{VERSION}: integrity {found} is not ours")
    return binary


def lint(document, binary=None):
    """``(status, report)`` of the linter on ``document`` (a dict)."""
    binary = binary or ensure_linter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "openapi.json"
        path.write_text(json.dumps(document))
        result = subprocess.run(
            [str(binary), "lint", "--format=codeframe", str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=folder,
            env={**os.environ, **QUIET},
        )
    return result.returncode, result.stdout + result.stderr


def rules(report, kind="Warning"):
    """The rules named in ``report``'s warnings (or errors), sorted."""
    marker = f"{kind} was generated by the "
    return sorted(
        line.split(marker, 1)[1].removesuffix(" rule.").strip()
        for line in report.splitlines()
        if marker in line
    )


def load(source):
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
            return json.load(answer)
    return json.loads(Path(source).read_text())


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        status, report = lint(load(argv[1]))
    except LinterUnavailable as error:
        print(f"lint_openapi: {error}", file=sys.stderr)
        return 2
    print(report)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
