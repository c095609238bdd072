"""Utility Center for Warehouse Pro <-> CloudCart."""

__version__ = "0.1.0"
APP_NAME = "UtilityCenter"
