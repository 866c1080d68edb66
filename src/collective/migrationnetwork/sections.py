"""The sections of every language root: networks/, organisations/, ..."""

from collective.migrationnetwork import _
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.i18n import translate


# id, title, description, addable types, layout
SECTIONS = (
    (
        "networks",
        _("section_networks", default="Networks"),
        _("section_networks_help", default="The networks and sub-networks."),
        ("Network",),
        None,
    ),
    (
        "organisations",
        _("section_organisations", default="Organisations"),
        _("section_organisations_help", default="The member organisations."),
        ("Organisation",),
        "organisations-listing",
    ),
    (
        "practices",
        _("section_practices", default="Practices"),
        _(
            "section_practices_help",
            default="Good practices that others can replicate.",
        ),
        (),
        "practices-listing",
    ),
    (
        "trainings",
        _("section_trainings", default="Trainings"),
        _("section_trainings_help", default="Trainings, webinars and study visits."),
        (),
        "trainings-listing",
    ),
    (
        "resources",
        _("section_resources", default="Resources"),
        _(
            "section_resources_help",
            default="Memoranda, reports and other documents of the networks "
            "and their members.",
        ),
        (),
        "resources-listing",
    ),
    (
        "newsletters",
        _("section_newsletters", default="Newsletters"),
        _("section_newsletters_help", default="The newsletter archive."),
        ("Newsletter",),
        None,
    ),
)


def language_roots(portal):
    for code in api.portal.get_registry_record("plone.available_languages"):
        root = portal.get(code)
        if root is not None:
            yield code, root


def ensure_sections(portal):
    """Create missing sections in every language root and link them as
    translations of each other. Idempotent."""
    by_section = {}
    for code, root in language_roots(portal):
        for section_id, title, description, addable, layout in SECTIONS:
            section = root.get(section_id)
            if section is None:
                section = api.content.create(
                    container=root,
                    type="Folder",
                    id=section_id,
                    title=translate(title, target_language=code),
                    description=translate(description, target_language=code),
                    language=code,
                )
                constraints = ISelectableConstrainTypes(section)
                constraints.setConstrainTypesMode(ENABLED)
                constraints.setLocallyAllowedTypes(list(addable))
                constraints.setImmediatelyAddableTypes(list(addable))
                if layout:
                    section.setLayout(layout)
                if api.content.get_state(section) != "published":
                    api.content.transition(section, to_state="published")
            by_section.setdefault(section_id, []).append((code, section))
    for sections in by_section.values():
        (_code, first), *others = sections
        manager = ITranslationManager(first)
        for code, other in others:
            if manager.get_translation(code) is None:
                manager.register_translation(code, other)
    return by_section
