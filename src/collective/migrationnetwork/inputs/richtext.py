"""Rich text: the MIME types a value may be stored in, and a transform that
never lets a stored value break the page, the item's JSON or a search."""

from collective.migrationnetwork import _
from collective.migrationnetwork import logger
from collective.migrationnetwork.validation import InvalidInput
from plone import api
from plone.app.textfield.interfaces import ITransformer
from plone.app.textfield.interfaces import TransformError
from plone.app.textfield.transform import PortalTransformsTransformer
from plone.dexterity.interfaces import IDexterityContent
from zope.component import adapter
from zope.interface import implementer


class MimeTypeNotAllowed(InvalidInput):
    pass


def allowed_mime_types(field):
    """The MIME types ``field`` accepts: its own list, else the formats of
    *Site Setup → Markup* and the field's default."""
    if field.allowed_mime_types:
        return set(field.allowed_mime_types)
    allowed = set(api.portal.get_registry_record("plone.allowed_types", default=()))
    allowed.add(api.portal.get_registry_record("plone.default_type", default=None))
    allowed.add(field.default_mime_type)
    allowed.discard(None)
    return allowed


def check_mime_type(field, mime_type):
    """Refuse a rich text value whose type the field does not accept."""
    if mime_type not in allowed_mime_types(field):
        raise MimeTypeNotAllowed(
            _(
                "error_richtext_mime_type",
                default="The format ${type} is not accepted here; use one of: "
                "${allowed}.",
                mapping={
                    "type": str(mime_type)[:100],
                    "allowed": ", ".join(sorted(allowed_mime_types(field))),
                },
            )
        )
    return True


@implementer(ITransformer)
@adapter(IDexterityContent)
class SafeTransformer(PortalTransformsTransformer):
    """portal_transforms, except that a value that cannot be transformed
    (stored before its type was checked, or with a broken transform) gives
    no output and a line in the log instead of an error: the item, its
    container's ``fullobjects`` and searches still answer. The view tells
    editors (``untransformable``)."""

    def __call__(self, value, mimeType):
        try:
            return super().__call__(value, mimeType)
        except TransformError:
            logger.warning(
                "Rich text of %s in %r cannot be transformed to %s; shown empty",
                "/".join(self.context.getPhysicalPath()),
                getattr(value, "mimeType", None),
                mimeType,
            )
            return ""


def untransformable(value, context):
    """True if the rich text ``value`` has content but no output."""
    if not (getattr(value, "raw", None) or "").strip():
        return False
    return not (value.output_relative_to(context) or "").strip()
