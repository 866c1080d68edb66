"""What the reliability tests share: the state of items around a refusal."""

import transaction


def fresh(obj):
    """``obj`` as the database has it now (after another connection's
    commit)."""
    transaction.abort()
    obj._p_jar.sync()
    return obj


def snapshot(*objects):
    """The modification time and the full state of each object, and the
    database's size: equal snapshots mean that nothing was written."""
    transaction.abort()
    db = objects[0]._p_jar.db()
    state = []
    for obj in objects:
        fresh(obj)
        state.append(
            (
                "/".join(obj.getPhysicalPath()),
                obj.modified().ISO8601(),
                obj._p_serial,
                {k: repr(v) for k, v in sorted(vars(obj).items())},
            )
        )
    return {"objects": state, "size": db.getSize(), "count": db.objectCount()}


def error_fields(answer):
    """The names of the fields a 400 answer names, whatever its shape
    (plone.restapi's list of errors, the add-on's ``errors``, ``field``)."""
    names = set()
    body = answer.json()
    error = body.get("error", body)
    for item in error.get("errors", []) or []:
        names.add(item.get("field"))
    for key in ("field", "parameter"):
        if error.get(key):
            names.add(error[key])
    message = error.get("message")
    if isinstance(message, str):
        names.add(message)
    return names


def names_field(answer, field):
    return any(field == name or field in (name or "") for name in error_fields(answer))
