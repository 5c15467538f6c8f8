"""Stand-in for the package `app` of hyzyla/kyiv-data (the package only; the project's creates the Flask app)."""
