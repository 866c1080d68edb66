"""Event subscribers: which event mails whom.

| event | kind | recipients |
|---|---|---|
| submit (Practice, Training) | submitted | coordinators of the organisation's networks, else the secretariat |
| endorse | endorsed | the secretariat |
| request_changes | changes_requested | the authors and the organisation's editors, with the comment |
| publish | published | the authors and the organisation's editors, with the comment |
| any other transition with a comment | review_comment | the authors |
| check-in of a working copy | checked_in | the authors and the organisation's editors |
| submit (Newsletter) | newsletter_submitted | the secretariat |
| request_changes (Newsletter) | newsletter_changes_requested | its authors, with the comment |
| any other transition with a comment (Newsletter) | newsletter_review_comment | its authors |
| ApplicationReceived | application_received | coordinators of the chosen network and the secretariat |
|  | application_acknowledged | the applicant |
| MembershipApproved | membership_approved | the applicant, with where to set a password |
| MembershipDeclined | membership_declined | the applicant, with the reason |

The authors of an item (``recipients.authors``) are the people who wrote
it: its creators, the holders of its Owner role and whoever saved it last.
Every comment of a transition reaches them, in their language; those whom
the transition's notice already tells get that notice only.

Each person is mailed once per event, and never about their own action.
A notification that fails is logged; it never stops the event's action.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.notifications import recipients
from collective.migrationnetwork.notifications.mail import Recipient
from collective.migrationnetwork.notifications.mail import compose
from collective.migrationnetwork.notifications.mail import content_language
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.notifications.mail import queue
from collective.migrationnetwork.notifications.mail import sender
from plone import api
from plone.app.uuid.utils import uuidToObject
from ZODB.POSException import ConflictError
from zope.i18nmessageid import Message

import functools


def safely(handler):
    """A notification never breaks what caused it: errors are logged."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except ConflictError:
            raise
        except Exception:
            logger.exception("Notification by %s failed", handler.__name__)
            return None

    return wrapper


def actor():
    """``(userid, e-mail, name)`` of the current user (empty if anonymous)."""
    if api.user.is_anonymous():
        return "", "", ""
    user = api.user.get_current()
    userid = user.getId() or ""
    email = (user.getProperty("email", "") or "").strip()
    name = user.getProperty("fullname", "") or userid
    return userid, email, name


def deliver(kind, people, values, comment="", url=""):
    """Compose and queue the mail of ``kind`` for each of ``people``, once
    per address, leaving out the current user. Returns the addresses."""
    userid, email, name = actor()
    done = {email.lower()} if email else set()
    chosen = []
    for person in people:
        key = person.email.lower()
        if key in done or (userid and person.userid == userid):
            continue
        done.add(key)
        chosen.append(person)
    if not chosen:
        logger.info("Notification %s: nobody to tell", kind)
        return []
    from_ = sender()
    if from_ is None:
        logger.warning(
            "Not sending the %s notification to %d people: the site has no "
            "sender address (Site Setup > Mail)",
            kind,
            len(chosen),
        )
        return []
    values = dict(values, actor=name)
    sent = []
    for person in chosen:
        message = compose(kind, person, values, comment=comment, url=url, from_=from_)
        if queue(message):
            sent.append(person.email)
    logger.info("Notification %s queued for %s", kind, ", ".join(sent))
    return sent


def type_title(obj):
    fti = api.portal.get_tool("portal_types").getTypeInfo(obj)
    if fti is None:
        return obj.portal_type
    return Message(fti.Title(), domain=fti.i18n_domain or "plone")


def item_values(obj):
    organisation = recipients.organisation_of(obj)
    return {
        "title": obj.Title(),
        "type": type_title(obj),
        "organisation": organisation.Title() if organisation is not None else "",
    }


def _not_only_actor(people):
    userid, email, _name = actor()
    return [
        p
        for p in people
        if not (userid and p.userid == userid)
        and not (email and p.email.lower() == email.lower())
    ]


def reviewers(obj):
    """The coordinators of the organisation's networks; the secretariat if
    there is none with an address (other than whoever submits)."""
    found = _not_only_actor(
        recipients.coordinators(recipients.organisation_of(obj), obj)
    )
    return found or recipients.secretariat(obj)


# (workflow, transition) -> (kind, recipients of the item)
TRANSITIONS = {
    ("network_review_workflow", "submit"): ("submitted", reviewers),
    ("network_review_workflow", "endorse"): ("endorsed", recipients.secretariat),
    ("network_review_workflow", "request_changes"): (
        "changes_requested",
        recipients.team,
    ),
    ("network_review_workflow", "publish"): ("published", recipients.team),
    ("newsletter_workflow", "submit"): (
        "newsletter_submitted",
        recipients.secretariat,
    ),
    ("newsletter_workflow", "request_changes"): (
        "newsletter_changes_requested",
        recipients.authors,
    ),
}

# The workflows whose comments reach the authors (``comment_to_authors``),
# with the kind of that mail.
AUTHOR_COMMENT_KINDS = {
    "network_review_workflow": "review_comment",
    "newsletter_workflow": "newsletter_review_comment",
}


def _told(people):
    """The addresses and user ids of ``people``, to leave out after them."""
    return {p.email.lower() for p in people} | {p.userid for p in people if p.userid}


def _title(obj, domain):
    """The translatable title of a workflow's state or transition."""
    title = (obj.title or obj.getId()) if obj is not None else ""
    return Message(title, domain=domain)


def comment_to_authors(obj, event, comment, told=()):
    """Tell the authors of ``obj`` what ``comment`` the transition of
    ``event`` carried, leaving out those in ``told`` (already mailed)."""
    kind = AUTHOR_COMMENT_KINDS.get(event.workflow.getId())
    if kind is None or not comment.strip():
        return []
    told = set(told)
    people = [
        person
        for person in recipients.authors(obj)
        if person.email.lower() not in told and person.userid not in told
    ]
    if not people:
        return []
    # Workflow titles are translated in the ``plone`` domain, as Plone's
    # own menus and history do.
    values = dict(
        item_values(obj),
        transition=_title(event.transition, "plone"),
        state=_title(event.new_state, "plone"),
    )
    return deliver(kind, people, values, comment=comment, url=obj.absolute_url())


@safely
def transition_done(obj, event):
    """IAfterTransitionEvent of any workflow: mail those TRANSITIONS name,
    then the authors the comment has not reached yet."""
    if event.transition is None or event.workflow is None:
        return
    spec = TRANSITIONS.get((event.workflow.getId(), event.transition.getId()))
    comment = (event.kwargs or {}).get("comment", "") or ""
    people = []
    if spec is not None:
        kind, who = spec
        people = who(obj)
        deliver(kind, people, item_values(obj), comment=comment, url=obj.absolute_url())
    comment_to_authors(obj, event, comment, told=_told(people))


@safely
def checked_in(obj, event):
    """plone.app.iterate's IAfterCheckinEvent: ``obj`` is the published
    item, now with the working copy's changes."""
    comment = getattr(event, "message", None) or getattr(event, "checkin_message", "")
    deliver(
        "checked_in",
        recipients.team(obj),
        item_values(obj),
        comment=comment or "",
        url=obj.absolute_url(),
    )


def _network_title(network_uid):
    network = uuidToObject(network_uid, unrestricted=True) if network_uid else None
    if network is None:
        return _("mail_the_network", default="the network")
    return network.Title()


@safely
def application_received(organisation, event):
    applicant = event.applicant or {}
    email = (applicant.get("email") or "").strip()
    values = {
        "title": organisation.Title(),
        "name": applicant.get("name") or "",
        "email": email,
        "network": _network_title(applicant.get("network_uid")),
    }
    reviewers = recipients.network_coordinators(
        applicant.get("network_uid"), organisation
    ) + recipients.secretariat(organisation)
    deliver(
        "application_received",
        reviewers,
        values,
        comment=applicant.get("message") or "",
        url=organisation.absolute_url(),
    )
    if email:
        person = Recipient(
            email=email,
            name=values["name"],
            language=mail_language(
                applicant.get("language"), content_language(organisation)
            ),
        )
        deliver("application_acknowledged", [person], values)


def _applicant(organisation, email, name, language, userid=""):
    if not email:
        logger.warning("No e-mail for the applicant of %s", organisation.absolute_url())
        return []
    return [
        Recipient(
            email=email,
            name=name or "",
            language=mail_language(language, content_language(organisation)),
            userid=userid or "",
        )
    ]


@safely
def membership_approved(organisation, event):
    member = api.user.get(userid=event.userid) if event.userid else None
    name = member.getProperty("fullname", "") if member is not None else ""
    # The set-password form asks for the login name (the e-mail address
    # when the site logs in with e-mail addresses).
    login = (member.getUserName() if member is not None else "") or event.email
    deliver(
        "membership_approved",
        _applicant(organisation, event.email, name, event.language, event.userid),
        {"title": organisation.Title(), "user": login},
        comment=event.comment or "",
        url=event.set_password_url or "",
    )


@safely
def membership_declined(organisation, event):
    deliver(
        "membership_declined",
        _applicant(organisation, event.email, event.name, event.language),
        {"title": organisation.Title()},
        comment=event.reason or "",
    )
