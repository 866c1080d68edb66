"""The add-on's control panel, in Classic UI and through @controlpanels."""
