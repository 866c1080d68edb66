"""Vocabularies fixed in code."""

from collective.migrationnetwork import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(*terms):
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in terms]
    )


FIXED = {
    "organisation_kinds": (
        ("municipality", _("kind_municipality", default="Municipality")),
        (
            "regional_authority",
            _("kind_regional_authority", default="Regional authority"),
        ),
        (
            "national_authority",
            _("kind_national_authority", default="National authority"),
        ),
        ("ngo", _("kind_ngo", default="NGO / civil society")),
        (
            "international",
            _("kind_international", default="International organisation"),
        ),
        ("university", _("kind_university", default="University / research")),
        (
            "migrant_association",
            _(
                "kind_migrant_association",
                default="Migrant association or informal group",
            ),
        ),
        ("other", _("kind_other", default="Other")),
    ),
    "network_roles": (
        ("member", _("role_member", default="Member")),
        ("partner", _("role_partner", default="Partner")),
        ("supporter", _("role_supporter", default="Supporter")),
        ("observer", _("role_observer", default="Observer")),
    ),
    "network_scopes": (
        ("local", _("scope_local", default="Local")),
        ("national", _("scope_national", default="National")),
        ("transnational", _("scope_transnational", default="Transnational")),
    ),
    "geographic_scopes": (
        ("local", _("scope_local", default="Local")),
        ("regional", _("scope_regional", default="Regional")),
        ("national", _("scope_national", default="National")),
        ("transnational", _("scope_transnational", default="Transnational")),
    ),
    "practice_kinds": (
        ("good_practice", _("kind_good_practice", default="Good practice")),
        (
            "promising_practice",
            _("kind_promising_practice", default="Promising practice"),
        ),
        ("pilot_project", _("kind_pilot_project", default="Pilot project")),
        ("policy", _("kind_policy", default="Policy")),
        ("tool", _("kind_tool", default="Tool / methodology")),
    ),
    "practice_statuses": (
        ("planned", _("status_planned", default="Planned")),
        ("ongoing", _("status_ongoing", default="Ongoing")),
        ("completed", _("status_completed", default="Completed")),
    ),
    "funding_sources": (
        ("amif", _("funding_amif", default="AMIF")),
        ("esf_plus", _("funding_esf_plus", default="ESF+")),
        ("erdf", _("funding_erdf", default="ERDF")),
        ("eea_norway", _("funding_eea_norway", default="EEA and Norway Grants")),
        ("national", _("funding_national", default="National")),
        ("municipal", _("funding_municipal", default="Municipal")),
        ("private", _("funding_private", default="Private")),
        ("other", _("funding_other", default="Other")),
    ),
    "evaluation_kinds": (
        ("none", _("evaluation_none", default="None")),
        ("internal", _("evaluation_internal", default="Internal")),
        ("external", _("evaluation_external", default="External")),
        ("participatory", _("evaluation_participatory", default="Participatory")),
    ),
    "training_kinds": (
        ("training_course", _("kind_training_course", default="Training course")),
        ("webinar", _("kind_webinar", default="Webinar")),
        ("workshop", _("kind_workshop", default="Workshop")),
        ("seminar", _("kind_seminar", default="Seminar")),
        ("study_visit", _("kind_study_visit", default="Study visit")),
        (
            "coordination_meeting",
            _("kind_coordination_meeting", default="Coordination meeting"),
        ),
        ("conference", _("kind_conference", default="Conference")),
    ),
    "training_formats": (
        ("in_person", _("format_in_person", default="In person")),
        ("online", _("format_online", default="Online")),
        ("hybrid", _("format_hybrid", default="Hybrid")),
    ),
    "audiences": (
        ("municipal_staff", _("audience_municipal_staff", default="Municipal staff")),
        ("ngo_staff", _("audience_ngo_staff", default="NGO staff")),
        ("policy_makers", _("audience_policy_makers", default="Policy makers")),
        ("volunteers", _("audience_volunteers", default="Volunteers")),
        (
            "migrants_refugees",
            _("audience_migrants_refugees", default="Migrants and refugees"),
        ),
        ("general_public", _("audience_general_public", default="General public")),
    ),
    "gcm_objectives": tuple(
        (f"gcm{n:02d}", title)
        for n, title in enumerate(
            (
                _(
                    "gcm01",
                    default="1. Collect and utilise accurate and disaggregated data",
                ),
                _("gcm02", default="2. Minimise the adverse drivers of migration"),
                _(
                    "gcm03",
                    default="3. Provide accurate and timely information at all stages of migration",
                ),
                _(
                    "gcm04",
                    default="4. Ensure that all migrants have proof of legal identity",
                ),
                _(
                    "gcm05",
                    default="5. Enhance availability and flexibility of pathways for regular migration",
                ),
                _(
                    "gcm06",
                    default="6. Facilitate fair and ethical recruitment and decent work",
                ),
                _(
                    "gcm07",
                    default="7. Address and reduce vulnerabilities in migration",
                ),
                _(
                    "gcm08",
                    default="8. Save lives and coordinate efforts on missing migrants",
                ),
                _(
                    "gcm09",
                    default="9. Strengthen the transnational response to smuggling of migrants",
                ),
                _(
                    "gcm10",
                    default="10. Prevent, combat and eradicate trafficking in persons",
                ),
                _(
                    "gcm11",
                    default="11. Manage borders in an integrated, secure and coordinated manner",
                ),
                _(
                    "gcm12",
                    default="12. Strengthen certainty and predictability in migration procedures",
                ),
                _(
                    "gcm13",
                    default="13. Use migration detention only as a measure of last resort",
                ),
                _(
                    "gcm14",
                    default="14. Enhance consular protection, assistance and cooperation",
                ),
                _("gcm15", default="15. Provide access to basic services for migrants"),
                _(
                    "gcm16",
                    default="16. Empower migrants and societies to realise full inclusion and social cohesion",
                ),
                _(
                    "gcm17",
                    default="17. Eliminate discrimination and promote evidence-based public discourse",
                ),
                _(
                    "gcm18",
                    default="18. Invest in skills development and recognition of skills",
                ),
                _(
                    "gcm19",
                    default="19. Create conditions for migrants and diasporas to contribute to development",
                ),
                _(
                    "gcm20",
                    default="20. Promote faster, safer and cheaper transfer of remittances",
                ),
                _(
                    "gcm21",
                    default="21. Cooperate in safe and dignified return, readmission and reintegration",
                ),
                _(
                    "gcm22",
                    default="22. Establish mechanisms for the portability of social security entitlements",
                ),
                _(
                    "gcm23",
                    default="23. Strengthen international cooperation and global partnerships",
                ),
            ),
            start=1,
        )
    ),
}


def _factory(name):
    # Titles are message ids, translated when shown: one vocabulary serves
    # every request and language, instead of one built at every field bind.
    vocabulary = _vocabulary(*FIXED[name])

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory


organisation_kinds = _factory("organisation_kinds")
network_roles = _factory("network_roles")
network_scopes = _factory("network_scopes")
geographic_scopes = _factory("geographic_scopes")
practice_kinds = _factory("practice_kinds")
practice_statuses = _factory("practice_statuses")
funding_sources = _factory("funding_sources")
evaluation_kinds = _factory("evaluation_kinds")
training_kinds = _factory("training_kinds")
training_formats = _factory("training_formats")
audiences = _factory("audiences")
gcm_objectives = _factory("gcm_objectives")
