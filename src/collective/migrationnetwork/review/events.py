"""Keep the review queue's indexes in step with the workflow."""

from collective.migrationnetwork.indexers.review import review_history


REVIEW_INDEXES = ["review_state_date", "review_last_action"]


def reindex_review(obj, event):
    """After a transition: when and how the item entered its state (the
    workflow tool itself reindexes only the state and the security)."""
    if event.transition is None or not review_history(obj):
        return
    obj.reindexObject(idxs=REVIEW_INDEXES)


def reindex_working_copy(event):
    """A working copy is indexed before iterate marks it and relates it to
    its baseline: index it again, so that the queue knows it for one."""
    event.working_copy.reindexObject(idxs=["is_working_copy", *REVIEW_INDEXES])
