"""lilypad.server: package of the stand-in."""
