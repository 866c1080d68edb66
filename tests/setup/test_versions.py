"""buildout and uv install the same releases."""

from pathlib import Path

import configparser
import importlib.util
import re


ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "lock_to_versions", ROOT / "scripts" / "lock_to_versions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _versions_cfg():
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(ROOT / "versions.cfg")
    return {_normalise(k): v for k, v in parser["versions"].items()}


def test_versions_cfg_equals_uv_lock():
    locked = _load_script().locked_versions(ROOT / "uv.lock")
    assert _versions_cfg() == locked


def test_buildout_pins_the_core_releases():
    pins = _versions_cfg()
    assert pins["products-cmfplone"] == "6.2.2"
    assert pins["plone"] == "6.2.2"
    assert "plone-recipe-zope2instance" in pins
    assert "zc-buildout" in pins


def test_buildout_bootstrap_requirements_match_the_lock():
    pins = _versions_cfg()
    lines = (ROOT / "requirements-buildout.txt").read_text().splitlines()
    for line in lines:
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, version = line.split("==")
        assert pins[_normalise(name)] == version, name


def test_buildout_extends_versions():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "buildout.cfg")
    assert parser["buildout"]["extends"].strip() == "versions.cfg"
    assert parser["buildout"]["allow-picked-versions"].strip() == "false"
