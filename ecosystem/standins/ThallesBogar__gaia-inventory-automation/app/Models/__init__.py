"""Stand-in for the package `app.Models` of ThallesBogar/gaia-inventory-automation (the package only)."""
