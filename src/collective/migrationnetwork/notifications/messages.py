"""What each kind of notification says: one set of message ids per kind.

Every text is a message id with an English default, translated into the
recipient's language when the mail is composed (``mail.compose``). The
mappings may use:

``site``          the site's title
``title``         the item's (or the organisation's) title
``type``          the item's type, translated (Practice, Training, ...)
``organisation``  the title of the item's organisation
``actor``         the full name of whoever ran the transition
``name``          the applicant's name, ``email`` the applicant's e-mail
``network``       the title of the network applied to
``user``          a login name
``transition``    the title of a workflow transition, ``state`` of a state

``subject`` and ``body`` are required; ``comment_label`` heads the comment
(the reviewer's comment, the applicant's message, the reason of a decline)
when there is one; ``link_label`` names the link (to the item, or where the
applicant sets a password).
"""

from collective.migrationnetwork import _


GREETING = _("mail_greeting", default="Hello ${name},")
GREETING_ANONYMOUS = _("mail_greeting_anonymous", default="Hello,")
FOOTER = _(
    "mail_footer",
    default="This message was sent automatically by ${site}. Please do not "
    "reply to it.",
)
COMMENT_LABEL = _("mail_comment_label", default="Comment from ${actor}:")
LINK_LABEL = _("mail_link_label", default="Open it")


KINDS = {
    "submitted": {
        "subject": _("mail_submitted_subject", default="For review: ${title}"),
        "body": _(
            "mail_submitted_body",
            default="${actor} submitted \u201c${title}\u201d (${type}, "
            "${organisation}) for review. It waits for your endorsement "
            "before the network secretariat publishes it.",
        ),
        "link_label": _("mail_link_review", default="Review it"),
    },
    "endorsed": {
        "subject": _("mail_endorsed_subject", default="Endorsed, to publish: ${title}"),
        "body": _(
            "mail_endorsed_body",
            default="${actor} endorsed \u201c${title}\u201d (${type}, "
            "${organisation}). It waits for the network secretariat to "
            "publish it.",
        ),
        "link_label": _("mail_link_review", default="Review it"),
    },
    "changes_requested": {
        "subject": _(
            "mail_changes_requested_subject", default="Changes requested: ${title}"
        ),
        "body": _(
            "mail_changes_requested_body",
            default="${actor} asked for changes to \u201c${title}\u201d "
            "(${type}, ${organisation}). It is back in draft: edit it and "
            "submit it again.",
        ),
        "link_label": _("mail_link_edit", default="Edit it"),
    },
    "published": {
        "subject": _("mail_published_subject", default="Published: ${title}"),
        "body": _(
            "mail_published_body",
            default="${actor} published \u201c${title}\u201d (${type}, "
            "${organisation}). It is now public.",
        ),
        "link_label": _("mail_link_view", default="See it"),
    },
    # A transition's comment, to the authors that its notice does not reach
    # (subscribers.comment_to_authors); ``transition`` and ``state`` are the
    # workflow's titles.
    "review_comment": {
        "subject": _(
            "mail_review_comment_subject",
            default="A comment on ${title} (${transition})",
        ),
        "body": _(
            "mail_review_comment_body",
            default="${actor} wrote a comment on \u201c${title}\u201d (${type}, "
            "${organisation}) at the step \u201c${transition}\u201d. Its state "
            "is now \u201c${state}\u201d.",
        ),
        "link_label": _("mail_link_view", default="See it"),
    },
    "newsletter_review_comment": {
        "subject": _(
            "mail_newsletter_review_comment_subject",
            default="A comment on the newsletter ${title} (${transition})",
        ),
        "body": _(
            "mail_newsletter_review_comment_body",
            default="${actor} wrote a comment on the newsletter "
            "\u201c${title}\u201d at the step \u201c${transition}\u201d. Its "
            "state is now \u201c${state}\u201d.",
        ),
        "link_label": _("mail_link_view", default="See it"),
    },
    "checked_in": {
        "subject": _(
            "mail_checked_in_subject", default="Your changes are published: ${title}"
        ),
        "body": _(
            "mail_checked_in_body",
            default="${actor} published the changes proposed to "
            "\u201c${title}\u201d (${type}, ${organisation}). The public page "
            "now shows them.",
        ),
        "link_label": _("mail_link_view", default="See it"),
    },
    "newsletter_submitted": {
        "subject": _(
            "mail_newsletter_submitted_subject",
            default="Newsletter for approval: ${title}",
        ),
        "body": _(
            "mail_newsletter_submitted_body",
            default="${actor} submitted the newsletter \u201c${title}\u201d "
            "for approval.",
        ),
        "link_label": _("mail_link_review", default="Review it"),
    },
    "newsletter_changes_requested": {
        "subject": _(
            "mail_newsletter_changes_requested_subject",
            default="Changes requested to the newsletter: ${title}",
        ),
        "body": _(
            "mail_newsletter_changes_requested_body",
            default="${actor} asked for changes to the newsletter "
            "\u201c${title}\u201d. It is back in draft: edit it and submit it "
            "again.",
        ),
        "link_label": _("mail_link_edit", default="Edit it"),
    },
    "application_received": {
        "subject": _(
            "mail_application_received_subject",
            default="Application to join ${network}: ${title}",
        ),
        "body": _(
            "mail_application_received_body",
            default="${name} (${email}) applied for \u201c${title}\u201d to "
            "join ${network}. Approve or decline the application.",
        ),
        "comment_label": _(
            "mail_application_message_label", default="Message from the applicant:"
        ),
        "link_label": _("mail_link_application", default="See the application"),
    },
    "application_acknowledged": {
        "subject": _(
            "mail_application_acknowledged_subject",
            default="We received your application: ${title}",
        ),
        "body": _(
            "mail_application_acknowledged_body",
            default="Thank you for applying for \u201c${title}\u201d to join "
            "${network}. The network's coordinators will review the "
            "application; we will write to you when they decide.",
        ),
    },
    "membership_approved": {
        "subject": _(
            "mail_membership_approved_subject",
            default="Welcome to ${site}: ${title}",
        ),
        "body": _(
            "mail_membership_approved_body",
            default="The application of \u201c${title}\u201d was approved. You "
            "are now an editor of its profile, its practices and its "
            "trainings. Your username is \u201c${user}\u201d. Open the link, "
            "enter your username and choose a password: you will log in with "
            "both.",
        ),
        "link_label": _("mail_link_set_password", default="Choose your password"),
    },
    "membership_declined": {
        "subject": _(
            "mail_membership_declined_subject",
            default="Your application: ${title}",
        ),
        "body": _(
            "mail_membership_declined_body",
            default="We are sorry: the application of \u201c${title}\u201d to "
            "join the network was declined.",
        ),
        "comment_label": _("mail_reason_label", default="The reason:"),
    },
    # accounts/invitation.py: the address of an approved application
    # already has an account, whose owner must accept.
    "membership_invited": {
        "subject": _(
            "mail_membership_invited_subject",
            default="Invitation to edit ${title} on ${site}",
        ),
        "body": _(
            "mail_membership_invited_body",
            default="The application of \u201c${title}\u201d was approved. "
            "Its e-mail address already belongs to your account "
            "\u201c${user}\u201d on ${site}. Open the link to become an "
            "editor of the organisation's profile, practices and trainings. "
            "If you did not apply, ignore this message: nothing changes.",
        ),
        "link_label": _("mail_link_accept_invitation", default="Accept the invitation"),
    },
    # accounts/email_change.py: a member gave a new e-mail address.
    "email_change": {
        "subject": _(
            "mail_email_change_subject",
            default="Confirm your new e-mail address on ${site}",
        ),
        "body": _(
            "mail_email_change_body",
            default="The account \u201c${user}\u201d on ${site} asked to use "
            "this e-mail address from now on. Open the link within two days "
            "to confirm it. If it was not you, ignore this message: the "
            "account keeps its current address.",
        ),
        "link_label": _("mail_link_confirm_email", default="Confirm the address"),
    },
    # dashboard/stale.py: a coordinator or the secretariat asks the
    # editors to confirm their organisation's profile.
    "profile_update": {
        "subject": _(
            "mail_profile_update_subject",
            default="Is the profile of ${title} still correct?",
        ),
        "body": _(
            "mail_profile_update_body",
            default="${actor} asks you to check that the profile and the "
            "contact points of \u201c${title}\u201d on ${site} are still "
            "correct. If they are, confirm them on the page of the link "
            "(valid for 30 days); if not, correct the profile first, then "
            "confirm it.",
        ),
        "link_label": _("mail_link_confirm_profile", default="Confirm the profile"),
    },
}
