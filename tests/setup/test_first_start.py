"""The first ``make start`` on an empty database leaves an admin who can
log in.

The site is created exactly as ``make start`` does it (``zconsole run``
of scripts/create_site.py on the instance's configuration, here in a
temporary instance folder), then served by ``runwsgi``; the admin logs in
over HTTP, through ``@login`` and through Basic auth.
"""

from pathlib import Path

import os
import pytest
import requests
import shutil
import socket
import subprocess
import sys
import time


REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "first-start-secret"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def first_start(tmp_path_factory):
    instance = tmp_path_factory.mktemp("instance")
    shutil.copytree(REPO / "instance" / "etc", instance / "etc")
    for folder in ("filestorage", "blobstorage", "cache", "log"):
        (instance / "var" / folder).mkdir(parents=True)
    env = dict(
        os.environ,
        INSTANCE_HOME=str(instance),
        ZODB_CONF=str(instance / "etc" / "zodb-filestorage.conf"),
        SITE_ID="Plone",
        ADMIN_PASSWORD=PASSWORD,
        DELETE_EXISTING="0",
        DEMO_CONTENT="0",
    )
    conf = str(instance / "etc" / "zope.conf")
    created = subprocess.run(
        [BIN / "zconsole", "run", conf, REPO / "scripts" / "create_site.py"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert created.returncode == 0, created.stderr[-3000:]
    port = free_port()
    server = subprocess.Popen(
        [
            BIN / "runwsgi",
            instance / "etc" / "zope.ini",
            "http_host=127.0.0.1",
            f"http_port={port}",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{port}/Plone"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                requests.get(f"{url}/@@ok", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_admin_logs_in_through_login_endpoint(first_start):
    answer = requests.post(
        f"{first_start}/@login",
        json={"login": "admin", "password": PASSWORD},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    token = answer.json()["token"]
    users = requests.get(
        f"{first_start}/@users",
        headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert users.status_code == 200


def test_admin_logs_in_with_basic_auth(first_start):
    answer = requests.get(
        f"{first_start}/@users",
        headers={"Accept": "application/json"},
        auth=("admin", PASSWORD),
        timeout=30,
    )
    assert answer.status_code == 200
    assert answer.json()["items_total"] == 0  # the admin is Zope's, not the site's


def test_a_wrong_password_is_refused(first_start):
    answer = requests.get(
        f"{first_start}/@users",
        headers={"Accept": "application/json"},
        auth=("admin", "admin"),
        timeout=30,
    )
    assert answer.status_code == 401


def test_admin_is_a_manager_in_the_site(first_start):
    answer = requests.get(
        f"{first_start}/@users/admin",
        headers={"Accept": "application/json"},
        auth=("admin", PASSWORD),
        timeout=30,
    )
    assert answer.status_code == 200
    assert "Manager" in answer.json()["roles"]


@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_site_is_made_by_the_portal_distribution(first_start, lang):
    """make start's site has the portal layer: language roots, sections."""
    answer = requests.get(f"{first_start}/{lang}/organisations", timeout=30)
    assert answer.status_code == 200
    assert f'lang="{lang}"' in answer.text
