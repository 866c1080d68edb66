"""The crash drill, bounded: a deliverer process killed with SIGKILL while
it sends, three times, then restarted; every recipient got the mail, at
most one duplicate per kill, and the outbox says what the sink received
(``crash_drill.py``, in processes of its own)."""

import os
import re
import subprocess
import sys


HERE = os.path.dirname(os.path.abspath(__file__))


def test_kill_9_while_sending_loses_nobody(tmp_path):
    done = subprocess.run(  # noqa: S603
        [sys.executable, os.path.join(HERE, "crash_drill.py"), "150", "3"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    kills = int(re.search(r"kills (\d+)", done.stdout).group(1))
    assert kills >= 1, done.stdout
    assert "received" in done.stdout
    duplicates = int(re.search(r"duplicates (\d+)", done.stdout).group(1))
    assert duplicates <= kills
    assert "not sent: 0" in done.stdout
