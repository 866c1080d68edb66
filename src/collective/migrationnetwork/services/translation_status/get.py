"""``GET {item}/@translation-status``: is this translation out of date?

The answer (multilingual/status.py) names the source it was translated
from, whether the source's text changed since, and for each changed field
a line diff of its text. Also a component of the item's JSON
(``@components["translation-status"]``, expanded with
``?expand=translation-status``) for those who may edit it.
"""

from collective.migrationnetwork.multilingual.interfaces import (
    ITranslatableNetworkContent,
)
from collective.migrationnetwork.multilingual.status import status
from collective.migrationnetwork.services import Service
from plone import api
from plone.restapi.interfaces import IExpandableElement
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


@implementer(IExpandableElement)
@adapter(ITranslatableNetworkContent, Interface)
class TranslationStatus:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        url = f"{self.context.absolute_url()}/@translation-status"
        result = {"translation-status": {"@id": url}}
        if not expand or not api.user.has_permission(
            "Modify portal content", obj=self.context
        ):
            return result
        found = status(self.context)
        language = api.portal.get_current_language(self.context)
        for change in found["changes"]:
            change["title"] = translate(change["title"], context=self.request)
        result["translation-status"].update(found, language=language)
        return result


class TranslationStatusGet(Service):
    def reply(self):
        return TranslationStatus(self.context, self.request)(expand=True)[
            "translation-status"
        ]
