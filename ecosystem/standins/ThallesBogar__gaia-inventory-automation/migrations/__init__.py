"""Stand-in for the package `migrations` of ThallesBogar/gaia-inventory-automation (the package only)."""
