"""The 400 answer to a bad search parameter, shared by the REST service
and the feeds."""

import json


def error_body(error):
    """``{"error": {...}}`` for a ``SearchParameterError``."""
    return {
        "error": {
            "type": "BadRequest",
            "message": str(error),
            "parameter": error.parameter,
        }
    }


def bad_request(request, error):
    """Set the response to 400 and return the JSON body as a dict."""
    request.response.setStatus(400)
    return error_body(error)


def bad_request_json(request, error):
    """The same, serialised, for views that do not answer JSON otherwise."""
    body = bad_request(request, error)
    request.response.setHeader("Content-Type", "application/json")
    return json.dumps(body, indent=2)
