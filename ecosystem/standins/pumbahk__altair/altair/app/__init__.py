"""Stand-in for altair.app (pumbahk/altair ticketing/src/altair/app)."""
