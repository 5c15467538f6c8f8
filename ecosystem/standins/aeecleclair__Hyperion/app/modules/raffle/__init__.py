"""Stands in for Hyperion's `app.modules.raffle` package (the package only; the revisions import the modules below)."""
