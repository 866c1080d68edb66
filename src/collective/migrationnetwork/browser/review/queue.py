"""``@@review-queue``: what waits for the current user's review."""

from collective.migrationnetwork import dates
from collective.migrationnetwork.review.queue import review_queue
from Products.Five import BrowserView


class ReviewQueueView(BrowserView):
    """The queue of review/queue.py as a table, with a button per
    transition (each opens the transition's comment form)."""

    def __call__(self):
        entries = review_queue(self.request)
        self.waiting = [e for e in entries if e["waits_for"] != "author"]
        self.sent_back = [e for e in entries if e["waits_for"] == "author"]
        return self.index()

    def since(self, entry):
        if not entry["since"]:
            return ""
        return dates.format_datetime(entry["since"])

    def iso(self, entry):
        return entry["since"].ISO8601() if entry["since"] else ""
