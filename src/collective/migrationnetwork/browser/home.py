"""The portal's front door: one link per language root."""

from collective.migrationnetwork import _
from plone import api
from plone.i18n.interfaces import ILanguageUtility
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate


class NetworkHomeView(BrowserView):
    """Lists the language roots, each named in its own language.

    The site root stays a real page rather than a redirect, so that search
    engines and member sites find every language from one address.
    """

    def languages(self):
        tool = getUtility(ILanguageUtility)
        names = tool.getAvailableLanguageInformation()
        portal = api.portal.get()
        default = tool.getDefaultLanguage()
        result = []
        for code in tool.getSupportedLanguages():
            root = portal.get(code)
            if root is None:
                continue
            info = names.get(code) or {}
            result.append(
                {
                    "code": code,
                    "url": root.absolute_url(),
                    "name": info.get("native") or info.get("name") or code,
                    "enter": translate(
                        _("label_enter_portal", default="Enter the portal"),
                        target_language=code,
                    ),
                    "default": code == default,
                }
            )
        return result
