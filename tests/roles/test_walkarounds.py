"""The review chain cannot be walked around (issue #14), over HTTP, step by
step as the outside tester tried it: an editor choosing their reviewers,
breaking their own page, handing out rights past the team, and keeping
rights after leaving the team."""

from plone import api
from plone.app.testing import setRoles
from roles.helpers import PASSWORD
from roles.helpers import make_people
from roles.helpers import mock_mailhost

import datetime
import pytest
import re
import transaction


ATHENS = "/el/organisations/athens"


@pytest.fixture
def site(functional, functional_sample):
    portal = functional["portal"]
    make_people(functional_sample)
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="siteadmin@example.org",
            username="siteadmin",
            password=PASSWORD,
        )
    setRoles(portal, "siteadmin", ["Site Administrator", "Member"])
    mock_mailhost(portal)
    transaction.commit()
    return {"portal": portal, **functional_sample}


def rest(http, userid):
    return http(auth=(userid, PASSWORD), json=True)


def athens():
    transaction.begin()
    return api.portal.get().el.organisations.athens


def network_uids(organisation):
    return [relation.to_object.UID() for relation in organisation.networks or ()]


def state_of(organisation):
    return {
        "networks": network_uids(organisation),
        "network_role": organisation.network_role,
        "joined": organisation.joined,
        "layout": organisation.getLayout(),
        "modified": organisation.modified(),
    }


# 1. Editors choose their reviewers


def bodies(site):
    return {
        "networks": [site["cyprus"].UID()],
        "network_role": "observer",
        "joined": "2020-01-01",
    }


@pytest.mark.parametrize("field", ["networks", "network_role", "joined"])
def test_editor_may_not_change_who_reviews(site, http, field):
    before = state_of(athens())
    answer = rest(http, "editor-athens").patch(
        ATHENS, json={field: bodies(site)[field]}
    )
    assert answer.status_code == 403, answer.text
    assert answer.json()["type"] == "Forbidden"
    assert f"'{field}'" in answer.json()["message"]
    assert state_of(athens()) == before


def test_editor_refused_with_other_fields_saves_none_of_them(site, http):
    before = athens().Title()
    answer = rest(http, "editor-athens").patch(
        ATHENS, json={"title": "Taken over", "networks": [site["cyprus"].UID()]}
    )
    assert answer.status_code == 403
    assert athens().Title() == before


def test_editor_may_send_back_the_value_it_has(site, http):
    """A client that sends the whole form back is not refused for fields it
    left as they were."""
    organisation = athens()
    answer = rest(http, "editor-athens").patch(
        ATHENS,
        json={
            "title": "Municipality of Athens (new)",
            "networks": network_uids(organisation),
            "network_role": organisation.network_role,
        },
    )
    assert answer.status_code == 204, answer.text
    assert athens().Title() == "Municipality of Athens (new)"


def test_the_refusal_is_in_the_users_language(site, http):
    session = rest(http, "editor-athens")
    session.headers["Accept-Language"] = "el"
    answer = session.patch(ATHENS, json={"networks": [site["cyprus"].UID()]})
    assert answer.status_code == 403
    assert "'networks'" in answer.json()["message"]
    assert "You may not" not in answer.json()["message"]


@pytest.mark.parametrize("userid", ["coordinator-cities", "secretary", "siteadmin"])
def test_reviewers_change_the_networks(site, http, userid):
    cyprus = site["cyprus"].UID()
    answer = rest(http, userid).patch(
        ATHENS, json={"networks": [cyprus], "joined": "2021-03-01"}
    )
    assert answer.status_code == 204, answer.text
    organisation = athens()
    assert network_uids(organisation) == [cyprus]
    assert organisation.joined == datetime.date(2021, 3, 1)


def test_the_edit_form_shows_the_fields_read_only_to_editors(site, http):
    page = http(auth=("editor-athens", PASSWORD)).get(f"{ATHENS}/@@edit")
    assert page.status_code == 200
    assert 'id="form-widgets-networks"' in page.text  # shown
    assert not re.search(r'\sname="form\.widgets\.network', page.text)  # no input
    assert "Cities Network for Integration" in page.text
    assert 'name="form.widgets.IDublinCore.title"' in page.text


def test_an_edit_form_post_by_an_editor_keeps_the_networks(site, http):
    before = network_uids(athens())
    session = http(auth=("editor-athens", PASSWORD))
    page = session.get(f"{ATHENS}/@@edit")
    token = re.search(r'data-token="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{ATHENS}/@@edit",
        data={
            "_authenticator": token,
            "form.widgets.IDublinCore.title": "Athens (edited)",
            "form.widgets.kind:list": "municipality",
            "form.widgets.country:list": "GR",
            "form.widgets.networks": site["cyprus"].UID(),
            "form.buttons.save": "Save",
        },
    )
    assert answer.status_code == 200
    assert athens().Title() == "Athens (edited)"
    assert network_uids(athens()) == before


def test_the_edit_form_offers_the_fields_to_coordinators(site, http):
    page = http(auth=("coordinator-cities", PASSWORD)).get(f"{ATHENS}/@@edit")
    assert page.status_code == 200
    assert 'name="form.widgets.networks"' in page.text


# 5. Editors break their own page


def test_editor_may_not_change_the_layout(site, http):
    before = state_of(athens())
    answer = rest(http, "editor-athens").patch(ATHENS, json={"layout": "manage_main"})
    assert answer.status_code == 403, answer.text
    assert "'layout'" in answer.json()["message"]
    assert state_of(athens()) == before
    page = http().get(ATHENS, allow_redirects=False)
    assert page.status_code == 200


@pytest.mark.parametrize("layout", ["manage_main", "folder_contents", ["view"]])
def test_site_administrator_chooses_only_a_view_of_the_type(site, http, layout):
    before = athens().getLayout()
    answer = rest(http, "siteadmin").patch(ATHENS, json={"layout": layout})
    assert answer.status_code == 400, answer.text
    assert "'layout'" in answer.json()["message"]
    assert athens().getLayout() == before


def test_editor_has_no_display_menu(site, http):
    page = http(auth=("editor-athens", PASSWORD)).get(ATHENS)
    assert page.status_code == 200
    assert "plone-contentmenu-display" not in page.text


# 2. Rights handed out past the team


def sharing_body():
    return {
        "entries": [
            {"id": "member", "type": "user", "roles": {"Editor": True, "Reader": True}}
        ],
        "inherit": False,
    }


@pytest.mark.parametrize("userid", ["editor-athens", "coordinator-cities"])
def test_sharing_is_refused_to_the_team_and_coordinators(site, http, userid):
    answer = rest(http, userid).post(f"{ATHENS}/@sharing", json=sharing_body())
    assert answer.status_code == 403, answer.text
    assert "«Ομάδα»" in answer.json()["message"]
    organisation = athens()
    assert organisation.get_local_roles_for_userid("member") == ()
    assert not getattr(organisation, "__ac_local_roles_block__", False)


def test_the_sharing_page_is_refused_to_editors(site, http):
    page = http(auth=("editor-athens", PASSWORD)).get(
        f"{ATHENS}/@@sharing", allow_redirects=False
    )
    assert page.status_code in (302, 401)  # Plone's login form: insufficient
    if page.status_code == 302:
        assert "require_login" in page.headers["Location"]
    tab = http(auth=("editor-athens", PASSWORD)).get(ATHENS)
    assert f"{ATHENS}/@@sharing" not in tab.text


def test_sharing_a_practice_is_refused_to_its_editor(site, http):
    answer = rest(http, "editor-athens").post(
        f"{ATHENS}/job-mentoring/@sharing", json=sharing_body()
    )
    assert answer.status_code == 403, answer.text
    assert "«Ομάδα»" in answer.json()["message"]
    transaction.begin()
    practice = athens()["job-mentoring"]
    assert practice.get_local_roles_for_userid("member") == ()


def test_the_sharing_refusal_is_in_greek(site, http):
    session = rest(http, "editor-athens")
    session.headers["Accept-Language"] = "el"
    answer = session.post(f"{ATHENS}/@sharing", json=sharing_body())
    assert answer.status_code == 403
    assert "ομάδα" in answer.json()["message"]


def test_site_administrators_keep_sharing(site, http):
    answer = rest(http, "siteadmin").post(f"{ATHENS}/@sharing", json=sharing_body())
    assert answer.status_code == 204, answer.text
    assert "Editor" in athens().get_local_roles_for_userid("member")


def test_the_member_shared_with_by_an_editor_cannot_write(site, http):
    rest(http, "editor-athens").post(f"{ATHENS}/@sharing", json=sharing_body())
    answer = rest(http, "member").post(
        ATHENS, json={"@type": "Practice", "title": "Not theirs"}
    )
    assert answer.status_code == 401
    assert "not-theirs" not in athens().objectIds()


# 2. Leaving the team leaves no right behind


def test_removed_editor_keeps_no_right(site, http):
    editor = rest(http, "editor-athens")
    created = editor.post(
        ATHENS,
        json={
            "@type": "Practice",
            "id": "own-draft",
            "title": "Own draft",
            "kind": "good_practice",
            "status": "ongoing",
            "countries": ["GR"],
        },
    )
    assert created.status_code == 201, created.text
    assert "Owner" in athens()["own-draft"].get_local_roles_for_userid("editor-athens")

    removed = rest(http, "coordinator-cities").delete(f"{ATHENS}/@team/editor-athens")
    assert removed.status_code == 204, removed.text

    organisation = athens()
    assert organisation["own-draft"].get_local_roles_for_userid("editor-athens") == ()
    title = organisation.Title()
    assert editor.patch(ATHENS, json={"title": "Still mine"}).status_code == 401
    assert editor.patch(f"{ATHENS}/own-draft", json={"title": "x"}).status_code == 401
    added = editor.post(ATHENS, json={"@type": "Practice", "title": "After leaving"})
    assert added.status_code == 401
    organisation = athens()
    assert organisation.Title() == title
    assert organisation["own-draft"].Title() == "Own draft"
    assert "after-leaving" not in organisation.objectIds()


# 6. Members see what their work needs


VOCABULARIES = [
    "plone.app.vocabularies.Users",
    "plone.app.vocabularies.Groups",
    "plone.app.vocabularies.Principals",
]


@pytest.mark.parametrize("name", VOCABULARIES)
@pytest.mark.parametrize("userid", ["member", "editor-athens"])
def test_members_do_not_list_the_sites_people(site, http, userid, name):
    session = rest(http, userid)
    answer = session.get(f"/el/@vocabularies/{name}", params={"title": "e"})
    assert answer.status_code == 403, answer.text
    classic = http(auth=(userid, PASSWORD)).get(
        "/el/@@getVocabulary", params={"name": name, "query": "e"}
    )
    # plone.app.content answers a refused lookup with 200 and an error.
    assert classic.status_code == 200
    assert classic.json()["error"] == "Vocabulary lookup not allowed"
    assert "editor-athens" not in classic.text


@pytest.mark.parametrize("userid", ["secretary", "siteadmin"])
def test_those_who_manage_teams_list_people(site, http, userid):
    answer = rest(http, userid).get(
        "/el/@vocabularies/plone.app.vocabularies.Users", params={"title": "Maria"}
    )
    assert answer.status_code == 200, answer.text
    assert "editor-athens" in [item["token"] for item in answer.json()["items"]]


def test_coordinators_list_people_where_they_manage_the_team(site, http):
    answer = rest(http, "coordinator-cities").get(
        f"{ATHENS}/@vocabularies/plone.app.vocabularies.Users",
        params={"title": "Maria"},
    )
    assert answer.status_code == 200, answer.text


def test_an_application_has_no_editors_group_until_approved(site, http):
    from collective.migrationnetwork.roles.groups import editors_group_id

    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            container=site["portal"].el.organisations,
            type="Organisation",
            id="applicant",
            title="Applicant NGO",
            kind="ngo",
            country="GR",
        )
        application.reindexObject()
        gid = editors_group_id(application)
        assert api.content.get_state(application) == "applied"
        assert api.group.get(groupname=gid) is None
        api.content.transition(application, transition="approve", comment="Ok")
        assert api.group.get(groupname=gid) is not None
