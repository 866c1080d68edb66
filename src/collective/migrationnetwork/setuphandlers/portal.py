"""The portal layer: the site as the networks run it.

The add-on's default profile gives any Plone site the types, workflows,
indexes, services and settings, and leaves its languages, front page,
navigation and portlets as they were. The ``portal`` profile, which the
``migrationnetwork`` distribution applies and an integrator may run later
(*Site Setup → Add-ons*, or ``portal_setup``), makes the site the portal:
Greek (default) and English, a language root for each with its sections,
the network's home page on the site root, the *Join the network* tab.
"""

from Acquisition import aq_base
from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork import logger
from plone import api
from zope.annotation.interfaces import IAnnotations


PORTAL_PROFILE = f"{PACKAGE_NAME}:portal"
ROOT_VIEW = "network-home"
# The site root's view before the portal layer set its own, given back by
# the uninstall.
PREVIOUS_ROOT_VIEW_KEY = f"{PACKAGE_NAME}.previous_root_view"


def is_portal(portal=None):
    """Whether the portal layer has been applied to the site (sites made
    before profile 1010, when it was part of the default profile, are
    known by the root's view)."""
    portal = portal or api.portal.get()
    setup_tool = portal.portal_setup
    if setup_tool.getLastVersionForProfile(PORTAL_PROFILE) != "unknown":
        return True
    return getattr(aq_base(portal), "layout", None) == ROOT_VIEW


def set_root_view(portal):
    """Give the site root the network's home page, remembering its view."""
    layout = portal.getLayout()
    if layout != ROOT_VIEW:
        IAnnotations(portal)[PREVIOUS_ROOT_VIEW_KEY] = layout
        portal.setLayout(ROOT_VIEW)


def restore_root_view(portal):
    """Give the site root back the view it had before the portal layer."""
    previous = IAnnotations(portal).pop(PREVIOUS_ROOT_VIEW_KEY, None)
    if portal.getLayout() != ROOT_VIEW:
        return
    fti = api.portal.get_tool("portal_types")["Plone Site"]
    if previous and previous in fti.view_methods and previous != ROOT_VIEW:
        portal.setLayout(previous)
    else:
        portal.setLayout(fti.default_view)


def restore_section_views(portal):
    """Sections that an uninstall left with their type's view get the
    add-on's listing again (a section a Site Administrator gave another
    view keeps it)."""
    from collective.migrationnetwork.sections import SECTIONS
    from collective.migrationnetwork.sections import language_roots

    for _code, root in language_roots(portal):
        for section_id, _title, _description, _addable, layout in SECTIONS:
            section = root.get(section_id)
            if (
                layout
                and section is not None
                and getattr(aq_base(section), "layout", None) is None
            ):
                section.setLayout(layout)


LANGUAGE_HOME_VIEW = "language-home"


def set_language_home_views(portal):
    """Give every language root the network's home page (latest practices,
    news, upcoming trainings, numbers, newsletter, map) instead of the
    folder listing. A root a Site Administrator gave another view than the
    listing keeps it."""
    from collective.migrationnetwork.sections import language_roots

    for _code, root in language_roots(portal):
        if getattr(aq_base(root), "layout", None) in (None, "", "folder_listing"):
            root.setLayout(LANGUAGE_HOME_VIEW)


def post_install(context):
    """Run after the portal profile: the language roots, their sections and
    the network's home page."""
    # Imported here: these modules import the content schemas, which must
    # be loaded after the ZCML.
    from collective.migrationnetwork.multilingual import setup_language_roots
    from collective.migrationnetwork.roles.groups import sync_groups
    from collective.migrationnetwork.sections import ensure_sections

    portal = api.portal.get()
    # Whoever applies the profile may not hold every permission that
    # creating and publishing the sections takes.
    with api.env.adopt_roles(["Manager"]):
        setup_language_roots(portal)
        ensure_sections(portal)
    restore_section_views(portal)
    # The newsletter editors' roles are given on the sections just made.
    sync_groups(portal)
    set_root_view(portal)
    set_language_home_views(portal)
    logger.info("Set up the portal layer of %s", PACKAGE_NAME)
