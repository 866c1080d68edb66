"""The add-on's translations of other packages' messages come first.

The add-on ships Greek for messages of Plone's own domains (``plone``, …)
that plone.app.locales lacks or gets wrong ("Check out" translated as
"Αποσύνδεση", log out). zope.i18n asks a domain's catalogues in the order in
which they were registered and takes the first that knows a message, and
plone.app.locales is registered before any add-on. Registering the
add-on's directory with ``i18n:registerTranslations`` fills the gaps only;
the directive below then puts the catalogues of that directory first, so
that its corrections win. It runs after every other registration (a later
configuration order), in instances and test layers alike, and changes
nothing else: messages the add-on does not translate still come from
plone.app.locales.
"""

from zope.component import getUtilitiesFor
from zope.configuration.fields import Path
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import Interface

import os


# zope.configuration runs actions by their order, then as registered: the
# translations are all registered (order 0) before this runs.
AFTER_REGISTRATIONS = 10


class IPreferTranslations(Interface):
    directory = Path(
        title="The locales directory whose catalogues come first",
        required=True,
    )


def catalogues_first(directory):
    """Put the catalogues read from ``directory`` before the others of their
    domain and language. Returns how many lists were reordered."""
    prefix = os.path.join(os.path.realpath(directory), "")
    reordered = 0
    for _name, domain in getUtilitiesFor(ITranslationDomain):
        # A TranslationDomain's public view of its catalogues by language;
        # other ITranslationDomain implementations are left as they are.
        info = getattr(domain, "getCatalogsInfo", None)
        if info is None:
            continue
        for names in info().values():
            ours = [n for n in names if os.path.realpath(str(n)).startswith(prefix)]
            if not ours or names[: len(ours)] == ours:
                continue
            names[:] = ours + [n for n in names if n not in ours]
            reordered += 1
    return reordered


def prefer_translations(_context, directory):
    _context.action(
        discriminator=("collective.migrationnetwork:preferTranslations", directory),
        callable=catalogues_first,
        args=(directory,),
        order=AFTER_REGISTRATIONS,
    )
