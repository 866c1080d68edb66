"""REST: a translation posted with ``translation_of`` gets the source's
language-independent values before it is validated, so that a client sends
only what it translates (title, text), as in the Classic UI's form.

plone.restapi creates the object, deserializes and validates the body, adds
the object and only then links it to the source; required
language-independent fields (an organisation's kind, a training's format)
would be refused as missing. This deserializer fills them from the source
first. Language-independent values in the body are validated as usual,
but once the translation is linked it takes the source's values
(``status.translated``): translations never differ in them.

Before anything is written, a field the user may not write (or a layout
they may not choose) is refused with 403 naming it (``roles/fields.py``).
"""

from collective.migrationnetwork.multilingual.interfaces import (
    ITranslatableNetworkContent,
)
from collective.migrationnetwork.roles.fields import refuse_unwritable
from plone import api
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer


def find_source(key):
    """The item a ``translation_of`` names: a UID, a URL or a path in the
    portal (as plone.restapi accepts), if the user may see it."""
    if not isinstance(key, str) or not key:
        return None
    portal = api.portal.get()
    portal_url = portal.absolute_url()
    if key.startswith(portal_url):
        key = key[len(portal_url) :]
    if key.startswith("/"):
        return portal.restrictedTraverse(key.lstrip("/"), None)
    return api.content.get(UID=key)


@implementer(IDeserializeFromJson)
@adapter(ITranslatableNetworkContent, Interface)
class TranslationDeserializer(DeserializeFromJson):
    def __call__(self, validate_all=False, data=None, create=False, **kwargs):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict):
            refuse_unwritable(self.context, self.request, data)
        if create and data.get("translation_of") and data.get("language"):
            source = find_source(data["translation_of"])
            if ITranslatableNetworkContent.providedBy(source):
                manager = ILanguageIndependentFieldsManager(source)
                # Relations are linked once the object is in place (a
                # relation of an object outside the site does not validate).
                manager.changed_fields(
                    self.context, language=data["language"], relations=False
                )
        return super().__call__(
            validate_all=validate_all, data=data, create=create, **kwargs
        )
