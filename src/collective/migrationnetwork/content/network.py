"""Network: a network or sub-network of organisations."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import choice
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import rich_text
from plone.app.multilingual.dx import directives as ml
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class INetwork(model.Schema):
    """A network or sub-network, e.g. the Cities Network for Integration."""

    text = rich_text(
        title=_("label_network_text", default="About the network"),
        required=False,
    )
    logo = NamedBlobImage(title=_("label_logo", default="Logo"), required=False)
    founded = schema.Date(
        title=_("label_founded", default="Founded on"), required=False
    )
    scope = choice(
        "network_scopes",
        _("label_network_scope", default="Scope"),
        _("help_network_scope", default="Where the network's members are."),
    )
    countries = choices(
        "countries",
        _("label_countries", default="Countries"),
        _("help_network_countries", default="Countries the network covers."),
    )
    parent_network = RelationChoice(
        title=_("label_parent_network", default="Part of the network"),
        description=_(
            "help_parent_network",
            default="For a local network that is a sub-group of a larger one.",
        ),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "parent_network",
        RELATED_WIDGET,
        **related_items_widget(["Network"]),
    )
    ml.languageindependent("logo", "founded", "scope", "countries", "parent_network")


@implementer(INetwork)
class Network(Container):
    """A network; its members are the Organisations that name it."""
