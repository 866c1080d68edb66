"""Keep the dashboard's review dates in step with the workflow (the
workflow tool reindexes only the state and the security)."""

from collective.migrationnetwork.indexers.review import review_history


DASHBOARD_REVIEW_INDEXES = ["review_published", "review_submitted"]


def reindex_publication(obj, event):
    if event.transition is None or not review_history(obj):
        return
    obj.reindexObject(idxs=DASHBOARD_REVIEW_INDEXES)
