"""Groups are created, renamed, merged and removed with the Organisations
and Networks they belong to; ``sync_groups`` brings a site in step."""

from collective.migrationnetwork.roles.groups import EDITOR_ROLES
from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITOR_ROLES
from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITORS_GROUP
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import add_editor
from collective.migrationnetwork.roles.groups import coordinators
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import editors
from collective.migrationnetwork.roles.groups import editors_group_id
from collective.migrationnetwork.roles.groups import remove_editor
from collective.migrationnetwork.roles.groups import sync_groups
from collective.migrationnetwork.workflows import make_public
from content_builders import relation
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from Products.CMFCore.indexing import processQueue
from roles.helpers import make_user
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


def group(gid):
    return api.group.get(groupname=gid)


def title_of(gid):
    return group(gid).getProperty("title")


def members(gid):
    return set(api.portal.get_tool("portal_groups").getGroupMembers(gid))


def english_athens(portal, sample, **extra):
    with api.env.adopt_roles(["Manager"]):
        return make_public(
            api.content.create(
                container=portal["en"]["organisations"],
                type="Organisation",
                id="athens",
                title="Municipality of Athens (English)",
                kind="municipality",
                country="GR",
                language="en",
                **extra,
            )
        )


def test_site_groups_after_install(portal):
    secretariat = group(SECRETARIAT_GROUP)
    assert "Reviewer" in secretariat.getRoles()
    assert title_of(SECRETARIAT_GROUP)
    assert group(NEWSLETTER_EDITORS_GROUP) is not None
    for lang in ("el", "en"):
        section = portal[lang]["newsletters"]
        assert set(section.get_local_roles_for_userid(NEWSLETTER_EDITORS_GROUP)) == set(
            NEWSLETTER_EDITOR_ROLES
        )


def test_secretariat_and_newsletter_editors_hold_their_roles(portal):
    make_user("secretary", "Sofia Secretary")
    make_user("writer", "Nikos Writer")
    api.group.add_user(groupname=SECRETARIAT_GROUP, username="secretary")
    api.group.add_user(groupname=NEWSLETTER_EDITORS_GROUP, username="writer")
    assert "Reviewer" in api.user.get_roles(username="secretary", obj=portal["el"])
    section = portal["en"]["newsletters"]
    assert set(NEWSLETTER_EDITOR_ROLES) <= set(
        api.user.get_roles(username="writer", obj=section)
    )
    assert "Editor" not in api.user.get_roles(
        username="writer", obj=portal["en"]["organisations"]
    )
    assert api.user.has_permission(
        "collective.migrationnetwork: Add Newsletter", username="writer", obj=section
    )


# Group titles are in the site's default language (Greek here, once the
# catalogue has the prefixes): "Editors: <title>", "Coordinators: <title>".
@pytest.mark.parametrize(
    ("key", "prefixes"),
    [
        ("athens", ("Editors: ", "Συντάκτες: ")),
        ("cities", ("Coordinators: ", "Συντονιστές: ")),
    ],
)
def test_group_created_with_readable_title(sample, key, prefixes):
    obj = sample[key]
    gid = (
        editors_group_id(obj)
        if obj.portal_type == "Organisation"
        else coordinators_group_id(obj)
    )
    assert title_of(gid) in {prefix + obj.Title() for prefix in prefixes}


@pytest.mark.parametrize("key", ["athens", "cities"])
def test_group_title_follows_renames(sample, key):
    obj = sample[key]
    gid = (
        editors_group_id(obj)
        if obj.portal_type == "Organisation"
        else coordinators_group_id(obj)
    )
    obj.title = "A new name"
    notify(ObjectModifiedEvent(obj))
    assert title_of(gid).endswith(": A new name")


def test_editors_and_coordinators_listed(sample):
    for userid in ("b-editor", "a-editor", "coord"):
        make_user(userid, userid.title())
    add_editor(sample["athens"], "b-editor")
    add_editor(sample["athens"], "a-editor")
    add_editor(sample["athens"], "a-editor")  # twice: once a member
    add_coordinator(sample["cyprus"], "coord")
    assert editors(sample["athens"]) == ["a-editor", "b-editor"]
    assert editors(sample["nicosia"]) == []
    assert coordinators(sample["cyprus"]) == ["coord"]
    assert remove_editor(sample["athens"], "b-editor") is True
    assert remove_editor(sample["athens"], "b-editor") is False
    assert editors(sample["athens"]) == ["a-editor"]
    with pytest.raises(ValueError, match="nobody-here"):
        add_editor(sample["athens"], "nobody-here")


def test_registered_translation_shares_the_group(portal, sample):
    athens = sample["athens"]
    shared = editors_group_id(athens)
    make_user("greek", "Greek Editor")
    make_user("english", "English Editor")
    add_editor(athens, "greek")
    english = english_athens(portal, sample, networks=[relation(sample["cities"])])
    own = editors_group_id(english)
    assert own != shared
    add_editor(english, "english")

    ITranslationManager(athens).register_translation("en", english)

    assert editors_group_id(english) == shared
    assert group(own) is None
    assert members(shared) == {"greek", "english"}
    # The group keeps the title of the site's default language.
    assert title_of(shared).endswith(": Municipality of Athens")
    for userid in ("greek", "english"):
        for obj in (athens, english):
            assert set(EDITOR_ROLES) <= set(
                api.user.get_roles(username=userid, obj=obj)
            )
    # The catalogue knows the English organisation's team by the shared group.
    with api.env.adopt_user(username="greek"):
        draft = api.content.create(
            container=english, type="Practice", id="draft", title="Draft"
        )
    processQueue()
    with api.env.adopt_user(username="english"):
        assert [b.getObject() for b in api.content.find(UID=draft.UID())] == [draft]


def test_unlinked_translation_keeps_its_editors(portal, sample):
    athens = sample["athens"]
    make_user("greek", "Greek Editor")
    add_editor(athens, "greek")
    english = english_athens(portal, sample)
    ITranslationManager(athens).register_translation("en", english)
    shared = editors_group_id(athens)

    ITranslationManager(athens).remove_translation("en")

    assert editors_group_id(english) != shared
    assert editors(english) == ["greek"]
    assert editors(athens) == ["greek"]
    assert group(shared) is not None


def test_group_removed_with_the_last_translation(portal, sample):
    athens = sample["athens"]
    english = english_athens(portal, sample)
    ITranslationManager(athens).register_translation("en", english)
    gid = editors_group_id(athens)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(english, check_linkintegrity=False)
        assert group(gid) is not None
        api.content.delete(athens, check_linkintegrity=False)
        assert group(gid) is None
        network_gid = coordinators_group_id(sample["cyprus"])
        api.content.delete(sample["nicosia"], check_linkintegrity=False)
        api.content.delete(sample["cyprus"], check_linkintegrity=False)
        assert group(network_gid) is None


def test_copy_gets_a_group_of_its_own(portal, sample):
    make_user("greek", "Greek Editor")
    add_editor(sample["athens"], "greek")
    transaction.savepoint(optimistic=True)
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(
            source=sample["athens"], target=portal["el"]["organisations"], id="copy"
        )
    assert editors_group_id(copy) != editors_group_id(sample["athens"])
    # A copy starts as an application: its group is made when approved.
    assert api.content.get_state(copy) == "applied"
    assert group(editors_group_id(copy)) is None
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(copy, transition="approve", comment="Ok")
    assert group(editors_group_id(copy)) is not None
    assert editors(copy) == []
    assert editors(sample["athens"]) == ["greek"]


def test_sync_groups_is_idempotent_and_complete(portal, sample):
    tool = api.portal.get_tool("portal_groups")
    athens_gid = editors_group_id(sample["athens"])
    tool.removeGroup(athens_gid)
    api.group.create(groupname="organisation-editors-gone", title="Editors: gone")
    api.group.revoke_roles(groupname=SECRETARIAT_GROUP, roles=["Reviewer"])

    sync_groups(portal)

    assert title_of(athens_gid).endswith(": Municipality of Athens")
    assert group("organisation-editors-gone") is None
    assert "Reviewer" in group(SECRETARIAT_GROUP).getRoles()
    expected = {
        editors_group_id(sample[k]) for k in ("athens", "nicosia", "cardet")
    } | {coordinators_group_id(sample[k]) for k in ("cities", "cyprus")}
    assert expected <= set(tool.getGroupIds())

    processQueue()
    transaction.savepoint(optimistic=True)
    sync_groups(portal)
    assert portal._p_jar._registered_objects == []


def test_translation_made_in_the_translation_form_shares_the_group(portal, sample):
    """plone.app.multilingual's add form sets the translation group when the
    new object is added, then fires a modified event."""
    from plone.app.multilingual.interfaces import ITG
    from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
    from zope.interface import alsoProvides

    athens = sample["athens"]
    make_user("greek", "Greek Editor")
    add_editor(athens, "greek")
    request = portal.REQUEST
    alsoProvides(request, IPloneAppMultilingualInstalled)
    request.translation_info = {"tg": ITG(athens), "source_language": "el"}
    try:
        english = english_athens(portal, sample)
    finally:
        del request.translation_info
    assert ITG(english) == ITG(athens)
    assert editors_group_id(english) == editors_group_id(athens)
    assert editors(english) == ["greek"]
    groups = [g for g in api.portal.get_tool("portal_groups").getGroupIds()]
    assert len([g for g in groups if g.startswith("organisation-editors-")]) == 3
    assert set(EDITOR_ROLES) <= set(api.user.get_roles(username="greek", obj=english))
