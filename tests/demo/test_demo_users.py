"""The demo users: an editor of every demo organisation, a coordinator of
every demo network, the secretariat and a newsletter editor, with the
documented password, and the powers their groups give them."""

from collective.migrationnetwork.demo import load_demo
from collective.migrationnetwork.demo import read_data
from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITORS_GROUP
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import coordinators
from collective.migrationnetwork.roles.groups import editors
from plone import api

import pytest


DATA = read_data()
PASSWORD = DATA["users"]["password"]
ORGANISATIONS = sorted(DATA["organisations"])
NETWORKS = sorted(DATA["networks"])
ENDORSE = "collective.migrationnetwork: Endorse content"


def organisation(portal, key, lang="el"):
    return portal[lang]["organisations"][key]


def network(portal, key, lang="el"):
    return portal[lang]["networks"][key]


def all_userids():
    return (
        [f"editor-{key}" for key in ORGANISATIONS]
        + [f"coordinator-{key}" for key in NETWORKS]
        + ["secretariat", "newsletter-editor"]
    )


class TestDemoUsers:
    """In one class, so that the demo layer of this folder, which is set up
    for each module-level test, is loaded once for all of these."""

    def test_password_passes_plone_rules(self, portal):
        registration = api.portal.get_tool("portal_registration")
        assert registration.testPasswordValidity(PASSWORD) is None

    def test_every_demo_user_is_created_once(self, portal, demo):
        assert sorted(demo["users"]["created"]) == sorted(all_userids())
        assert demo["users"]["kept"] == 0

    @pytest.mark.parametrize("userid", all_userids())
    def test_user_can_log_in_and_has_a_profile(self, portal, demo, userid):
        request = portal.REQUEST
        user = portal.acl_users.authenticate(userid, PASSWORD, request)
        assert user is not None
        assert portal.acl_users.authenticate(userid, "wrong-password", request) is None
        member = api.user.get(userid=userid)
        assert member.getProperty("email") == f"{userid}@example.org"
        assert member.getProperty("fullname")
        assert member.getProperty("language") in ("el", "en")

    def test_languages_greek_for_most_english_for_some(self, portal, demo):
        languages = {
            userid: api.user.get(userid=userid).getProperty("language")
            for userid in all_userids()
        }
        greek = [u for u, lang in languages.items() if lang == "el"]
        english = [u for u, lang in languages.items() if lang == "en"]
        assert len(greek) > len(english) > 0
        assert languages["editor-athens"] == "el"
        assert languages["editor-university-of-nicosia"] == "el"
        assert languages["editor-iom"] == "en"  # Geneva
        assert languages["editor-velenje"] == "en"

    def test_people_are_named_as_people(self, portal, demo):
        """Mails greet them by name: a person's, in their language, never
        "<organisation> - <role>"."""
        names = {
            userid: api.user.get(userid=userid).getProperty("fullname")
            for userid in all_userids()
        }
        assert names["editor-athens"] == "Ελένη Παπαδοπούλου"
        assert names["editor-citta-di-castello"] == "Sofia Rossi"
        for userid, name in names.items():
            if userid.startswith(("editor-", "coordinator-")):
                assert " - " not in name, (userid, name)
                assert len(name.split()) >= 2, (userid, name)

    @pytest.mark.parametrize("key", ORGANISATIONS)
    def test_editor_edits_own_organisation_in_both_languages(self, portal, demo, key):
        userid = f"editor-{key}"
        assert editors(organisation(portal, key)) == [userid]
        for lang in ("el", "en"):
            roles = api.user.get_roles(
                username=userid, obj=organisation(portal, key, lang)
            )
            assert {"Editor", "Contributor", "Reader"} <= set(roles)
        other = "athens" if key != "athens" else "larissa"
        assert "Editor" not in api.user.get_roles(
            username=userid, obj=organisation(portal, other)
        )

    @pytest.mark.parametrize("key", NETWORKS)
    def test_coordinator_of_each_network(self, portal, demo, key):
        userid = f"coordinator-{key}"
        assert coordinators(network(portal, key)) == [userid]
        members = [
            org_key
            for org_key, item in DATA["organisations"].items()
            if key in (item.get("networks") or ())
        ]
        for org_key in members:
            assert "Coordinator" in api.user.get_roles(
                username=userid, obj=organisation(portal, org_key, "en")
            )

    @pytest.mark.parametrize(
        ("userid", "org", "allowed"),
        [
            ("coordinator-cyprus-network", "paphos", True),
            ("coordinator-cyprus-network", "cardet", False),
            ("coordinator-cyprus-network", "athens", False),
            ("coordinator-cities-network", "athens", True),
            ("coordinator-cities-network", "cardet", False),
            ("coordinator-paphos-local-network", "paphos-migrant-association", True),
            # The Paphos local network is a sub-network of the Cyprus network.
            ("coordinator-cyprus-network", "paphos-migrant-association", True),
            ("coordinator-mediterranean-return-network", "cardet", True),
            ("secretariat", "cardet", True),
            ("editor-athens", "athens", False),
            ("newsletter-editor", "athens", False),
        ],
    )
    def test_who_may_endorse_a_submitted_practice(
        self, portal, demo, userid, org, allowed
    ):
        with api.env.adopt_roles(["Manager"]):
            practice = api.content.create(
                container=organisation(portal, org),
                type="Practice",
                id="submitted",
                title="Submitted",
            )
            api.content.transition(practice, transition="submit")
        assert (
            api.user.has_permission(ENDORSE, username=userid, obj=practice) is allowed
        )

    def test_secretariat_and_newsletter_editor(self, portal, demo):
        group_tool = api.portal.get_tool("portal_groups")
        assert "secretariat" in group_tool.getGroupMembers(SECRETARIAT_GROUP)
        assert "newsletter-editor" in group_tool.getGroupMembers(
            NEWSLETTER_EDITORS_GROUP
        )
        assert "Reviewer" in api.user.get_roles(
            username="secretariat", obj=portal["en"]
        )
        for lang in ("el", "en"):
            section = portal[lang]["newsletters"]
            assert "Editor" in api.user.get_roles(
                username="newsletter-editor", obj=section
            )
            assert api.user.has_permission(
                "collective.migrationnetwork: Add Newsletter",
                username="newsletter-editor",
                obj=section,
            )

    def test_second_load_keeps_users_as_they_are(self, portal, demo):
        api.user.get(userid="editor-athens").setMemberProperties(
            {"fullname": "Renamed on purpose"}
        )
        again = load_demo(portal)
        assert again["users"] == {"created": [], "kept": len(all_userids())}
        assert api.user.get(userid="editor-athens").getProperty("fullname") == (
            "Renamed on purpose"
        )

    def test_a_removed_membership_is_restored(self, portal, demo):
        api.group.remove_user(groupname=SECRETARIAT_GROUP, username="secretariat")
        load_demo(portal)
        assert "secretariat" in api.portal.get_tool("portal_groups").getGroupMembers(
            SECRETARIAT_GROUP
        )
