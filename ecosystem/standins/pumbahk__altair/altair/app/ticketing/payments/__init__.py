"""Stand-in for altair.app.ticketing.payments (pumbahk/altair ticketing/src/altair/app/ticketing/payments)."""
