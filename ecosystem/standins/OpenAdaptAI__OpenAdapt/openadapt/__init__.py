"""Stands in for openadapt (legacy/openadapt): its revisions use openadapt.models.ForceFloat as an attribute."""
from openadapt import models  # noqa: F401  (`import openadapt` then `openadapt.models.ForceFloat`)
