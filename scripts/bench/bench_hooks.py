"""What the benchmark's instance adds to Zope, and nothing else does.

Loaded by ``bench.zcml``, which only the benchmark's generated
``site.zcml`` includes; the add-on never registers any of it.

- ``@@bench-floor``: a view answering a constant, the floor of what
  waitress, ZPublisher and Plone's traversal cost.
- Counting of ZODB loads per request: every ghost that a connection loads
  from the storage (``Connection.setstate``) is counted for the thread that
  asked, from the start of the request (``IPubStart``) to its end
  (``IPubSuccess``/``IPubBeforeAbort``), and sent back as response headers:
  ``X-Bench-Loads`` (all objects), ``X-Bench-Content-Loads`` (content
  items: the add-on's five types, Documents, News Items and the
  organisation Folders of the vanilla site).
- A request with the header ``X-Bench-Cold: 1`` first empties the caches
  of every connection (``DB.cacheMinimize``), so that its counts say what
  the request needs, not what happens to be cached; its answer also
  carries ``X-Bench-Load-Classes``, the most loaded classes, and
  ``X-Bench-Content-Examples``, the first content objects it loaded.
- Conflicts: every answer carries ``X-Bench-Retries``, how many times the
  publisher retried the request after a ZODB ``ConflictError`` (Zope
  retries a transient error ``max-conflict-retries`` times, 3 by default,
  after a random delay); ``@@bench-conflicts`` answers the counts of the
  process since it started (JSON: ``retried``, ``given_up``, the conflicts
  that were not retried because the retries were spent).
"""

from Products.Five import BrowserView
from ZODB.Connection import Connection
from ZODB.POSException import ConflictError

import collections
import json
import threading


CONTENT_TYPES = frozenset(
    {
        "Network",
        "Organisation",
        "Practice",
        "Training",
        "Newsletter",
        "Document",
        "News Item",
    }
)

_state = threading.local()
_conflicts_lock = threading.Lock()
CONFLICTS = {"retried": 0, "given_up": 0}


def _counters():
    counters = getattr(_state, "counters", None)
    if counters is None:
        counters = _state.counters = {
            "loads": 0,
            "content": 0,
            "classes": collections.Counter(),
            "content_paths": [],
        }
    return counters


def is_content(obj):
    portal_type = getattr(obj, "portal_type", None)
    if not isinstance(portal_type, str):
        return False
    if portal_type in CONTENT_TYPES:
        return True
    return portal_type == "Folder" and str(getattr(obj, "id", "")).startswith("org-")


_original_setstate = Connection.setstate


def counting_setstate(self, obj):
    _original_setstate(self, obj)
    counters = _counters()
    counters["loads"] += 1
    cls = type(obj)
    counters["classes"][cls.__name__] += 1
    if is_content(obj):
        counters["content"] += 1
        if len(counters["content_paths"]) < 5:
            counters["content_paths"].append(
                f"{obj.portal_type}:{getattr(obj, 'id', '?')}"
            )


def install():
    Connection.setstate = counting_setstate


install()


def reset():
    counters = _counters()
    counters["loads"] = counters["content"] = 0
    counters["classes"] = collections.Counter()
    counters["content_paths"] = []


def request_started(event):
    request = event.request
    if request.getHeader("X-Bench-Cold"):
        import Zope2

        Zope2.DB.cacheMinimize()
    reset()


def request_ended(event):
    request = event.request
    counters = _counters()
    response = request.response
    response.setHeader("X-Bench-Loads", str(counters["loads"]))
    response.setHeader("X-Bench-Content-Loads", str(counters["content"]))
    response.setHeader("X-Bench-Retries", str(getattr(request, "retry_count", 0)))
    if request.getHeader("X-Bench-Cold"):
        top = counters["classes"].most_common(12)
        response.setHeader(
            "X-Bench-Load-Classes", ",".join(f"{name}:{n}" for name, n in top)
        )
        response.setHeader(
            "X-Bench-Content-Examples", ",".join(counters["content_paths"])
        )


def conflict_counted(event):
    """IPubBeforeAbort: count the ConflictErrors, retried or not."""
    error = event.exc_info[1] if event.exc_info else None
    if isinstance(error, ConflictError):
        with _conflicts_lock:
            CONFLICTS["retried" if event.retry else "given_up"] += 1


class Conflicts(BrowserView):
    """The conflict counts of this process (``CONFLICTS``)."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        with _conflicts_lock:
            return json.dumps(CONFLICTS)


class Floor(BrowserView):
    """A constant: what answering costs before any work is done."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "text/plain")
        return "ok"
