"""Follows knowledge_repo/utils/types.py at 71fd3fd42d: MediumText, TEXT with MEDIUMTEXT on MySQL."""
from sqlalchemy import Text
from sqlalchemy.dialects.mysql import MEDIUMTEXT


def MediumText():
    return Text().with_variant(MEDIUMTEXT(), 'mysql')
