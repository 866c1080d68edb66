"""The Practice's add and edit forms: the classification on the first tab,
called *Essentials* rather than plone.autoform's *Default*, and a help
text on the fields that come from Plone's behaviors (title, summary, lead
image), saying what to write, as the schema's own fields have.

The fields and their order are the schema's (``content/practice.py``);
these forms only name the first fieldset and word the behaviors' help.
"""

from collective.migrationnetwork import _
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from zope.interface import classImplements


BEHAVIOR_HELP = {
    "IDublinCore.title": _(
        "help_practice_title",
        default="A short name that says what the practice does and where, "
        "e.g. 'Job mentoring for refugee women in Athens'.",
    ),
    "IDublinCore.description": _(
        "help_practice_summary",
        default="Two or three sentences: what the practice is, for whom, and "
        "what came of it. Shown in listings and search results.",
    ),
    "ILeadImageBehavior.image": _(
        "help_practice_image",
        default="A photograph of the practice at work, shown on its page and "
        "in listings; only with the consent of the people in it.",
    ),
    "ILeadImageBehavior.image_caption": _(
        "help_practice_image_caption",
        default="What the photograph shows, and who took it.",
    ),
}


class PracticeFormMixin:
    default_fieldset_label = _("fieldset_practice_essentials", default="Essentials")

    def update(self):
        super().update()
        # The groups' widgets exist only once the form is updated.
        for form in (self, *self.groups):
            for name, widget in form.widgets.items():
                if name in BEHAVIOR_HELP:
                    widget.description = BEHAVIOR_HELP[name]


class PracticeAddForm(PracticeFormMixin, DefaultAddForm):
    pass


class PracticeAddView(DefaultAddView):
    form = PracticeAddForm


class PracticeEditForm(PracticeFormMixin, DefaultEditForm):
    pass


PracticeEditView = layout.wrap_form(PracticeEditForm)
classImplements(PracticeEditView, IDexterityEditForm)
