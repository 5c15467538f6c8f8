"""Stand-in for altair.app.ticketing (pumbahk/altair ticketing/src/altair/app/ticketing)."""
