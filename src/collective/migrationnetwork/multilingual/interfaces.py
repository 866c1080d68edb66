"""Interfaces of the add-on's multilingual support."""

from plone.app.multilingual.dx.interfaces import IDexterityTranslatable


class ITranslatableNetworkContent(IDexterityTranslatable):
    """The add-on's five content types (given to their classes in ZCML).

    It extends ``IDexterityTranslatable``, so adapters registered for it
    are preferred to plone.app.multilingual's for these types.
    """
