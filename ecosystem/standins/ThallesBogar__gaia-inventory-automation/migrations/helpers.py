"""Stand-in for `migrations.helpers` of ThallesBogar/gaia-inventory-automation: the two helpers the revisions call,
returning the SQL the project's helpers return (a BEFORE UPDATE trigger calling trigger_set_timestamp_on_update(),
and its DROP TRIGGER IF EXISTS)."""
from sqlalchemy import quoted_name


def get_updated_at_trigger_executable(trigger_name: str, table_name: str) -> str:
    return (f"CREATE TRIGGER {quoted_name(trigger_name, True)} BEFORE UPDATE ON {quoted_name(table_name, True)} "
            "FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp_on_update();")


def get_drop_trigger_executable(trigger_name: str, table_name: str) -> str:
    return f"DROP TRIGGER IF EXISTS {quoted_name(trigger_name, True)} ON {quoted_name(table_name, True)};"
