"""Training: a training course, webinar, study visit or other event."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import choice
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import relations
from plone.app.multilingual.dx import directives as ml
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ITraining(model.Schema):
    """Dates, place and contact come from plone.app.event's behaviors."""

    kind = choice(
        "training_kinds", _("label_training_kind", default="Kind"), required=True
    )
    format = choice(
        "training_formats", _("label_format", default="Format"), required=True
    )
    online_url = schema.URI(
        title=_("label_online_url", default="Online link"),
        description=_(
            "help_online_url",
            default="Where participants join an online or hybrid event.",
        ),
        required=False,
    )
    # Confirmed registrants read it in their mails and on *my registration*.
    directives.read_permission(online_url="collective.migrationnetwork.ViewOnlineLink")

    model.fieldset(
        "audience",
        label=_("fieldset_audience", default="Audience and themes"),
        fields=[
            "audience",
            "languages",
            "thematic_areas",
            "co_organisers",
            "related_practices",
        ],
    )
    audience = choices("audiences", _("label_audience", default="Audience"))
    languages = choices(
        "plone.app.vocabularies.AvailableContentLanguages",
        _("label_languages_delivery", default="Languages of delivery"),
    )
    thematic_areas = choices(
        "thematic_areas", _("label_thematic_areas", default="Thematic areas")
    )
    co_organisers = relations(_("label_co_organisers", default="Co-organisers"))
    directives.widget(
        "co_organisers", RELATED_WIDGET, **related_items_widget(["Organisation"])
    )
    related_practices = relations(
        _("label_related_practices", default="Related practices"),
        _("help_related_practices", default="Study visits are built around practices."),
    )
    directives.widget(
        "related_practices", RELATED_WIDGET, **related_items_widget(["Practice"])
    )

    model.fieldset(
        "registration",
        label=_("fieldset_registration", default="Registration"),
        fields=[
            "capacity",
            "registration_open",
            "registration_deadline",
            "waiting_list",
            "moderated",
        ],
    )
    capacity = schema.Int(
        title=_("label_capacity", default="Capacity"),
        description=_("help_capacity", default="Places available; empty for no limit."),
        min=0,
        required=False,
    )
    registration_open = schema.Bool(
        title=_("label_registration_open", default="Registration open"),
        default=False,
        required=False,
    )
    registration_deadline = schema.Datetime(
        title=_("label_registration_deadline", default="Registration deadline"),
        required=False,
    )
    waiting_list = schema.Bool(
        title=_("label_waiting_list", default="Waiting list"),
        description=_(
            "help_waiting_list",
            default="Once the training is full, people join a waiting list and "
            "take the places that become free, first come first.",
        ),
        default=False,
        required=False,
    )
    moderated = schema.Bool(
        title=_("label_moderated", default="Organisers approve registrations"),
        description=_(
            "help_moderated",
            default="Registrations wait for the organisers' approval (for study "
            "visits with few seats).",
        ),
        default=False,
        required=False,
    )

    ml.languageindependent(
        "kind",
        "format",
        "online_url",
        "audience",
        "languages",
        "thematic_areas",
        "co_organisers",
        "related_practices",
        "capacity",
        "registration_open",
        "registration_deadline",
        "waiting_list",
        "moderated",
    )


@implementer(ITraining)
class Training(Container):
    """A capacity-building or exchange event; iCalendar as any Plone event."""
