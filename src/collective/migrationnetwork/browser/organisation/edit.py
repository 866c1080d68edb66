"""The Organisation's edit form: editors see the fields that decide who
reviews their work (``networks``, ``network_role``, ``joined``) but cannot
change them.

plone.autoform leaves a field out of an edit form when the user lacks its
write permission; here those fields come back in display mode, in their
own fieldset, so that an organisation's editors know which networks they
belong to and whom to ask. The values are never read from the request:
display widgets submit nothing, and the REST deserializer refuses them.
"""

from collective.migrationnetwork.content.organisation import MEMBERSHIP_FIELDS
from collective.migrationnetwork.content.organisation import IOrganisation
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from z3c.form import field
from z3c.form.interfaces import DISPLAY_MODE
from zope.interface import classImplements


class OrganisationEditForm(DefaultEditForm):
    def updateFields(self):
        super().updateFields()
        present = {name for form in (self, *self.groups) for name in form.fields}
        missing = [name for name in MEMBERSHIP_FIELDS if name not in present]
        if not missing:
            return
        shown = field.Fields(IOrganisation).select(*missing)
        for name in missing:
            shown[name].mode = DISPLAY_MODE
        for group in self.groups:
            if group.__name__ == "membership":
                group.fields = shown + group.fields
                return
        self.fields += shown


OrganisationEditView = layout.wrap_form(OrganisationEditForm)
classImplements(OrganisationEditView, IDexterityEditForm)
