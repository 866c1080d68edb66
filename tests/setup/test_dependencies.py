"""The add-on declares its dependencies as an add-on: ranges that admit
Plone 6.1 and 6.2, no server at runtime (the ``server`` group, which
``make install`` installs), every third-party package it imports."""

from pathlib import Path

import re
import tomllib


ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SERVER = ("Plone", "Paste", "PasteDeploy", "waitress")


def names(requirements):
    return {re.split(r"[<>=!~\[; ]", req, maxsplit=1)[0] for req in requirements}


def test_plone_is_a_range_from_6_1():
    runtime = PROJECT["project"]["dependencies"]
    assert "Products.CMFPlone>=6.1" in runtime
    assert not [req for req in runtime if "==" in req]


def test_no_server_packages_at_runtime():
    assert not names(PROJECT["project"]["dependencies"]) & set(SERVER)


def test_make_install_still_installs_the_server():
    assert names(PROJECT["dependency-groups"]["server"]) == set(SERVER)
    assert "server" in PROJECT["tool"]["uv"]["default-groups"]


def test_imported_packages_are_declared():
    runtime = names(PROJECT["project"]["dependencies"])
    # Imported by the add-on's modules (not only by its tests).
    for name in ("icalendar", "pytz", "snowballstemmer", "itsdangerous", "PyYAML"):
        assert name in runtime, name
