from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import _
from collective.migrationnetwork.dashboard.settings import IDashboardSettings
from collective.migrationnetwork.interfaces import IBrowserLayer
from collective.migrationnetwork.interfaces import INetworkSettings
from collective.migrationnetwork.registrations.settings import IRegistrationSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


class IControlPanel(INetworkSettings, IDashboardSettings, IRegistrationSettings):
    """Every setting of the add-on, in one form: each interface's records
    are registered under the same prefix."""


class NetworkSettingsForm(RegistryEditForm):
    schema = IControlPanel
    schema_prefix = SETTINGS_PREFIX
    label = _("label_network_settings", default="Migration network settings")


class NetworkSettingsView(ControlPanelFormWrapper):
    form = NetworkSettingsForm


@adapter(Interface, IBrowserLayer)
class NetworkSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings through plone.restapi's @controlpanels."""

    schema = IControlPanel
    schema_prefix = SETTINGS_PREFIX
    configlet_id = "migrationnetwork-settings"
    configlet_category_id = "plone-general"
    title = _("label_network_settings", default="Migration network settings")
    group = "General"
