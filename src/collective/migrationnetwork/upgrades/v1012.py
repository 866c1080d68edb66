"""1011 -> 1012: erasure and anonymisation of registrations.

- the permission *Erase personal data* for the secretariat (Reviewer),
  Site Administrators and Managers (``rolemap.xml``);
- the retention period of registrations (``IRegistrationSettings``, 24
  months), in the add-on's control panel. A value a Site Administrator
  set is kept when the step runs again.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork.registrations.settings import IRegistrationSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PROFILE = "profile-collective.migrationnetwork:default"


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "rolemap")
    getUtility(IRegistry).registerInterface(
        IRegistrationSettings, prefix=SETTINGS_PREFIX
    )
