"""``GET /@review-queue``: what waits for the current user's review."""

from collective.migrationnetwork.review.queue import review_queue
from collective.migrationnetwork.services import Service
from plone.restapi.serializer.converters import json_compatible


class ReviewQueueGet(Service):
    def reply(self):
        items = json_compatible(review_queue(self.request))
        return {
            "@id": f"{self.context.absolute_url()}/@review-queue",
            "items": items,
            "items_total": len(items),
        }
