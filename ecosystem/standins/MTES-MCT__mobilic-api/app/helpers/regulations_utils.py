"""app.helpers.regulations_utils.insert_regulation_check: the same INSERT as the real one (94ff988588)."""
import json

import sqlalchemy as sa


def insert_regulation_check(session, regulation_check_data, start_timestamp="2019-11-01", end_timestamp=None):
    end_field, end_value = ("date_application_end,", "TIMESTAMP :end_timestamp,") if end_timestamp is not None else ("", "")
    query = f"""
        INSERT INTO regulation_check(creation_time, type, label, date_application_start, {end_field}
                                     regulation_rule, variables, unit)
        VALUES (NOW(), :type, :label, TIMESTAMP :start_timestamp, {end_value} :regulation_rule, :variables, :unit)
    """
    params = dict(
        type=regulation_check_data.type,
        label=regulation_check_data.label,
        regulation_rule=regulation_check_data.regulation_rule,
        variables=json.dumps(regulation_check_data.variables),
        unit=regulation_check_data.unit,
        start_timestamp=start_timestamp,
    )
    if end_timestamp is not None:
        params["end_timestamp"] = end_timestamp
    session.execute(sa.text(query), params)
