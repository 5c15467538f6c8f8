"""Stand-in for oeplatform (a Django project), as far as the revisions of oedb/versions import it."""
