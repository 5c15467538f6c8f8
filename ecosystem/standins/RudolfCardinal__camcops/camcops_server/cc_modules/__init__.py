"""Stand-in package marker for CamCOPS `camcops_server/cc_modules`."""
