"""mobilic-api's `app` package (app/ at 94ff988588) reduced to what its revisions import. 32ba9730e22c imports the
Flask `app` and never uses it."""
app = None
