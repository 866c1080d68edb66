"""``GET /@openapi``: the OpenAPI 3.1 document of the add-on (see
``document.py``)."""
