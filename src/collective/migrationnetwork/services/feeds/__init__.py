"""Feeds of a network search: RSS 2.0, iCalendar (trainings) and CSV.

Every feed takes the parameters of ``@network-search`` (the same
``parse_params`` and ``network_search``), reads catalogue metadata only, and
answers 400 with a JSON body naming a bad parameter:

- ``/{lang}/network-search.rss``: RSS 2.0, newest first, one batch
  (``b_size``, default 20, at most 100); practices, trainings and
  newsletters unless ``portal_type`` says otherwise.
- ``/{lang}/network-search.ics``: iCalendar of trainings.
- ``/{lang}/network-search.csv``, or ``@network-search`` asked for with
  ``Accept: text/csv``: every matching row (see ``EXPORT_LIMIT``).
"""
