"""The one way the portal writes CSV for spreadsheets.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is taken for a formula by spreadsheet programs (CSV injection,
OWASP): such a cell starts with an apostrophe, which they show as text.
Every CSV the portal writes (the search feed, the subscribers' export)
goes through ``writer``, so that no cell escapes the rule.
"""

import csv


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as the text of a cell that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(out, **options):
    return SafeWriter(out, **options)
