"""Workflow helpers: the public state of each type, guards, transition rules.

The workflow definitions themselves live in profiles/default/workflows.
"""

from plone import api


# The state in which each type is public.
PUBLIC_STATES = {
    "Practice": "published",
    "Training": "published",
    "Organisation": "active",
    "Newsletter": "sent",
    "Network": "published",
}

# Transitions that refuse to run without a comment: the comment is what the
# team (or the applicant) is told.
COMMENT_REQUIRED = frozenset({"request_changes", "decline"})


def make_public(obj, comment=""):
    """Bring ``obj`` to the public state of its type through its workflow
    (as whoever runs it may)."""
    target = PUBLIC_STATES.get(obj.portal_type, "published")
    if api.content.get_state(obj, default=None) != target:
        api.content.transition(obj, to_state=target, comment=comment)
    return obj
