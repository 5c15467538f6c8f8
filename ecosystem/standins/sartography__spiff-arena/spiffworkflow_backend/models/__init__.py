"""spiffworkflow_backend.models: only its db module is imported by the revisions."""
