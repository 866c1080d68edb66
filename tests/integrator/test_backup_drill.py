"""The backup drill of ``make backup`` and ``make restore``
(scripts/backup.sh): back up a FileStorage with blobs, change and delete
data, back up again (incremental), delete more, restore: the storage and
its blobs are as at the last backup; an earlier backup is restored by
date; the data found before the restore is kept aside."""

from pathlib import Path
from persistent.mapping import PersistentMapping
from ZODB.blob import Blob

import os
import pytest
import subprocess
import sys
import time
import transaction
import ZODB
import ZODB.FileStorage


REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "backup.sh"


def open_db(var):
    (var / "filestorage").mkdir(parents=True, exist_ok=True)
    storage = ZODB.FileStorage.FileStorage(
        str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage")
    )
    return ZODB.DB(storage)


def write(var, **items):
    """Set (or with None, delete) items of the root, each a blob."""
    db = open_db(var)
    try:
        with db.transaction() as conn:
            root = conn.root()
            root.setdefault("items", PersistentMapping())
            for key, text in items.items():
                if text is None:
                    del root["items"][key]
                    continue
                blob = Blob()
                with blob.open("w") as handle:
                    handle.write(text.encode())
                root["items"][key] = blob
    finally:
        db.close()


def read(var):
    db = open_db(var)
    try:
        conn = db.open()
        items = conn.root().get("items", {})
        found = {}
        for key, blob in items.items():
            with blob.open("r") as handle:
                found[key] = handle.read().decode()
        conn.close()
        transaction.abort()
        return found
    finally:
        db.close()


def run(var, command, **env):
    answer = subprocess.run(
        ["bash", str(SCRIPT), command],
        env={
            # make exports its BACKUP_* and RESTORE_DATE defaults to every
            # recipe, make test's included: the drill sets its own.
            **{
                name: value
                for name, value in os.environ.items()
                if not name.startswith("BACKUP_") and name != "RESTORE_DATE"
            },
            "VAR": str(var),
            "BACKUP_DIR": str(var / "backups"),
            "REPOZO": str(Path(sys.executable).parent / "repozo"),
            **env,
        },
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert answer.returncode == 0, answer.stderr
    return answer.stdout


def backup(var, **env):
    out = run(var, "backup", **env)
    # repozo names its files by the second: the next one is another file.
    time.sleep(1.1)
    return out


@pytest.fixture
def var(tmp_path):
    return tmp_path / "var"


def test_restore_gives_the_data_of_the_last_backup(var):
    write(var, a="first a", b="first b")
    backup(var)
    write(var, a="second a", c="new c")
    backup(var)
    write(var, a=None, b="changed after", d="never backed up")
    assert read(var) == {"b": "changed after", "c": "new c", "d": "never backed up"}
    run(var, "restore")
    assert read(var) == {"a": "second a", "b": "first b", "c": "new c"}
    (aside,) = var.glob("before-restore-*")
    assert (aside / "Data.fs").exists()
    assert (aside / "blobstorage").is_dir()


def test_second_backup_is_incremental(var):
    write(var, a="a" * 10000)
    backup(var)
    write(var, b="b")
    backup(var)
    names = sorted(os.listdir(var / "backups" / "filestorage"))
    assert [name.rsplit(".", 1)[1] for name in names if "." in name].count("fs") == 1
    assert any(name.endswith(".deltafs") for name in names)


def test_restore_by_date(var):
    write(var, a="first")
    backup(var)
    first = sorted((var / "backups" / "blobstorage").iterdir())[0].name
    time.sleep(1)
    write(var, a="second")
    backup(var)
    run(var, "restore", RESTORE_DATE=first)
    assert read(var) == {"a": "first"}


def test_retention_keeps_the_newest_full_backups(var):
    for round_ in range(3):
        write(var, a=f"round {round_}")
        backup(var, BACKUP_KEEP="2")
        # A pack makes repozo's next backup a full one.
        db = open_db(var)
        db.pack()
        db.close()
    names = os.listdir(var / "backups" / "filestorage")
    assert len([name for name in names if name.endswith(".fs")]) == 2
    assert len(os.listdir(var / "backups" / "blobstorage")) == 2
    run(var, "restore")
    assert read(var) == {"a": "round 2"}
