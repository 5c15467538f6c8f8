"""Stand-in package marker for clinical-algorithms `backend/app` (the harness puts the project root, not backend/, on the path)."""
