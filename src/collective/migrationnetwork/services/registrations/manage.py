"""For the organisers (``Manage training registrations``):

- ``GET {training}/@registrations``: counts, places left and the list;
  ``?format=csv`` the same list as CSV (formula cells neutralised);
- ``PATCH {training}/@registrations/{id}``: ``status`` (``confirmed``,
  ``declined``, ``withdrawn``, ``waiting``) and ``attended`` (true/false,
  once the training has started). 404 for an unknown id, 400 naming the
  field, 409 when no place is left to confirm.
"""

from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.export import csv_of
from collective.migrationnetwork.registrations.export import overview
from collective.migrationnetwork.registrations.store import registrations_of
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services.registrations.common import (
    RegistrationService,
)
from plone.protect.interfaces import IDisableCSRFProtection
from zExceptions import NotFound
from zope.interface import alsoProvides


class RegistrationsGet(RegistrationService):
    def render(self):
        if self.request.form.get("format") == "csv":
            self.check_permission()
            filename, body = csv_of(self.context, self.request)
            response = self.request.response
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            response.setHeader(
                "Content-Disposition", f'attachment; filename="{filename}"'
            )
            return body
        return super().render()

    def reply(self):
        return overview(self.context)


class RegistrationPatch(PathParams, RegistrationService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        store = registrations_of(self.context, create=False)
        if len(self.params) != 1 or store is None or store.get(self.params[0]) is None:
            raise NotFound("No such registration")
        registration = store.get(self.params[0])
        data = self.body()
        if data is None:
            return self.bad_body()
        unknown = sorted(set(data) - {"status", "attended"})
        if unknown:
            return self.invalid(
                [(name, registering.ERROR_UNKNOWN_FIELD) for name in unknown[:5]]
            )
        try:
            if "status" in data:
                registering.decide(self.context, registration, data["status"])
            if "attended" in data:
                registering.mark_attended(self.context, registration, data["attended"])
        except registering.RegistrationInvalid as error:
            return self.invalid(error.errors)
        except registering.RegistrationRefused as error:
            return self.refused(error)
        return registration.as_dict(store.waiting_position(registration))
