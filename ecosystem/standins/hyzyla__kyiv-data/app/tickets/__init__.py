"""Stand-in for the package `app.tickets` of hyzyla/kyiv-data (the package only; the project's imports its views)."""
