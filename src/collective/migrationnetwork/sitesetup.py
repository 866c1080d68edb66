"""Creation of the portal's Plone site, shared by scripts and tests."""

from Acquisition import aq_base
from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork import logger
from plone.distribution.api import site as site_api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

import os
import transaction


# The site is made by the add-on's distribution (distributions.zcml).
DISTRIBUTION = "migrationnetwork"
SITE_DEFAULTS = {
    "title": "Migration Network",
    "description": "Integration and voluntary return of third-country nationals",
    "setup_content": False,
    "default_language": "el",
    "portal_timezone": "Europe/Athens",
}


def ensure_admin(app, login, password):
    """Make sure the Zope root has a Manager ``login`` with ``password``."""
    users = app.acl_users
    if users.getUserById(login) is None:
        users._doAddUser(login, password, ["Manager"], [])
    elif hasattr(aq_base(users), "plugins"):
        # The Zope root's PAS: PlonePAS's _doChangeUser needs plugins that
        # only a Plone site's PAS has, so its own plugins are asked.
        users.users.updateUserPassword(login, password)
        users.roles.assignRoleToPrincipal("Manager", login)
    else:
        users._doChangeUser(login, password, ["Manager"], [])
    return users.getUserById(login)


def upgrade(site):
    """Run the add-on's pending upgrade steps, so that an existing site made
    by an earlier release works with this code."""
    setup_tool = site.portal_setup
    profile = f"{PACKAGE_NAME}:default"
    if setup_tool.getLastVersionForProfile(profile) == "unknown":
        return False
    if not setup_tool.listUpgrades(profile):
        return False
    setup_tool.upgradeProfile(profile)
    logger.info(
        "Upgraded %s to profile version %s",
        PACKAGE_NAME,
        ".".join(setup_tool.getLastVersionForProfile(profile)),
    )
    return True


def create_site(
    app, site_id="Plone", delete_existing=False, title=None, demo_content=False
):
    """Return the site ``site_id``, creating it if needed.

    A new site is made by the ``migrationnetwork`` distribution: a Classic
    UI Plone site with the add-on and its portal layer (Greek and English
    language roots with their sections, the network's home page), the
    Europe/Athens time zone and, with ``demo_content``, the demo content.
    """
    if site_id in app.objectIds():
        if not delete_existing:
            logger.info("Site %s exists; keeping it", site_id)
            site = app[site_id]
            setSite(site)
            upgrade(site)
            configure_mail(site)
            return site
        delete_site(app, site_id)
        transaction.commit()
    answers = dict(SITE_DEFAULTS, site_id=site_id, setup_content=demo_content)
    if title:
        answers["title"] = title
    site = site_api.create(app, DISTRIBUTION, answers)
    setSite(site)
    configure_mail(site, new=True)
    logger.info("Created site %s", site_id)
    return site


def delete_site(app, site_id):
    """Delete the site ``site_id`` (the caller commits).

    The site is made the current site while it is deleted: the subscribers
    that run for the items removed with it (plone.app.iterate's, the
    relations') look up its local utilities such as IIntIds, which are not
    found otherwise (ComponentLookupError on a site with working copies).
    """
    logger.info("Deleting site %s", site_id)
    setSite(app[site_id])
    try:
        app.manage_delObjects([site_id])
    finally:
        setSite(None)


class DeletionRefused(Exception):
    """``DELETE_EXISTING`` was asked for without a confirmation."""


def confirm_deletion(site_id, environ=None, ask=None):
    """Refuse to delete an existing site unless ``FORCE`` is set or the
    person at the terminal types its id (``ask`` prompts and answers)."""
    environ = os.environ if environ is None else environ
    if environ.get("FORCE", "").strip().lower() in ("1", "true", "yes", "on"):
        return
    if ask is not None:
        answer = ask(
            f"DELETE_EXISTING: the site {site_id!r} and all its content will be "
            f"deleted. Type {site_id} to confirm: "
        )
        if answer.strip() == site_id:
            return
    raise DeletionRefused(
        f"The site {site_id!r} was not deleted: confirm by typing its id, "
        "or set FORCE=1 (back it up first with make backup)."
    )


# Mail


def configure_mail(site, new=False, environ=None):
    """Set up the site's mail from the environment; run at every start.

    Every mail of the portal goes through the site's outbox
    (``notifications.outbox``), delivered by ``notifications.delivery``
    through the MailHost at once: the MailHost does not queue (a maildir
    queue would be a second queue, delivered by zope.sendmail's thread).
    The SMTP server is ``SMTP_HOST``:``SMTP_PORT`` (localhost:25 for a new
    site; an existing site keeps what Site Setup > Mail says unless they
    are set): the registry is the one place of the SMTP settings. The
    sender (``EMAIL_FROM_ADDRESS``, ``EMAIL_FROM_NAME``, defaults
    noreply@localhost and the site's title) is set if empty.
    """
    environ = os.environ if environ is None else environ
    mailhost = site.MailHost
    registry = getUtility(IRegistry, context=site)
    # Plone's mailers take the server from the registry (Site Setup > Mail);
    # the MailHost's own fields are kept equal for the ZMI.
    if new or environ.get("SMTP_HOST"):
        host = environ.get("SMTP_HOST") or "localhost"
        registry["plone.smtp_host"] = mailhost.smtp_host = host
    if new or environ.get("SMTP_PORT"):
        port = int(environ.get("SMTP_PORT") or 25)
        registry["plone.smtp_port"] = mailhost.smtp_port = port
    if getattr(aq_base(mailhost), "smtp_queue", False):
        # The queue of an earlier release: its mail goes to the outbox.
        from collective.migrationnetwork.notifications.legacy import adopt_maildir

        adopt_maildir(site, getattr(mailhost, "smtp_queue_directory", None))
        mailhost.smtp_queue = False
    from collective.migrationnetwork.newsletter.sending import adopt_legacy_jobs

    adopt_legacy_jobs(site)
    if not registry["plone.email_from_address"]:
        registry["plone.email_from_address"] = (
            environ.get("EMAIL_FROM_ADDRESS") or "noreply@localhost"
        )
    if not registry["plone.email_from_name"]:
        registry["plone.email_from_name"] = environ.get("EMAIL_FROM_NAME") or (
            site.Title()
        )
    logger.info(
        "Mail of %s: sent to %s:%s as %s",
        site.getId(),
        registry["plone.smtp_host"],
        registry["plone.smtp_port"],
        registry["plone.email_from_address"],
    )
