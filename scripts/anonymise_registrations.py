"""Anonymise the registrations of trainings past their retention period
(run through ``zconsole run``; ``make anonymise-registrations``).

    zconsole run instance/etc/zope.conf scripts/anonymise_registrations.py

The outbox's deliverer thread of every web process already runs the same
job once a day (``registrations/erasure.py``); this runs it now, e.g. from
cron while the portal is stopped, or after shortening the period.

Environment:
    SITE_ID            id of the site (default: Plone)
    RETENTION_MONTHS   months instead of the control panel's setting

Idempotent: a registration anonymised once is never touched again; run it
as often as you like.
"""

from collective.migrationnetwork.registrations.erasure import anonymise_expired
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
import transaction


def main(app):
    app = makerequest(app)
    site_id = os.environ.get("SITE_ID", "Plone")
    site = app.get(site_id)
    if site is None:
        sys.exit(f"No site {site_id!r}: set SITE_ID")
    setSite(site)
    months = os.environ.get("RETENTION_MONTHS", "").strip()
    count = anonymise_expired(site, months=int(months) if months else None)
    if count:
        transaction.get().note(
            f"Anonymise the registrations of ended trainings ({count})"
        )
    transaction.commit()
    print(f"{count} registrations anonymised in /{site_id}")


main(app)  # noqa: F821 (zconsole provides ``app``)
