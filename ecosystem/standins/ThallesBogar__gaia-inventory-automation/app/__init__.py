"""Stand-in for the package `app` of ThallesBogar/gaia-inventory-automation (the package only)."""
