"""The add-on's groups: one editors group per Organisation, one coordinators
group per Network, and the two site-wide groups.

Organisations and networks are identified across their translations by
their translation group (plone.app.multilingual), so that the Greek and the
English Organisation share one editors group. The groups hold no roles
themselves (except the secretariat's Reviewer and the newsletter editors'
local roles on the ``newsletters`` sections): the local-role adapter of
``localroles.py`` gives the roles on each Organisation.

Every Organisation and Network remembers (in an annotation) the translation
key its group was made for, so that when plone.app.multilingual moves it
into another translation group its members follow it into the new group.
"""

from Acquisition import aq_base
from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.roles.cache import forget_cached_roles
from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslationManager
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate


SECRETARIAT_GROUP = "network-secretariat"
NEWSLETTER_EDITORS_GROUP = "newsletter-editors"
EDITORS_PREFIX = "organisation-editors-"
COORDINATORS_PREFIX = "network-coordinators-"

# What each group may do.
SECRETARIAT_ROLES = ("Reviewer",)  # site-wide
NEWSLETTER_EDITOR_ROLES = ("Contributor", "Editor", "Reader")  # on newsletters/
EDITOR_ROLES = ("Contributor", "Editor", "Reader")  # on their Organisation
COORDINATOR_ROLE = "Coordinator"  # on the Organisations of their networks

NEWSLETTERS_SECTION = "newsletters"
GROUP_KEY = "collective.migrationnetwork.roles.group_key"

SITE_GROUPS = (
    (
        SECRETARIAT_GROUP,
        _("group_title_secretariat", default="Network secretariat"),
        SECRETARIAT_ROLES,
    ),
    (
        NEWSLETTER_EDITORS_GROUP,
        _("group_title_newsletter_editors", default="Newsletter editors"),
        (),
    ),
)


def translation_key(obj):
    """The id shared by ``obj`` and its translations."""
    return ITG(obj, None) or IUUID(obj)


def editors_group_id(organisation):
    return f"{EDITORS_PREFIX}{translation_key(organisation)}"


def coordinators_group_id(network):
    return f"{COORDINATORS_PREFIX}{translation_key(network)}"


# By portal type, not by the schema interfaces: this module is imported by
# test helpers before Zope is configured, and importing the content schemas
# that early would leave their language-independent fields unmarked.
def is_organisation(obj):
    return getattr(obj, "portal_type", None) == "Organisation"


def is_network(obj):
    return getattr(obj, "portal_type", None) == "Network"


def _prefix(obj):
    if is_organisation(obj):
        return EDITORS_PREFIX
    if is_network(obj):
        return COORDINATORS_PREFIX
    raise TypeError(f"{obj!r} is neither an Organisation nor a Network")


def group_id(obj):
    """The editors group of an Organisation, the coordinators group of a
    Network."""
    return _prefix(obj) + translation_key(obj)


# Networks


def _target(relation):
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def networks_above(organisation):
    """The organisation's networks and every network above them (through
    ``parent_network``), each once, even if the parents make a cycle."""
    seen = set()
    found = []
    pending = [_target(r) for r in getattr(organisation, "networks", None) or ()]
    while pending:
        network = pending.pop(0)
        if network is None or not is_network(network):
            continue
        marker = IUUID(network, None) or id(aq_base(network))
        if marker in seen:
            continue
        seen.add(marker)
        found.append(network)
        pending.append(_target(getattr(network, "parent_network", None)))
    return found


def coordinator_group_ids(organisation):
    """Ids of the coordinators groups that hold Coordinator on
    ``organisation``: those of its networks and of the networks above."""
    ids = []
    for network in networks_above(organisation):
        gid = coordinators_group_id(network)
        if gid not in ids:
            ids.append(gid)
    return ids


# Keeping the group of an Organisation or Network in step


def _groups_tool():
    return api.portal.get_tool("portal_groups")


def _title_source(obj):
    """The translation in the site's default language, else ``obj``."""
    language = api.portal.get_default_language()
    if obj.Language() != language:
        try:
            translation = ITranslationManager(obj).get_translation(language)
        except TypeError:  # not translatable
            translation = None
        if translation is not None:
            return translation
    return obj


def group_title(obj):
    title = _title_source(obj).Title()
    if is_organisation(obj):
        message = _(
            "group_title_editors", default="Editors: ${title}", mapping={"title": title}
        )
    else:
        message = _(
            "group_title_coordinators",
            default="Coordinators: ${title}",
            mapping={"title": title},
        )
    return translate(message, target_language=api.portal.get_default_language())


def _members(gid):
    group = _groups_tool().getGroupById(gid)
    return [] if group is None else list(_groups_tool().getGroupMembers(gid))


def _key_in_use(key, but):
    """Does an Organisation or Network other than ``but`` use ``key``?"""
    catalog = api.portal.get_tool("portal_catalog")
    own = IUUID(but, None)
    for query in ({"TranslationGroup": key}, {"UID": key}):
        for brain in catalog.unrestrictedSearchResults(
            portal_type=["Organisation", "Network"], **query
        ):
            if own != brain.UID:
                return True
    return False


def ensure_groups(obj):
    """Create or update the group of an Organisation (editors) or a Network
    (coordinators) and return its id. Idempotent: writes nothing when the
    group is as it should be.

    If ``obj`` moved to another translation group since its group was made,
    the members of the old group join the new one; the old group is deleted
    when no other translation uses it any more.
    """
    prefix = _prefix(obj)
    key = translation_key(obj)
    gid = prefix + key
    tool = _groups_tool()
    title = group_title(obj)
    group = tool.getGroupById(gid)
    if group is None:
        api.group.create(groupname=gid, title=title)
        logger.info("Created group %s (%s)", gid, title)
    elif group.getProperty("title") != title:
        group.setGroupProperties({"title": title})
    annotations = IAnnotations(obj)
    stored = annotations.get(GROUP_KEY)
    if stored is not None and stored != key:
        old_gid = prefix + stored
        current = set(_members(gid))
        for member in _members(old_gid):
            if member not in current:
                tool.addPrincipalToGroup(member, gid)
        if tool.getGroupById(old_gid) is not None and not _key_in_use(stored, obj):
            tool.removeGroup(old_gid)
            logger.info("Merged group %s into %s", old_gid, gid)
        forget_cached_roles()
    if stored != key:
        annotations[GROUP_KEY] = key
    return gid


def forget_copied_key(obj):
    """A copy starts a translation group of its own, with its own group."""
    annotations = IAnnotations(obj, None)
    if annotations is not None and GROUP_KEY in annotations:
        del annotations[GROUP_KEY]


def remove_groups(obj):
    """``obj`` is being removed: delete its group unless a translation of it
    still uses it."""
    key = translation_key(obj)
    gid = _prefix(obj) + key
    if _groups_tool().getGroupById(gid) is not None and not _key_in_use(key, obj):
        _groups_tool().removeGroup(gid)
        logger.info("Removed group %s", gid)


# Members


def _add(gid, userid):
    if api.user.get(userid=userid) is None:
        raise ValueError(f"No user {userid!r}")
    if userid not in _members(gid):
        _groups_tool().addPrincipalToGroup(userid, gid)
        forget_cached_roles()


def _remove(gid, userid):
    if userid in _members(gid):
        _groups_tool().removePrincipalFromGroup(userid, gid)
        forget_cached_roles()
        return True
    return False


def _users(gid):
    users = []
    for member in _members(gid):
        if api.user.get(userid=member) is not None:
            users.append(member)
    return sorted(users)


def add_editor(organisation, userid):
    """Make ``userid`` an editor of ``organisation`` (and its
    translations)."""
    _add(ensure_groups(organisation), userid)


def remove_editor(organisation, userid):
    """Take ``userid`` out of the team of ``organisation`` and every local
    role they hold on it, its translations and their content (the Owner of
    the items they wrote too), so that leaving the team leaves no right
    behind. Returns False when ``userid`` was not an editor."""
    if not _remove(editors_group_id(organisation), userid):
        return False
    drop_local_roles(organisation, userid)
    return True


def _translations(obj):
    try:
        found = list(ITranslationManager(obj).get_translations().values())
    except TypeError:  # not translatable
        found = []
    return found or [obj]


def drop_local_roles(organisation, userid):
    """Remove every local role of ``userid`` on ``organisation``, its
    translations and everything in them; returns the paths changed."""
    catalog = api.portal.get_tool("portal_catalog")
    changed = []
    for translation in _translations(organisation):
        path = "/".join(translation.getPhysicalPath())
        for brain in catalog.unrestrictedSearchResults(path=path):
            obj = brain._unrestrictedGetObject()
            if obj.get_local_roles_for_userid(userid):
                obj.manage_delLocalRoles([userid])
                obj.reindexObjectSecurity()
                changed.append(brain.getPath())
    if changed:
        forget_cached_roles()
        logger.info("Local roles of %s removed on %s", userid, ", ".join(changed))
    return changed


def editors(organisation):
    """User ids of the organisation's editors, sorted."""
    return _users(editors_group_id(organisation))


def add_coordinator(network, userid):
    _add(ensure_groups(network), userid)


def remove_coordinator(network, userid):
    return _remove(coordinators_group_id(network), userid)


def coordinators(network):
    return _users(coordinators_group_id(network))


# The whole site


def newsletter_sections(portal):
    from collective.migrationnetwork.sections import language_roots

    for _code, root in language_roots(portal):
        section = root.get(NEWSLETTERS_SECTION)
        if section is not None:
            yield section


def ensure_site_groups(portal):
    language = api.portal.get_default_language()
    tool = _groups_tool()
    for gid, title, roles in SITE_GROUPS:
        title = translate(title, target_language=language)
        group = tool.getGroupById(gid)
        if group is None:
            api.group.create(groupname=gid, title=title, roles=list(roles))
            continue
        missing = set(roles) - set(group.getRoles())
        if missing:
            api.group.grant_roles(groupname=gid, roles=sorted(missing))
    for section in newsletter_sections(portal):
        current = set(section.get_local_roles_for_userid(NEWSLETTER_EDITORS_GROUP))
        if not set(NEWSLETTER_EDITOR_ROLES) <= current:
            api.group.grant_roles(
                groupname=NEWSLETTER_EDITORS_GROUP,
                obj=section,
                roles=list(NEWSLETTER_EDITOR_ROLES),
            )


def sync_groups(portal):
    """Bring every group in step with the site; idempotent.

    The secretariat group holds Reviewer site-wide; the newsletter editors
    group holds Contributor, Editor and Reader on every ``newsletters``
    section; every Organisation and Network has its group, with a readable
    title; groups of Organisations or Networks that no longer exist are
    deleted.
    """
    ensure_site_groups(portal)
    catalog = api.portal.get_tool("portal_catalog")
    wanted = set()
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Organisation", "Network"]
    ):
        wanted.add(ensure_groups(brain._unrestrictedGetObject()))
    tool = _groups_tool()
    for gid in tool.getGroupIds():
        if gid.startswith((EDITORS_PREFIX, COORDINATORS_PREFIX)) and gid not in wanted:
            tool.removeGroup(gid)
            logger.info("Removed group %s: its organisation or network is gone", gid)
    forget_cached_roles()
