"""Follows backend/config/__init__.py at 57badfd626: the settings the revisions import, read from the environment
as the application reads them (ROMM_BASE_PATH defaults to /romm; ROMM_DB_DRIVER to mariadb)."""
import os

ROMM_BASE_PATH = os.environ.get("ROMM_BASE_PATH", "/romm")
RESOURCES_BASE_PATH = f"{ROMM_BASE_PATH}/resources"
ASSETS_BASE_PATH = f"{ROMM_BASE_PATH}/assets"
ROMM_DB_DRIVER = os.environ.get("ROMM_DB_DRIVER", "mariadb")
