"""Installer for collective.migrationnetwork.

The metadata lives in pyproject.toml (PEP 621). This file exists so that
tools that still call ``setup.py develop`` (zc.buildout's ``develop``) can
install the package from a checkout.
"""

from setuptools import setup


setup()
