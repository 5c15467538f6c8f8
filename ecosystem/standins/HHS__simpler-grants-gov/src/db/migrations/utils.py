from src.db.migrations.constants import opportunity_search_index_queue_trigger_function


def setup_opportunity_search_index_queue_trigger_function(op, tables):
    op.execute(opportunity_search_index_queue_trigger_function)
    for table in tables:
        op.execute(f"""
            CREATE OR REPLACE TRIGGER {table}_queue_trigger
            AFTER INSERT OR UPDATE ON api.{table}
            FOR EACH ROW EXECUTE FUNCTION api.update_opportunity_search_queue();
        """)


def remove_opportunity_search_index_queue_trigger_function(op, tables):
    for table in tables:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_queue_trigger ON api.{table};")
    op.execute("DROP FUNCTION IF EXISTS api.update_opportunity_search_queue();")
