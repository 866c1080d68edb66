"""Practice: a good or promising practice written up for replication."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import choice
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import relations
from collective.migrationnetwork.content.fields import rich_text
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from collective.z3cform.datagridfield.row import DictRow
from decimal import Decimal
from plone.app.multilingual.dx import directives as ml
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


# The rich text sections, in the order a reader meets them.
SECTIONS = (
    ("context", _("label_context", default="Context and needs")),
    ("objectives", _("label_objectives", default="Objectives")),
    ("activities", _("label_activities", default="Activities")),
    ("results", _("label_results", default="Results")),
    ("evaluation", _("label_evaluation", default="Evaluation")),
    ("transferability", _("label_transferability", default="Transferability")),
    ("lessons_learned", _("label_lessons_learned", default="Lessons learned")),
    ("resources", _("label_resources", default="Resources needed")),
)


class IIndicator(Interface):
    name = schema.TextLine(title=_("label_indicator_name", default="Indicator"))
    value = schema.TextLine(
        title=_("label_indicator_value", default="Value"), required=False
    )
    unit = schema.TextLine(
        title=_("label_indicator_unit", default="Unit"), required=False
    )


class IPractice(model.Schema):
    """A practice, pilot project, policy or tool that others can replicate."""

    kind = choice(
        "practice_kinds", _("label_practice_kind", default="Kind"), required=True
    )
    status = choice("practice_statuses", _("label_practice_status", default="Status"))
    start_date = schema.Date(
        title=_("label_start_date", default="Start"), required=False
    )
    end_date = schema.Date(title=_("label_end_date", default="End"), required=False)
    place = schema.TextLine(
        title=_("label_place", default="Place"),
        description=_("help_place", default="Where it runs, e.g. 'Athens, Kypseli'."),
        required=False,
    )

    model.fieldset(
        "context_objectives",
        label=_("fieldset_context_objectives", default="Context and objectives"),
        fields=["context", "objectives", "activities"],
    )
    context = rich_text(title=SECTIONS[0][1], required=False)
    objectives = rich_text(title=SECTIONS[1][1], required=False)
    activities = rich_text(title=SECTIONS[2][1], required=False)

    model.fieldset(
        "results_evaluation",
        label=_("fieldset_results_evaluation", default="Results and evaluation"),
        fields=["results", "evaluation", "evaluation_kind", "indicators"],
    )
    results = rich_text(title=SECTIONS[3][1], required=False)
    evaluation = rich_text(title=SECTIONS[4][1], required=False)
    evaluation_kind = choice(
        "evaluation_kinds", _("label_evaluation_kind", default="Kind of evaluation")
    )
    indicators = schema.List(
        title=_("label_indicators", default="Indicators"),
        value_type=DictRow(title="indicator", schema=IIndicator),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("indicators", DataGridFieldWidgetFactory)

    model.fieldset(
        "transferability",
        label=_("fieldset_transferability", default="Transferability"),
        fields=["transferability", "lessons_learned", "resources", "inspired_by"],
    )
    transferability = rich_text(title=SECTIONS[5][1], required=False)
    lessons_learned = rich_text(title=SECTIONS[6][1], required=False)
    resources = rich_text(title=SECTIONS[7][1], required=False)
    inspired_by = relations(
        _("label_inspired_by", default="Inspired by"),
        _("help_inspired_by", default="Practices this one replicates or adapts."),
    )
    directives.widget(
        "inspired_by", RELATED_WIDGET, **related_items_widget(["Practice"])
    )

    model.fieldset(
        "funding",
        label=_("fieldset_funding", default="Funding"),
        fields=["funding_sources", "budget"],
    )
    funding_sources = choices(
        "funding_sources", _("label_funding_sources", default="Funding sources")
    )
    budget = schema.Decimal(
        title=_("label_budget", default="Budget (EUR)"),
        min=Decimal(0),
        required=False,
    )

    model.fieldset(
        "classification",
        label=_("fieldset_classification", default="Classification"),
        fields=[
            "thematic_areas",
            "target_groups",
            "countries",
            "geographic_scope",
            "gcm_objectives",
            "partners",
        ],
    )
    thematic_areas = choices(
        "thematic_areas", _("label_thematic_areas", default="Thematic areas")
    )
    target_groups = choices(
        "target_groups", _("label_target_groups", default="Target groups")
    )
    countries = choices("countries", _("label_countries", default="Countries"))
    geographic_scope = choice(
        "geographic_scopes", _("label_geographic_scope", default="Geographic scope")
    )
    gcm_objectives = choices(
        "gcm_objectives",
        _("label_gcm_objectives", default="Global Compact for Migration objectives"),
    )
    partners = relations(
        _("label_partners", default="Partner organisations"),
        _("help_partners", default="The lead organisation is the one it belongs to."),
    )
    directives.widget(
        "partners", RELATED_WIDGET, **related_items_widget(["Organisation"])
    )

    ml.languageindependent(
        "kind",
        "status",
        "start_date",
        "end_date",
        "evaluation_kind",
        "funding_sources",
        "budget",
        "thematic_areas",
        "target_groups",
        "countries",
        "geographic_scope",
        "gcm_objectives",
        "partners",
        "inspired_by",
    )

    @invariant
    def end_not_before_start(data):
        start, end = getattr(data, "start_date", None), getattr(data, "end_date", None)
        if start and end and end < start:
            raise Invalid(
                _(
                    "error_end_before_start",
                    default="The end date (end_date) must not be before the start date (start_date).",
                )
            )


@implementer(IPractice)
class Practice(Container):
    """A practice; the Organisation it lives in leads it."""
