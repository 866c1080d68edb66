"""The translation status above an outdated translation, for its editors:
which source it was translated from, which fields changed since, and how."""

from collective.migrationnetwork.multilingual.status import status
from plone.app.layout.viewlets.common import ViewletBase
from plone.i18n.locales.interfaces import IContentLanguageAvailability
from zope.component import getUtility


class TranslationStatusViewlet(ViewletBase):
    def update(self):
        super().update()
        self.status = status(self.context)

    def available(self):
        return self.status["outdated"]

    def source(self):
        return self.status["source"]

    def source_language(self):
        code = self.status["source"]["language"]
        languages = getUtility(IContentLanguageAvailability).getLanguages()
        language = languages.get(code) or {}
        return language.get("native") or language.get("name") or code

    def changes(self):
        return self.status["changes"]

    def translated_on(self):
        return self.status.get("translated_from_modified")
