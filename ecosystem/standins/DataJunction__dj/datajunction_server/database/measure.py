"""MeasureAggregationRuleType of datajunction_server/database/measure.py: a TypeDecorator over JSON (it converts
values only on bind and load, which the walk never does)."""
from sqlalchemy import JSON
from sqlalchemy.types import TypeDecorator


class MeasureAggregationRuleType(TypeDecorator):
    impl = JSON
    cache_ok = True
