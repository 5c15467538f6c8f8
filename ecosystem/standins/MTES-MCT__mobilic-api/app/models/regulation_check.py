"""app.models.regulation_check's enums (values as at 94ff988588)."""
from enum import Enum


class RegulationRule(str, Enum):
    DAILY_WORK = "dailyWork"
    DAILY_REST = "dailyRest"
    WEEKLY_WORK = "weeklyWork"
    WEEKLY_REST = "weeklyRest"


class UnitType(str, Enum):
    DAY = "day"
    WEEK = "week"


class RegulationCheckType(str, Enum):
    MINIMUM_DAILY_REST = "minimumDailyRest"
    MAXIMUM_WORK_DAY_TIME = "maximumWorkDayTime"
    MINIMUM_WORK_DAY_BREAK = "minimumWorkDayBreak"
    MAXIMUM_UNINTERRUPTED_WORK_TIME = "maximumUninterruptedWorkTime"
    MAXIMUM_WORKED_DAY_IN_WEEK = "maximumWorkedDaysInWeek"
    NO_LIC = "noLic"
    MAXIMUM_WORK_IN_CALENDAR_WEEK = "maximumWorkInCalendarWeek"
    ENOUGH_BREAK = "enoughBreak"
