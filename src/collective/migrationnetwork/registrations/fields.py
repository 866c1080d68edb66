"""The labels of a registration's fields, for forms, answers and exports."""

from collective.migrationnetwork import _


FIELD_TITLES = {
    "name": _("label_registration_name", default="Name"),
    "email": _("label_registration_email", default="E-mail"),
    "organisation": _("label_registration_organisation", default="Organisation"),
    "position": _("label_registration_position", default="Position"),
    "country": _("label_registration_country", default="Country"),
    "needs": _(
        "label_registration_needs",
        default="Needs (accessibility, interpretation)",
    ),
    "consent": _("label_registration_consent_short", default="Consent"),
    "status": _("label_registration_status", default="Status"),
    "attended": _("label_registration_attended", default="Attended"),
    "token": _("label_registration_token", default="Link"),
    "body": _("label_registration_body", default="Request body"),
}

STATUS_TITLES = {
    "pending": _("registration_status_pending", default="Awaiting approval"),
    "confirmed": _("registration_status_confirmed", default="Confirmed"),
    "waiting": _("registration_status_waiting", default="Waiting list"),
    "withdrawn": _("registration_status_withdrawn", default="Withdrawn"),
    "declined": _("registration_status_declined", default="Declined"),
}

# The organisers' buttons on a registration.
ACTION_TITLES = {
    "confirm": _("button_registration_confirm", default="Confirm"),
    "decline": _("button_registration_decline", default="Decline"),
    "withdraw": _("button_registration_withdraw", default="Withdraw"),
    "attended": _("button_registration_attended", default="Present"),
    "absent": _("button_registration_absent", default="Absent"),
}
