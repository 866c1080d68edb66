"""Receive an application: check it, limit the rate, create the
Organisation in ``applied`` with the applicant's details, tell the
coordinators (``ApplicationReceived``).

The Classic UI form and the REST service both call ``submit_application``.
"""

from AccessControl.users import UnrestrictedUser
from collective.migrationnetwork import logger
from collective.migrationnetwork.membership import ratelimit
from collective.migrationnetwork.membership.application import set_application
from collective.migrationnetwork.membership.events import ApplicationReceived
from collective.migrationnetwork.membership.schema import CONSENT_TEXT
from collective.migrationnetwork.membership.validation import validate_application
from collective.migrationnetwork.membership.vocabulary import language_of
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.event import notify
from zope.i18n import translate
from zope.intid.interfaces import IIntIds

import datetime


# Who creates the Organisation of an application: not a user of the site
# (the applicant is anonymous), and left with no local role on it.
SYSTEM_USER_ID = "collective.migrationnetwork.membership"

ORGANISATION_FIELDS = (
    "title",
    "description",
    "kind",
    "country",
    "city",
    "website",
    "email",
    "phone",
)


class Submitted:
    """What became of an application: ``organisation`` is None when the
    honeypot was filled (nothing was created), ``url`` is where the
    Organisation is (or would be)."""

    def __init__(self, url, organisation=None):
        self.url = url
        self.organisation = organisation


def organisations_folder(root):
    return root["organisations"]


def submit_application(context, data, client_ip=None, honeypot=None, request=None):
    """Check ``data`` and create the Organisation it asks for.

    ``context`` is the language root the applicant applies in. Raises
    ``ApplicationInvalid`` (bad input) or ``RateLimited`` (too many
    applications from this e-mail or client address) without creating
    anything. A filled ``honeypot`` is answered as a success that creates
    nothing, so that a bot learns nothing.
    """
    root = api.portal.get_navigation_root(context)
    clean = validate_application(root, data)
    ratelimit.hit(
        [("email", clean["applicant_email"].lower()), ("ip", client_ip)],
    )
    folder = organisations_folder(root)
    if honeypot:
        logger.info("Join the network: honeypot filled, nothing created")
        name = INameChooser(folder).chooseName(clean["title"], folder)
        return Submitted(f"{folder.absolute_url()}/{name}")
    language = language_of(root)
    applicant = {
        "name": clean["applicant_name"],
        "email": clean["applicant_email"],
        "phone": clean.get("applicant_phone"),
        "position": clean.get("applicant_position"),
        "message": clean.get("message"),
        "language": language,
        "network_uid": clean["network"],
        "consent": True,
        "consent_text": translate(
            CONSENT_TEXT, target_language=language, context=request
        ),
        "consented_on": datetime.datetime.now(datetime.timezone.utc).isoformat(),
    }
    organisation = create_organisation(folder, clean, language)
    set_application(organisation, applicant)
    notify(ApplicationReceived(organisation, dict(applicant)))
    return Submitted(organisation.absolute_url(), organisation)


def create_organisation(folder, clean, language):
    """Create the Organisation in one go, as the system: the anonymous
    applicant may not add content, and should not have to."""
    network = api.content.get(UID=clean["network"])
    fields = {
        name: clean[name] for name in ORGANISATION_FIELDS if clean.get(name) is not None
    }
    system = UnrestrictedUser(SYSTEM_USER_ID, "", ["Manager"], []).__of__(
        api.portal.get().acl_users
    )
    with api.env.adopt_user(user=system):
        organisation = api.content.create(
            container=folder,
            type="Organisation",
            # Named after the title, as plone.namefromtitle would.
            id=INameChooser(folder).chooseName(clean["title"], folder),
            language=language,
            networks=[RelationValue(getUtility(IIntIds).getId(network))],
            network_role="member",
            **fields,
        )
        # Plone made the system its Owner; nobody should be: the
        # organisation's editors group gets the team's roles on approval.
        organisation.manage_delLocalRoles([SYSTEM_USER_ID])
        organisation.reindexObjectSecurity()
    return organisation
