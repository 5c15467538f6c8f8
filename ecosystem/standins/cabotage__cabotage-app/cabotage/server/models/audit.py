"""cabotage.server.models.audit.AUDIT_LOG_VIEW_SQL, which 4c69d36e817d runs after dropping the view to change
activity.data to jsonb. The real one (b150ad2f99) unions one SELECT per audited object type over the version tables;
this keeps its 25 columns over `activity` and `transaction` alone (no later revision replaces the view)."""

AUDIT_LOG_VIEW_SQL = """\
CREATE OR REPLACE VIEW audit_log AS
SELECT a.id, t.issued_at AS timestamp, a.object_tx_id, a.transaction_id,
  a.verb, a.data->>'action' AS detail, a.object_type, a.object_id, NULL::text AS object_name,
  NULL::uuid AS application_id, NULL::uuid AS application_environment_id, NULL::uuid AS project_id,
  NULL::uuid AS organization_id, NULL::text AS app_name, NULL::text AS project_name,
  NULL::text AS actor_username, NULL::text AS actor_email, t.remote_addr,
  NULL::boolean AS config_secret, NULL::boolean AS config_buildtime, NULL::integer AS config_version,
  NULL::text AS image_ref, NULL::text AS image_sha,
  NULL::integer AS deploy_release_version,
  a.data AS raw_data
FROM activity a
LEFT JOIN transaction t ON t.id = a.transaction_id
"""
