"""Stand-in for spiffworkflow_backend, as far as the revisions of spiffworkflow-backend/migrations import it."""
