"""Practice: a good or promising practice written up for replication."""

from collective.migrationnetwork import _
from collective.migrationnetwork.content.fields import CHECKBOXES
from collective.migrationnetwork.content.fields import DATE_WIDGET
from collective.migrationnetwork.content.fields import GRID_WIDGET
from collective.migrationnetwork.content.fields import RELATED_WIDGET
from collective.migrationnetwork.content.fields import SEARCHABLE
from collective.migrationnetwork.content.fields import choice
from collective.migrationnetwork.content.fields import choices
from collective.migrationnetwork.content.fields import related_items_widget
from collective.migrationnetwork.content.fields import relations
from collective.migrationnetwork.content.fields import rich_text
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


# The rich text sections, in the order of the write-up templates of the EU
# Website on Integration and the UN Migration Network Hub, with what to
# write in each.
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
SECTION_HELP = {
    "context": _(
        "help_context",
        default="The situation the practice answers: who needed what, "
        "where, and why the services at hand were not enough. Figures "
        "help (e.g. how many newcomers, how many unemployed).",
    ),
    "objectives": _(
        "help_objectives",
        default="What the practice set out to change, for whom and by "
        "when; one line per objective.",
    ),
    "activities": _(
        "help_activities",
        default="What was done, step by step: who did what, with whom, "
        "how often, and how participants were reached.",
    ),
    "results": _(
        "help_results",
        default="What came of it: outputs (people reached, sessions "
        "held) and outcomes (jobs found, language levels reached). "
        "Put the figures also under Indicators.",
    ),
    "evaluation": _(
        "help_evaluation",
        default="How you know it works: who evaluated it, how (surveys, "
        "interviews, data) and what they found, weaknesses included.",
    ),
    "transferability": _(
        "help_transferability",
        default="What another municipality needs to do the same: the "
        "conditions that made it work and what it would have to adapt.",
    ),
    "lessons_learned": _(
        "help_lessons_learned",
        default="What you would do differently, what went wrong and how "
        "you dealt with it.",
    ),
    "resources": _(
        "help_resources",
        default="Staff (how many, which skills), premises, equipment, "
        "time and money needed to run it.",
    ),
}

# The classification, on the first tab: the filters of every listing.
CLASSIFICATION = (
    "kind",
    "thematic_areas",
    "target_groups",
    "countries",
    "geographic_scope",
    "place",
)


class IIndicator(Interface):
    name = schema.TextLine(
        title=_("label_indicator_name", default="Indicator"),
        description=_(
            "help_indicator_name", default="What was measured, e.g. 'people trained'."
        ),
    )
    value = schema.TextLine(
        title=_("label_indicator_value", default="Value"),
        description=_("help_indicator_value", default="The figure, e.g. '120'."),
        required=False,
    )
    unit = schema.TextLine(
        title=_("label_indicator_unit", default="Unit"),
        description=_("help_indicator_unit", default="E.g. 'people', '%'."),
        required=False,
    )


class IPractice(model.Schema):
    """A practice, pilot project, policy or tool that others can replicate.

    Fields outside a fieldset come first, after the title and summary
    (plone.dexterity's Dublin Core behavior): the classification, which
    every listing filters on. The text sections follow on one tab, in the
    order of the templates.
    """

    # The classification after the title and summary, in this order.
    directives.order_after(kind="IDublinCore.description")
    directives.order_after(thematic_areas="kind")
    directives.order_after(target_groups="thematic_areas")
    directives.order_after(countries="target_groups")
    directives.order_after(geographic_scope="countries")
    directives.order_after(place="geographic_scope")

    kind = choice(
        "practice_kinds",
        _("label_practice_kind", default="Kind"),
        _(
            "help_practice_kind",
            default="Good practice: evaluated and shown to work. Promising "
            "practice: first results are good. Pilot project: tried once, at "
            "small scale. Policy: a rule or plan of an authority. Tool / "
            "methodology: a guide, a method or software others can use.",
        ),
        required=True,
    )
    thematic_areas = choices(
        "thematic_areas",
        _("label_thematic_areas", default="Thematic areas"),
        _(
            "help_practice_thematic_areas",
            default="Tick every area the practice works on; readers filter "
            "practices by them.",
        ),
    )
    directives.widget("thematic_areas", CHECKBOXES)
    target_groups = choices(
        "target_groups",
        _("label_target_groups", default="Target groups"),
        _(
            "help_practice_target_groups",
            default="Tick the people the practice is for.",
        ),
    )
    directives.widget("target_groups", CHECKBOXES)
    countries = choices(
        "countries",
        _("label_countries", default="Countries"),
        _(
            "help_practice_countries",
            default="Where the practice runs; type the first letters of a "
            "country to find it.",
        ),
    )
    directives.widget("countries", SEARCHABLE)
    geographic_scope = choice(
        "geographic_scopes",
        _("label_geographic_scope", default="Geographic scope"),
        _(
            "help_geographic_scope",
            default="How far it reaches: a neighbourhood or city (local), a "
            "region, a whole country, or several countries.",
        ),
    )
    place = schema.TextLine(
        title=_("label_place", default="Place"),
        description=_("help_place", default="Where it runs, e.g. 'Athens, Kypseli'."),
        required=False,
    )

    model.fieldset(
        "write_up",
        label=_("fieldset_write_up", default="Description"),
        description=_(
            "help_fieldset_write_up",
            default="The practice told so that another municipality can "
            "repeat it. Fill in what you can; empty sections are not shown.",
        ),
        fields=[name for name, _title in SECTIONS],
    )
    context = rich_text(SECTIONS[0][1], SECTION_HELP["context"])
    objectives = rich_text(SECTIONS[1][1], SECTION_HELP["objectives"])
    activities = rich_text(SECTIONS[2][1], SECTION_HELP["activities"])
    results = rich_text(SECTIONS[3][1], SECTION_HELP["results"])
    evaluation = rich_text(SECTIONS[4][1], SECTION_HELP["evaluation"])
    transferability = rich_text(SECTIONS[5][1], SECTION_HELP["transferability"])
    lessons_learned = rich_text(SECTIONS[6][1], SECTION_HELP["lessons_learned"])
    resources = rich_text(SECTIONS[7][1], SECTION_HELP["resources"])

    model.fieldset(
        "implementation",
        label=_("fieldset_implementation", default="Implementation and funding"),
        fields=[
            "status",
            "start_date",
            "end_date",
            "partners",
            "funding_sources",
            "budget",
        ],
    )
    status = choice(
        "practice_statuses",
        _("label_practice_status", default="Status"),
        _(
            "help_practice_status",
            default="Planned, ongoing or completed, as of today.",
        ),
    )
    start_date = schema.Date(
        title=_("label_start_date", default="Start"),
        description=_(
            "help_practice_start_date",
            default="When it started, or will start (day/month/year).",
        ),
        required=False,
    )
    directives.widget("start_date", DATE_WIDGET)
    end_date = schema.Date(
        title=_("label_end_date", default="End"),
        description=_(
            "help_practice_end_date",
            default="When it ended or will end; empty if it goes on.",
        ),
        required=False,
    )
    directives.widget("end_date", DATE_WIDGET)
    partners = relations(
        _("label_partners", default="Partner organisations"),
        _(
            "help_partners",
            default="The organisations it was done with. The lead "
            "organisation is the one it belongs to.",
        ),
    )
    directives.widget(
        "partners", RELATED_WIDGET, **related_items_widget(["Organisation"])
    )
    funding_sources = choices(
        "funding_sources",
        _("label_funding_sources", default="Funding sources"),
        _(
            "help_funding_sources",
            default="Tick every source that paid for it.",
        ),
    )
    directives.widget("funding_sources", CHECKBOXES)
    budget = schema.Decimal(
        title=_("label_budget", default="Budget (EUR)"),
        description=_(
            "help_budget",
            default="The total cost in euros, if you may make it public, e.g. 45000.",
        ),
        min=Decimal(0),
        required=False,
    )

    model.fieldset(
        "evaluation_links",
        label=_("fieldset_evaluation_links", default="Evaluation and links"),
        fields=["evaluation_kind", "indicators", "gcm_objectives", "inspired_by"],
    )
    evaluation_kind = choice(
        "evaluation_kinds",
        _("label_evaluation_kind", default="Kind of evaluation"),
        _(
            "help_evaluation_kind",
            default="Who evaluated it: nobody yet, your own team (internal), "
            "someone independent (external), or the participants with you "
            "(participatory).",
        ),
    )
    indicators = schema.List(
        title=_("label_indicators", default="Indicators"),
        description=_(
            "help_indicators",
            default="Optional: measured results, one per row, e.g. 'people "
            "who found a job', '35', 'people'. A row needs its indicator.",
        ),
        value_type=DictRow(title="indicator", schema=IIndicator),
        default=[],
        missing_value=[],
        required=False,
    )
    directives.widget("indicators", GRID_WIDGET)
    gcm_objectives = choices(
        "gcm_objectives",
        _("label_gcm_objectives", default="Global Compact for Migration objectives"),
        _(
            "help_gcm_objectives",
            default="The objectives of the Global Compact that the practice "
            "serves, as the UN Migration Network Hub asks; type a number "
            "or a word to find one.",
        ),
    )
    directives.widget("gcm_objectives", SEARCHABLE)
    inspired_by = relations(
        _("label_inspired_by", default="Inspired by"),
        _("help_inspired_by", default="Practices this one replicates or adapts."),
    )
    directives.widget(
        "inspired_by", RELATED_WIDGET, **related_items_widget(["Practice"])
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
