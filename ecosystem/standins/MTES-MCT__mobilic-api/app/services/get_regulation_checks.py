"""app.services.get_regulation_checks: the eight checks of 94ff988588 with their ids, types, rules and units; labels
shortened and variables left empty (the revisions only insert them and update `variables`)."""
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa

from app.models.regulation_check import RegulationCheckType, UnitType


@dataclass
class RegulationCheckData:
    id: int
    type: str
    label: str
    regulation_rule: Optional[str]
    variables: dict
    unit: str
    date_application_start: date = datetime(2019, 11, 1)
    date_application_end: Optional[date] = None


REGULATION_CHECK_MAXIMUM_WORK_IN_CALENDAR_WEEK = RegulationCheckData(
    6, RegulationCheckType.MAXIMUM_WORK_IN_CALENDAR_WEEK.value, "weekly work", "weeklyWork", {}, UnitType.WEEK.value)
REGULATION_CHECK_ENOUGH_BREAK = RegulationCheckData(
    8, RegulationCheckType.ENOUGH_BREAK.value, "enough break", "dailyRest", {}, UnitType.DAY.value)


def get_regulation_checks():
    return [
        RegulationCheckData(1, "minimumDailyRest", "daily rest", "dailyRest", {}, "day"),
        RegulationCheckData(2, "maximumWorkDayTime", "daily work", "dailyWork", {}, "day"),
        RegulationCheckData(3, "minimumWorkDayBreak", "work day break", "dailyRest", {}, "day"),
        RegulationCheckData(4, "maximumUninterruptedWorkTime", "uninterrupted work", "dailyRest", {}, "day"),
        RegulationCheckData(5, "maximumWorkedDaysInWeek", "worked days", "weeklyRest", {}, "week"),
        REGULATION_CHECK_MAXIMUM_WORK_IN_CALENDAR_WEEK,
        RegulationCheckData(7, "noLic", "no LIC", None, {}, "day"),
        REGULATION_CHECK_ENOUGH_BREAK,
    ]


def update_regulation_check_variables(session):
    for r in get_regulation_checks():
        session.execute(
            sa.text("UPDATE regulation_check SET variables = :variables WHERE type = :type;"),
            dict(variables=json.dumps(r.variables), type=r.type),
        )
