"""Stand-in package marker for CamCOPS `server/camcops_server` (the harness puts the project root, not server/, on the path)."""
