"""Forget, for the current request, what borg.localrole remembered.

borg.localrole caches ``checkLocalRolesAllowed`` on the request, by user,
object and roles. When an organisation's networks, a network's parent or a
group's members change, the answers of the rest of the request must follow
at once; later requests compute them afresh anyway.
"""

from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest


BORG_CACHE_PREFIX = "borg.localrole.workspace.checkLocalRolesAllowed:"


def forget_cached_roles(request=None):
    request = request if request is not None else getRequest()
    annotations = IAnnotations(request, None)
    if annotations is None:
        return
    for key in [k for k in annotations if str(k).startswith(BORG_CACHE_PREFIX)]:
        del annotations[key]
