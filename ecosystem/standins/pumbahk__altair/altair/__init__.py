"""Stand-in for the altair namespace package (pumbahk/altair altairlib/*/src/altair)."""
