"""Create the Plone site of the portal (run through ``zconsole run``).

    zconsole run instance/etc/zope.conf scripts/create_site.py

Environment:
    SITE_ID          id of the site (default: Plone)
    ADMIN_PASSWORD   password of the Zope user ``admin`` (default: admin)
    DELETE_EXISTING  1 to delete and recreate an existing site, once its id
                     is typed at the prompt, or at once with FORCE=1
    DEMO_CONTENT     0 to leave out the demo content (default: 1)

Creating the site is idempotent: an existing site is kept unless
DELETE_EXISTING is set, so that ``make start`` reuses the data.
"""

from AccessControl.SecurityManagement import newSecurityManager
from collective.migrationnetwork.sitesetup import DeletionRefused
from collective.migrationnetwork.sitesetup import confirm_deletion
from collective.migrationnetwork.sitesetup import create_site
from collective.migrationnetwork.sitesetup import ensure_admin
from Testing.makerequest import makerequest

import os
import sys
import transaction


def truthy(name, default="0"):
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def main(app):
    app = makerequest(app)
    site_id = os.environ.get("SITE_ID", "Plone")
    password = os.environ.get("ADMIN_PASSWORD", "admin")
    admin = ensure_admin(app, "admin", password)
    newSecurityManager(None, admin.__of__(app.acl_users))
    exists = site_id in app.objectIds()
    delete = exists and truthy("DELETE_EXISTING")
    if delete:
        try:
            confirm_deletion(site_id, ask=input if sys.stdin.isatty() else None)
        except DeletionRefused as refused:
            sys.exit(str(refused))
    demo = os.environ.get("DEMO_CONTENT", "1").strip().lower()
    site = create_site(
        app,
        site_id=site_id,
        delete_existing=delete,
        demo_content=demo not in ("0", "false", "no", "off"),
    )
    # Creating the first Plone site replaces the Zope root's plain user
    # folder with a PluggableAuthService that does not hold the admin made
    # above: make it again in the user folder the server will use.
    ensure_admin(app, "admin", password)
    transaction.commit()
    print(f"Site ready at /{site.getId()}")


main(app)  # noqa: F821 (zconsole provides ``app``)
