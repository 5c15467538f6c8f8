"""Stand-in for altair.app.ticketing.famiport (pumbahk/altair ticketing/src/altair/app/ticketing/famiport)."""
