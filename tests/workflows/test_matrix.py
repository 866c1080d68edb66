"""Every cell of the permission matrix (tests/workflows/matrix.py) as a
test: for each type, state, principal and permission or transition, whether
the principal may, on an object in that state, as the workflow definitions,
the rolemap and the add-on's local-role adapters make it."""

from AccessControl import getSecurityManager
from AccessControl.SpecialUsers import nobody
from collective.migrationnetwork.dashboard.scope import network_brains
from pathlib import Path
from plone import api
from workflows.matrix import DASHBOARD
from workflows.matrix import EVERY
from workflows.matrix import MATRIX
from workflows.matrix import NETWORKS
from workflows.matrix import PERMISSIONS
from workflows.matrix import REGISTRATION_PERMISSIONS
from workflows.matrix import REGISTRATIONS
from workflows.matrix import SITE_PERMISSIONS
from workflows.matrix import cells

import importlib.util
import pytest


ROOT = Path(__file__).parents[2]


def cell_id(cell):
    portal_type, state, principal, kind, name, expected = cell
    verdict = "yes" if expected else "no"
    if kind == "transition":
        name = f"do:{name}"
    return f"{portal_type}-{state}-{principal}-{name}-{verdict}"


def adopted(site, principal):
    userid = site["users"][principal]
    if userid is None:
        return api.env.adopt_user(user=nobody)
    return api.env.adopt_user(username=userid)


def actual(portal, site, cell):
    portal_type, state, principal, kind, name, _expected = cell
    obj = portal.unrestrictedTraverse(site["objects"][portal_type, state])
    with adopted(site, principal):
        if kind == "permission":
            return bool(getSecurityManager().checkPermission(PERMISSIONS[name], obj))
        workflow = api.portal.get_tool("portal_workflow")
        return name in {t["id"] for t in workflow.getTransitionsFor(obj)}


CELLS = list(cells())


class TestMatrix:
    """In a class, so that the layer (class-scoped fixture) is set up once
    for all the cells, not once per test."""

    @pytest.mark.parametrize("cell", CELLS, ids=[cell_id(c) for c in CELLS])
    def test_cell(self, matrix, cell):
        site = matrix["matrix"]
        portal_type, state, principal, kind, name, expected = cell
        verb = {True: "may", False: "may not"}
        assert actual(matrix["portal"], site, cell) == expected, (
            f"{principal} {verb[not expected]} {kind} {name!r} on a "
            f"{portal_type} in {state!r}; the matrix says they {verb[expected]}"
        )


SITE_CELLS = [
    (principal, name, name in DASHBOARD[principal][0].split())
    for principal in DASHBOARD
    for name in SITE_PERMISSIONS
]


class TestDashboard:
    """Who may see the network dashboard, and which networks' figures."""

    @pytest.mark.parametrize(
        ("principal", "name", "expected"),
        SITE_CELLS,
        ids=[f"{p}-{n}-{'yes' if e else 'no'}" for p, n, e in SITE_CELLS],
    )
    def test_site_permission(self, matrix, principal, name, expected):
        portal = matrix["portal"]
        with adopted(matrix["matrix"], principal):
            held = getSecurityManager().checkPermission(SITE_PERMISSIONS[name], portal)
        assert bool(held) is expected

    @pytest.mark.parametrize("principal", DASHBOARD)
    def test_networks_seen(self, matrix, principal):
        root = matrix["portal"]["el"]
        with adopted(matrix["matrix"], principal):
            seen = sorted(brain.getId for brain in network_brains(root))
        names = DASHBOARD[principal][1]
        if names == EVERY:
            catalog = api.portal.get_tool("portal_catalog")
            path = "/".join(root.getPhysicalPath())
            every = catalog.unrestrictedSearchResults(portal_type="Network", path=path)
            expected = sorted(brain.getId for brain in every)
            assert set(NETWORKS.values()) <= set(expected)
        else:
            expected = sorted(NETWORKS[name] for name in names.split())
        assert seen == expected


REGISTRATION_CELLS = [
    (state, principal, name, name in REGISTRATIONS[principal].split())
    for state in MATRIX["Training"]["states"]
    for principal in MATRIX["Training"]["principals"]
    for name in REGISTRATION_PERMISSIONS
]


class TestRegistrations:
    """Who manages a training's registrations and sees its online link, in
    every state of the training."""

    @pytest.mark.parametrize(
        ("state", "principal", "name", "expected"),
        REGISTRATION_CELLS,
        ids=[
            f"{s}-{p}-{n}-{'yes' if e else 'no'}" for s, p, n, e in REGISTRATION_CELLS
        ],
    )
    def test_cell(self, matrix, state, principal, name, expected):
        site = matrix["matrix"]
        obj = matrix["portal"].unrestrictedTraverse(site["objects"]["Training", state])
        with adopted(site, principal):
            held = getSecurityManager().checkPermission(
                REGISTRATION_PERMISSIONS[name], obj
            )
        assert bool(held) is expected


def test_registrations_table_has_every_principal():
    assert sorted(REGISTRATIONS) == sorted(MATRIX["Training"]["principals"])


def test_dashboard_table_has_every_principal():
    assert sorted(DASHBOARD) == sorted(
        {p for spec in MATRIX.values() for p in spec["principals"]}
    )


@pytest.mark.parametrize("portal_type", MATRIX)
def test_matrix_covers_the_workflow(matrix, portal_type):
    """Every state, transition and permission the workflow manages is in
    the table, and nothing else: a change to a definition needs a change to
    the table (and so to docs/permissions.md)."""
    spec = MATRIX[portal_type]
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainForPortalType(portal_type) == (spec["workflow"],)
    workflow = workflow_tool[spec["workflow"]]
    assert sorted(spec["states"]) == sorted(workflow.states.objectIds())
    assert sorted(spec["transitions"]) == sorted(workflow.transitions.objectIds())
    columns = {PERMISSIONS[name] for name in spec["permissions"]}
    assert set(workflow.permissions) <= columns
    for state, rows in spec["states"].items():
        assert sorted(rows) == sorted(spec["principals"]), state
        for principal, (permissions, transitions) in rows.items():
            assert set(permissions.split()) <= set(spec["permissions"]), principal
            assert set(transitions.split()) <= set(
                workflow.states[state].transitions
            ), (state, principal)


def load_script():
    path = ROOT / "scripts" / "render_permissions.py"
    spec = importlib.util.spec_from_file_location("render_permissions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_are_the_rendered_matrix():
    """docs/permissions.md is what scripts/render_permissions.py makes of
    the table: run the script after changing the table."""
    script = load_script()
    committed = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert committed == script.render(), (
        "docs/permissions.md is out of date: run "
        ".venv/bin/python scripts/render_permissions.py"
    )
