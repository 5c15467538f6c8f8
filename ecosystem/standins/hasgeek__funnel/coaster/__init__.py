"""Stand-in for coaster, as far as funnel's revisions import it: the column types JsonDict and UrlType, and
helpers for rows (buid2uuid, uuid2buid; markdown and uuid2suuid raise: only a data revision calls them, on rows a
walk from an empty database does not have)."""
