"""Organisation: a member organisation and its profile."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import GRID_WIDGET
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import choice
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import relations
from collective.migrationnetwork.content.fields import rich_text
from collective.z3cform.datagridfield.row import DictRow
from plone.app.multilingual.dx import directives as ml
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import Interface
from zope.interface import implementer


VIEW_CONTACT_DETAILS = "collective.migrationnetwork.ViewContactDetails"
MANAGE_MEMBERSHIP = "collective.migrationnetwork.ManageMembership"
# The fields that decide which coordinators review the organisation's work.
MEMBERSHIP_FIELDS = ("networks", "network_role", "joined")


class IContactPoint(Interface):
    """A role in the organisation and the person who holds it now."""

    role = schema.TextLine(
        title=_("label_contact_role", default="Role"),
        description=_(
            "help_contact_role",
            default="The role outlives the person, e.g. 'Migrant Integration Centre'.",
        ),
        required=True,
    )
    name = schema.TextLine(
        title=_("label_contact_name", default="Name"), required=False
    )
    email = Email(title=_("label_contact_email", default="E-mail"), required=False)
    phone = schema.TextLine(title=_("label_phone", default="Phone"), required=False)
    verified = schema.Date(
        title=_("label_contact_verified", default="Last verified on"), required=False
    )


class IOrganisation(model.Schema):
    """A member organisation: municipality, NGO, university, ..."""

    kind = choice(
        "organisation_kinds",
        _("label_organisation_kind", default="Kind"),
        required=True,
    )
    text = rich_text(
        title=_("label_organisation_text", default="About the organisation"),
        required=False,
    )
    logo = NamedBlobImage(title=_("label_logo", default="Logo"), required=False)

    model.fieldset(
        "location",
        label=_("fieldset_location", default="Location and contact"),
        fields=[
            "country",
            "city",
            "address",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "languages",
        ],
    )
    country = choice("countries", _("label_country", default="Country"), required=True)
    # A prompt rather than the first country of the list chosen already.
    directives.widget(
        "country",
        prompt=True,
        promptMessage=_("prompt_country", default="Choose a country"),
    )
    city = schema.TextLine(
        title=_("label_city", default="City / region"), required=False
    )
    address = schema.Text(title=_("label_address", default="Address"), required=False)
    latitude = schema.Float(
        title=_("label_latitude", default="Latitude"),
        min=-90.0,
        max=90.0,
        required=False,
    )
    longitude = schema.Float(
        title=_("label_longitude", default="Longitude"),
        min=-180.0,
        max=180.0,
        required=False,
    )
    website = schema.URI(title=_("label_website", default="Web site"), required=False)
    email = Email(
        title=_("label_general_email", default="General e-mail"), required=False
    )
    phone = schema.TextLine(title=_("label_phone", default="Phone"), required=False)
    languages = choices(
        "plone.app.vocabularies.AvailableContentLanguages",
        _("label_languages_spoken", default="Languages spoken"),
    )

    model.fieldset(
        "membership",
        label=_("fieldset_membership", default="Network membership"),
        fields=["networks", "network_role", "joined", "thematic_areas"],
    )
    networks = relations(
        _("label_networks", default="Networks"),
        _("help_networks", default="The networks the organisation belongs to."),
    )
    directives.widget("networks", RELATED_WIDGET, **related_items_widget(["Network"]))
    network_role = choice(
        "network_roles", _("label_network_role", default="Role in the network")
    )
    joined = schema.Date(title=_("label_joined", default="Joined on"), required=False)
    directives.write_permission(
        **{name: MANAGE_MEMBERSHIP for name in MEMBERSHIP_FIELDS}
    )
    thematic_areas = choices(
        "thematic_areas",
        _("label_expertise", default="Areas of expertise"),
    )

    model.fieldset(
        "contacts",
        label=_("fieldset_contacts", default="Contact points"),
        fields=["contact_points"],
    )
    contact_points = schema.List(
        title=_("label_contact_points", default="Contact points"),
        description=_(
            "help_contact_points",
            default="Shown only to logged-in members of the network.",
        ),
        value_type=DictRow(title="contact", schema=IContactPoint),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("contact_points", GRID_WIDGET)
    directives.read_permission(contact_points=VIEW_CONTACT_DETAILS)

    ml.languageindependent(
        "kind",
        "logo",
        "country",
        "latitude",
        "longitude",
        "website",
        "email",
        "phone",
        "languages",
        "networks",
        "network_role",
        "joined",
        "thematic_areas",
        "contact_points",
    )


@implementer(IOrganisation)
class Organisation(Container):
    """An organisation; it holds its own Practices and Trainings."""
