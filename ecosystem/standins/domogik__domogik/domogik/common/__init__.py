"""Stand-in for `domogik.common` (src/domogik/common): only sql_schema and database, which revisions import."""
