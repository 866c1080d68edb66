"""Fields a user may not write are refused, not silently dropped.

plone.restapi leaves out of a PATCH or POST every field whose write
permission (plone.autoform's ``write_permission``) the user lacks, and
answers 204 as if it had been saved. For the fields that decide who
reviews an organisation's work (``networks``, ``network_role``,
``joined``) that silence hides a refused attempt: the add-on's deserializer
answers 403 naming the field instead. A body that sends such a field with
the value it already has (a client sending back the whole form) is not
refused.

``layout`` is the same: plone.restapi sets any name sent, so that an
editor could make an item's page answer with ``manage_main``. It is
written only by those with *Modify view template* (the add-on's workflows
give it to Site Administrators and Managers), and only with one of the
type's own views.
"""

from AccessControl import getSecurityManager
from collective.migrationnetwork import _
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.restapi.interfaces import IFieldDeserializer
from plone.supermodel.utils import mergedTaggedValueDict
from z3c.form.interfaces import IDataManager
from z3c.relationfield.interfaces import IRelationValue
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import queryMultiAdapter
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema import getFields
from zope.security.interfaces import IPermission


MODIFY_VIEW_TEMPLATE = "Modify view template"


def _comparable(value):
    """Relations compare by the item they point to."""
    if IRelationValue.providedBy(value):
        return ("relation", value.to_id)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_comparable(item) for item in value]
        return tuple(items)
    return value


def _unchanged(context, request, field, raw):
    deserializer = queryMultiAdapter((field, context, request), IFieldDeserializer)
    if deserializer is None:
        return False
    try:
        value = deserializer(raw) if raw is not None else field.missing_value
    except Exception:  # bad input for a field one may not write anyway
        return False
    current = queryMultiAdapter((context, field), IDataManager).query()
    return _comparable(value or None) == _comparable(current or None)


def refuse_unwritable(context, request, data):
    """Raise Forbidden when ``data`` changes a field of ``context`` whose
    write permission the current user lacks, or a layout they may not
    choose."""
    security = getSecurityManager()
    for schema in iterSchemata(context):
        permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
        for name, field in getFields(schema).items():
            if name not in data or name not in permissions:
                continue
            permission = queryUtility(IPermission, name=permissions[name])
            if permission is None or security.checkPermission(
                permission.title, context
            ):
                continue
            if _unchanged(context, request, field, data[name]):
                continue
            message = _(
                "error_field_not_writable",
                default="You may not change '${field}': the coordinators of "
                "the organisation's networks and the network secretariat "
                "decide it.",
                mapping={"field": name},
            )
            raise Forbidden(translate(message, context=request))
    if "layout" in data:
        refuse_layout(context, request, data["layout"])


def refuse_layout(context, request, layout):
    if isinstance(layout, str) and layout == context.getLayout():
        return
    if not getSecurityManager().checkPermission(MODIFY_VIEW_TEMPLATE, context):
        message = _(
            "error_layout_not_writable",
            default="You may not change 'layout', the view of this item.",
        )
        raise Forbidden(translate(message, context=request))
    if not isinstance(layout, str) or layout not in dict(context.getAvailableLayouts()):
        message = _(
            "error_layout_unknown",
            default="'layout' must be one of the views of this type: ${views}.",
            mapping={
                "views": ", ".join(
                    sorted(view for view, _title in context.getAvailableLayouts())
                )
            },
        )
        raise BadRequest(translate(message, context=request))
