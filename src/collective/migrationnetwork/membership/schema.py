"""What an organisation gives when it applies to join a network.

One schema serves the Classic UI form (``@@join-network``) and the REST
service (``POST /{lang}/@join-network``): the field names are the form's
widget names and the JSON keys.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.validation import email_address
from collective.migrationnetwork.validation import is_web_url
from plone.autoform import directives
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.schema import ValidationError


# The name of the honeypot: a text input hidden from people (CSS) that
# bots fill in. It is not a field of the schema.
HONEYPOT = "homepage"

NETWORKS_VOCABULARY = "collective.migrationnetwork.published_networks"


class ApplicationError(ValidationError):
    """A field error whose message is its first argument (a translatable
    message), shown as it is by z3c.form and in REST answers."""

    def doc(self):
        return self.args[0]


class NotHttpURL(ApplicationError):
    pass


class ConsentMissing(ApplicationError):
    pass


def http_url(value):
    """A web site is a http(s) address (``javascript:`` is a URI too), by
    the rule of every URL field (``validation.web_url``)."""
    if is_web_url(value):
        return True
    raise NotHttpURL(
        _(
            "error_join_website_scheme",
            default="Give the full address of the web site, starting with https://.",
        )
    )


def consented_message():
    return _(
        "error_join_consent",
        default="We can only review an application with your consent: tick the box.",
    )


def consented(value):
    if value is True:
        return True
    raise ConsentMissing(consented_message())


CONSENT_TEXT = _(
    "label_join_consent",
    default="I agree that the network stores the details above to review this "
    "application, and contacts me about it.",
)


class IJoinApplication(model.Schema):
    """An application to join a network."""

    model.fieldset(
        "organisation",
        label=_("fieldset_join_organisation", default="Your organisation"),
        fields=[
            "title",
            "kind",
            "country",
            "city",
            "website",
            "email",
            "phone",
            "description",
        ],
    )
    model.fieldset(
        "applicant",
        label=_("fieldset_join_applicant", default="About you"),
        fields=[
            "applicant_name",
            "applicant_email",
            "applicant_phone",
            "applicant_position",
            "message",
            "consent",
        ],
    )

    network = schema.Choice(
        title=_("label_join_network", default="Network"),
        description=_(
            "help_join_network",
            default="The network (or local sub-network) your organisation "
            "wants to join. Its coordinators review your application.",
        ),
        vocabulary=NETWORKS_VOCABULARY,
        required=True,
    )

    title = schema.TextLine(
        title=_("label_join_title", default="Name of the organisation"),
        max_length=200,
        required=True,
    )
    kind = schema.Choice(
        title=_("label_organisation_kind", default="Kind"),
        vocabulary="collective.migrationnetwork.organisation_kinds",
        required=True,
    )
    country = schema.Choice(
        title=_("label_country", default="Country"),
        vocabulary="collective.migrationnetwork.countries",
        required=True,
    )
    directives.widget(
        "country",
        prompt=True,
        promptMessage=_("prompt_country", default="Choose a country"),
    )
    city = schema.TextLine(
        title=_("label_city", default="City / region"),
        max_length=200,
        required=False,
    )
    website = schema.URI(
        title=_("label_website", default="Web site"),
        constraint=http_url,
        max_length=500,
        required=False,
    )
    email = Email(
        title=_("label_general_email", default="General e-mail"),
        constraint=email_address,
        required=False,
    )
    phone = schema.TextLine(
        title=_("label_phone", default="Phone"),
        max_length=50,
        required=False,
    )
    description = schema.Text(
        title=_("label_join_description", default="What your organisation does"),
        description=_(
            "help_join_description",
            default="A few lines; shown on your organisation's page once it "
            "is admitted.",
        ),
        max_length=2000,
        required=False,
    )

    applicant_name = schema.TextLine(
        title=_("label_applicant_name", default="Your name"),
        max_length=200,
        required=True,
    )
    applicant_email = Email(
        title=_("label_applicant_email", default="Your e-mail"),
        description=_(
            "help_applicant_email",
            default="We write to this address about the application; once "
            "it is approved you log in with it as your organisation's editor.",
        ),
        constraint=email_address,
        required=True,
    )
    applicant_phone = schema.TextLine(
        title=_("label_applicant_phone", default="Your phone"),
        max_length=50,
        required=False,
    )
    applicant_position = schema.TextLine(
        title=_("label_applicant_position", default="Your position"),
        description=_(
            "help_applicant_position",
            default="e.g. integration officer, project manager",
        ),
        max_length=200,
        required=False,
    )
    message = schema.Text(
        title=_("label_join_message", default="Message to the coordinators"),
        max_length=5000,
        required=False,
    )
    consent = schema.Bool(
        title=CONSENT_TEXT,
        constraint=consented,
        required=True,
    )
