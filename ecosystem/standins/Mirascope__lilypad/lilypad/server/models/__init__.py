"""lilypad.server.models: package of the stand-in (the project's imports every model here; the revisions need none)."""
