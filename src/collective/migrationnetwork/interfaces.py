"""Module where all interfaces, events and exceptions live."""

from collective.migrationnetwork import _
from collective.migrationnetwork.validation import check_text
from collective.migrationnetwork.validation import http_url
from collective.migrationnetwork.validation import tile_url
from collective.migrationnetwork.vocabularies.editable import validate_lines
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer."""


VOCABULARY_TERMS_HELP = _(
    "help_vocabulary_terms",
    default=(
        "One term a line: a stable token (lower-case letters, digits, _), "
        "then a title per language, e.g. "
        "'housing | el=Στέγαση | en=Housing'. Never change a token that "
        "content uses; change its titles instead."
    ),
)


class INetworkSettings(Interface):
    """Site-wide settings of the network portal, kept in the registry."""

    cors_allowed_origins = schema.List(
        title=_(
            "label_cors_allowed_origins", default="Origins allowed to read the API"
        ),
        description=_(
            "help_cors_allowed_origins",
            default=(
                "Web sites (scheme, host and port, e.g. https://www.athens.gr) "
                "that may read the portal's REST API from a browser. "
                "A single * allows every origin. Credentials are never shared."
            ),
        ),
        value_type=schema.ASCIILine(),
        default=["*"],
        required=False,
    )

    thematic_areas = schema.List(
        title=_("label_thematic_areas_terms", default="Thematic areas"),
        description=VOCABULARY_TERMS_HELP,
        value_type=schema.TextLine(),
        constraint=validate_lines,
        default=[
            "labour_market | el=Ένταξη στην αγορά εργασίας | en=Labour market integration",
            "education | el=Εκπαίδευση και κατάρτιση | en=Education and training",
            "language_learning | el=Εκμάθηση γλώσσας | en=Language learning",
            "housing | el=Στέγαση | en=Housing",
            "health | el=Υγεία και ψυχοκοινωνική υποστήριξη | en=Health and psychosocial support",
            "social_inclusion | el=Κοινωνική ένταξη και συνοχή | en=Social inclusion and cohesion",
            "civic_participation | el=Συμμετοχή στα κοινά | en=Civic participation",
            "intercultural_dialogue | el=Διαπολιτισμικός διάλογος και καταπολέμηση των διακρίσεων | en=Intercultural dialogue and anti-discrimination",
            "governance | el=Διακυβέρνηση και πολυεπίπεδος συντονισμός | en=Governance and multi-level coordination",
            "reception | el=Υποδοχή | en=Reception",
            "voluntary_return | el=Εθελοντική επιστροφή και επανένταξη | en=Voluntary return and reintegration",
            "information_counselling | el=Υπηρεσίες πληροφόρησης και συμβουλευτικής | en=Information and counselling services",
            "local_capacity | el=Ενδυνάμωση των τοπικών αρχών | en=Capacity building of local authorities",
            "children_minors | el=Παιδιά και ασυνόδευτοι ανήλικοι | en=Children and unaccompanied minors",
            "gender_equality | el=Ισότητα των φύλων | en=Gender equality",
        ],
        required=False,
    )

    target_groups = schema.List(
        title=_("label_target_groups_terms", default="Target groups"),
        description=VOCABULARY_TERMS_HELP,
        value_type=schema.TextLine(),
        constraint=validate_lines,
        default=[
            "third_country_nationals | el=Υπήκοοι τρίτων χωρών | en=Third-country nationals",
            "international_protection | el=Δικαιούχοι διεθνούς προστασίας | en=Beneficiaries of international protection",
            "asylum_seekers | el=Αιτούντες άσυλο | en=Asylum seekers",
            "returnees | el=Επιστρέφοντες | en=Returnees",
            "unaccompanied_minors | el=Ασυνόδευτοι ανήλικοι | en=Unaccompanied minors",
            "women | el=Γυναίκες | en=Women",
            "youth | el=Νέοι | en=Youth",
            "local_community | el=Τοπική κοινωνία | en=Local community",
            "professionals | el=Επαγγελματίες δήμων και ΜΚΟ | en=Municipal and NGO professionals",
        ],
        required=False,
    )

    language_fallback = schema.Bool(
        title=_(
            "label_language_fallback",
            default="Show items that are not translated into the reader's language",
        ),
        description=_(
            "help_language_fallback",
            default=(
                "Listings and searches in a language also find the items that "
                "exist only in another language, marked with their language."
            ),
        ),
        default=False,
        required=False,
    )

    map_tile_url = schema.TextLine(
        title=_("label_map_tile_url", default="Map tiles"),
        description=_(
            "help_map_tile_url",
            default=(
                "The address of the tile server that draws the map of "
                "members, with {z}, {x} and {y} (and {s} for a server's "
                "sub-domains). OpenStreetMap's by default; its tile usage "
                "policy asks busy sites to use a server of their own."
            ),
        ),
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        constraint=tile_url,
        required=True,
    )

    map_tile_attribution = schema.TextLine(
        title=_("label_map_tile_attribution", default="Map attribution"),
        description=_(
            "help_map_tile_attribution",
            default="The credit the tile server asks for, shown on the map.",
        ),
        default="© OpenStreetMap contributors",
        constraint=check_text,
        required=True,
    )

    map_tile_attribution_url = schema.TextLine(
        title=_("label_map_tile_attribution_url", default="Map attribution link"),
        description=_(
            "help_map_tile_attribution_url",
            default="Where the credit links to (the data's licence).",
        ),
        default="https://www.openstreetmap.org/copyright",
        constraint=http_url,
        required=False,
    )
