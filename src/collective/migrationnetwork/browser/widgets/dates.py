"""Date fields that read day/month/year in the page's language.

plone.app.z3cform's date widget uses the browser's own date input, which
shows the order of the browser's locale (``mm/dd/yyyy`` in an English
browser) whatever the page's language. This one asks mockup's date picker
for its styled behaviour: the date shown as ``DD/MM/YYYY`` and a calendar
with the month and day names of the page's language (``@@date-picker-i18n``).
The value sent is still ISO 8601, as before.
"""

from babel import Locale
from babel import UnknownLocaleError
from collective.migrationnetwork import _
from collective.migrationnetwork.dates import current_language
from plone import api
from plone.app.z3cform.widgets.datetime import DateWidget
from Products.Five import BrowserView
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.i18n import translate
from zope.interface import implementer

import functools
import json


DATE_FORMAT = "DD/MM/YYYY"
I18N_VIEW = "date-picker-i18n"


class DayMonthYearDateWidget(DateWidget):
    def update(self):
        super().update()
        # Shown, and clicked to open the calendar, while the date is empty.
        self.placeholder = translate(
            _("date_placeholder", default="dd/mm/yyyy"), context=self.request
        )

    def get_pattern_options(self):
        options = super().get_pattern_options()
        language = current_language()
        options.update(
            {
                "behavior": "styled",
                "output-format": DATE_FORMAT,
                "locale": language,
                # One address per language: the pattern caches what it
                # fetched by address.
                "i18n": f"{api.portal.get().absolute_url()}/@@{I18N_VIEW}"
                f"?language={language}",
            }
        )
        return options


@implementer(IFieldWidget)
def date_widget(field, request):
    return FieldWidget(field, DayMonthYearDateWidget(request))


@functools.lru_cache(maxsize=16)
def _names(language):
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    days = locale.days["format"]
    # Pikaday counts the days from Sunday (6 in CLDR), CLDR from Monday.
    order = (6, 0, 1, 2, 3, 4, 5)
    return {
        "months": [locale.months["stand-alone"]["wide"][m] for m in range(1, 13)],
        "weekdays": [days["wide"][d] for d in order],
        "weekdaysShort": [days["abbreviated"][d] for d in order],
    }


class DatePickerI18n(BrowserView):
    """The date picker's month and day names (Pikaday's ``i18n``)."""

    def __call__(self):
        language = self.request.form.get("language") or current_language()
        language = str(language)[:12]
        names = dict(_names(language))
        names["previousMonth"] = translate(
            _("date_picker_previous_month", default="Previous month"),
            target_language=language,
        )
        names["nextMonth"] = translate(
            _("date_picker_next_month", default="Next month"),
            target_language=language,
        )
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "public, max-age=86400")
        return json.dumps(names, ensure_ascii=False)
