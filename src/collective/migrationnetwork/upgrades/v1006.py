"""1005 -> 1006: registrations for trainings.

Imports the role map (who manages a training's registrations, who sees its
online link) and the actions (the *Registrations* tab of a training). The
registrations themselves live in a store of their own
(``registrations/store.py``), made when the first person registers.
"""

PROFILE = "profile-collective.migrationnetwork:default"


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "rolemap")
    setup_tool.runImportStepFromProfile(PROFILE, "actions")
