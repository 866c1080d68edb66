"""Demo users, from the ``users`` section of data.yaml: an editor of every
demo organisation, a coordinator of every demo network, the secretariat and
a newsletter editor, all with one password, so that the review story can be
tried as its people would.

Idempotent: an existing user is left as it is (its password, name and
e-mail may have been changed on purpose); only missing group memberships
are added, so a second load writes nothing.
"""

from collective.migrationnetwork.roles.groups import add_coordinator
from collective.migrationnetwork.roles.groups import add_editor
from collective.migrationnetwork.roles.groups import coordinators
from collective.migrationnetwork.roles.groups import editors
from collective.migrationnetwork.roles.groups import ensure_site_groups
from plone import api


EMAIL_DOMAIN = "example.org"


def _language(countries, settings):
    greek = set(settings.get("greek_countries") or ())
    return "el" if countries and countries[0] in greek else "en"


def user_specs(data, titles):
    """What each demo user is: ``{"userid", "fullname", "email",
    "language", "editor_of", "coordinator_of", "groups"}``, in a stable
    order. ``titles(section, key, language)`` gives an item's title."""
    settings = data.get("users") or {}
    roles = settings.get("roles") or {}
    specs = []

    def spec(userid, fullname, language, **target):
        specs.append(
            {
                "userid": userid,
                "fullname": fullname,
                "email": f"{userid}@{EMAIL_DOMAIN}",
                "language": language,
                "editor_of": target.get("editor_of"),
                "coordinator_of": target.get("coordinator_of"),
                "groups": list(target.get("groups") or ()),
            }
        )

    # People are greeted by name in their mails: each editor and
    # coordinator gets a name of the demo's list in their language, in
    # turn, else "<organisation> - <role>".
    names = {
        language: list(values)
        for language, values in (settings.get("names") or {}).items()
    }
    given = {}

    def fullname(section, key, language, role_key):
        choices = names.get(language) or []
        if choices:
            index = given.get(language, 0)
            given[language] = index + 1
            return choices[index % len(choices)]
        role = (roles.get(role_key) or {}).get(language, role_key)
        return f"{titles(section, key, language)} - {role}"

    for key, item in (data.get("organisations") or {}).items():
        language = _language([item.get("country")], settings)
        name = fullname("organisations", key, language, "editor")
        spec(f"editor-{key}", name, language, editor_of=key)
    for key, item in (data.get("networks") or {}).items():
        language = _language(list(item.get("countries") or ()), settings)
        name = fullname("networks", key, language, "coordinator")
        spec(f"coordinator-{key}", name, language, coordinator_of=key)
    for userid, person in (settings.get("people") or {}).items():
        spec(
            userid,
            person["fullname"],
            person.get("language", "el"),
            groups=person.get("groups"),
        )
    return specs


def load_users(portal, data, items):
    """Create the demo users of ``data`` and put them in their groups.

    ``items`` maps the key of every demo organisation and network to its
    objects by language (what the content loader made). Returns
    ``{"created": [user ids], "kept": number of users already there}``.
    """
    settings = data.get("users")
    if not settings:
        return {"created": [], "kept": 0}
    password = settings["password"]

    def titles(section, key, language):
        objects = items[key]
        return (objects.get(language) or next(iter(objects.values()))).Title()

    ensure_site_groups(portal)
    created, kept = [], 0
    for spec in user_specs(data, titles):
        userid = spec["userid"]
        if api.user.get(userid=userid) is None:
            api.user.create(
                email=spec["email"],
                username=userid,
                password=password,
                properties={"fullname": spec["fullname"], "language": spec["language"]},
            )
            created.append(userid)
        else:
            kept += 1
        _join(spec, items)
    return {"created": created, "kept": kept}


def _canonical(objects):
    return next(iter(objects.values()))


def _join(spec, items):
    userid = spec["userid"]
    if spec["editor_of"]:
        organisation = _canonical(items[spec["editor_of"]])
        if userid not in editors(organisation):
            add_editor(organisation, userid)
    if spec["coordinator_of"]:
        network = _canonical(items[spec["coordinator_of"]])
        if userid not in coordinators(network):
            add_coordinator(network, userid)
    for groupname in spec["groups"]:
        group = api.group.get(groupname=groupname)
        if group is None:
            raise ValueError(f"Demo user {userid!r}: there is no group {groupname!r}")
        if userid not in group.getGroupMemberIds():
            api.group.add_user(groupname=groupname, username=userid)
