"""``GET /@openapi`` on the site root or a language root."""

from collective.migrationnetwork.services import Service
from collective.migrationnetwork.services.openapi.document import openapi_document


class OpenAPIGet(Service):
    def reply(self):
        return openapi_document(self.context)
