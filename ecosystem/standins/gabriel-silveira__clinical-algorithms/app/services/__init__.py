"""Stand-in package marker for clinical-algorithms `backend/app/services`."""
