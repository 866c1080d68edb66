"""Who is told: the people behind an item, a group, a network.

Every function returns ``Recipient``s (see ``mail.py``) in the language each
should read: the member's ``language`` property, else the language of the
item, else the site's default language. Members without an e-mail address
are left out (and logged).
"""

from Acquisition import aq_chain
from collective.migrationnetwork import logger
from collective.migrationnetwork.content.organisation import IOrganisation
from collective.migrationnetwork.notifications.mail import Recipient
from collective.migrationnetwork.notifications.mail import content_language
from collective.migrationnetwork.notifications.mail import mail_language
from collective.migrationnetwork.review.duties import last_modifier
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import editors_group_id
from plone import api
from plone.app.uuid.utils import uuidToObject
from Products.PlonePAS.interfaces.group import IGroupData


def organisation_of(obj):
    """The Organisation ``obj`` belongs to (``obj`` itself if it is one)."""
    for item in aq_chain(obj):
        if IOrganisation.providedBy(item):
            return item
    return None


def member_recipient(member, obj=None):
    """The Recipient of a member (MemberData), or None without an e-mail."""
    email = (member.getProperty("email", "") or "").strip()
    userid = member.getId()
    if not email:
        logger.info("Not notifying %s: no e-mail address", userid)
        return None
    return Recipient(
        email=email,
        name=member.getProperty("fullname", "") or "",
        language=mail_language(
            member.getProperty("language", ""), content_language(obj)
        ),
        userid=userid,
    )


def users(userids, obj=None):
    found = []
    for userid in userids:
        member = api.user.get(userid=userid) if userid else None
        if member is None:
            logger.info("Not notifying %s: no such user", userid)
            continue
        recipient = member_recipient(member, obj)
        if recipient is not None:
            found.append(recipient)
    return found


def group_members(group_ids, obj=None):
    """The users of the groups (and of the groups inside them)."""
    found = []
    seen = set()
    pending = list(group_ids)
    while pending:
        gid = pending.pop(0)
        if gid in seen:
            continue
        seen.add(gid)
        group = api.group.get(groupname=gid)
        if group is None:
            continue
        for member in group.getGroupMembers():
            if IGroupData.providedBy(member):
                pending.append(member.getId())
                continue
            recipient = member_recipient(member, obj)
            if recipient is not None:
                found.append(recipient)
    return found


def secretariat(obj=None):
    return group_members([SECRETARIAT_GROUP], obj)


def author_ids(obj):
    """The user ids of the people who wrote ``obj``: its creators, the users
    holding the Owner role on it (not groups), and whoever saved it last
    (recorded by ``review/duties.py``), in that order, each once."""
    found = list(obj.listCreators())
    for principal, roles in obj.get_local_roles():
        if "Owner" in roles and api.user.get(userid=principal) is not None:
            found.append(principal)
    try:
        modifier = last_modifier(obj)
    except TypeError:  # not annotatable
        modifier = None
    if modifier:
        found.append(modifier)
    return list(dict.fromkeys(userid for userid in found if userid))


def authors(obj):
    """The people who wrote ``obj`` (``author_ids``). Not the whole team:
    an organisation's editors who never touched the item are left out."""
    return users(author_ids(obj), obj)


def team(obj):
    """The authors of ``obj`` and the editors of its organisation."""
    found = authors(obj)
    organisation = organisation_of(obj)
    if organisation is not None:
        found += group_members([editors_group_id(organisation)], obj)
    return found


def _networks(organisation):
    for relation in getattr(organisation, "networks", None) or ():
        if relation is not None and not relation.isBroken():
            yield relation.to_object


def coordinator_groups(organisation):
    """The coordinators groups of the organisation's networks (and, as the
    roles package counts them, of the networks above)."""
    try:
        from collective.migrationnetwork.roles.groups import coordinator_group_ids
    except ImportError:
        return [coordinators_group_id(network) for network in _networks(organisation)]
    return list(coordinator_group_ids(organisation))


def coordinators(organisation, obj=None):
    """The coordinators of the organisation's networks."""
    if organisation is None:
        return []
    return group_members(coordinator_groups(organisation), obj or organisation)


def network_coordinators(network_uid, obj=None):
    """The coordinators of the network with ``network_uid``."""
    network = uuidToObject(network_uid, unrestricted=True) if network_uid else None
    if network is None:
        return []
    return group_members([coordinators_group_id(network)], obj)
