"""The applicant's details, kept on the Organisation they applied for.

Personal data: stored in an annotation (never a field, so never in the
catalogue, in the REST serialization of the Organisation or in its
SearchableText), shown only to holders of "collective.migrationnetwork:
Manage registrations" (the viewlet and ``@application``).
"""

from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.migrationnetwork.membership.application"

# What is kept about the applicant, in this order.
APPLICANT_KEYS = (
    "name",
    "email",
    "phone",
    "position",
    "message",
    "language",
    "network_uid",
    "consent",
    "consent_text",
    "consented_on",
    "userid",
    "approved_on",
    "invited",
    "accepted_on",
)


def get_application(organisation):
    """The applicant's details as a dict, or None (an Organisation created
    by the secretariat has none)."""
    data = IAnnotations(organisation).get(ANNOTATION_KEY)
    if data is None:
        return None
    return {key: data.get(key) for key in APPLICANT_KEYS if key in data}


def set_application(organisation, applicant):
    IAnnotations(organisation)[ANNOTATION_KEY] = PersistentMapping(
        {key: applicant[key] for key in APPLICANT_KEYS if key in applicant}
    )


def update_application(organisation, **values):
    data = IAnnotations(organisation).get(ANNOTATION_KEY)
    if data is not None:
        data.update(values)
