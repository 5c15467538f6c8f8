"""Stand-in for orchestrator-core, as far as its revisions under orchestrator/core/migrations/versions/schema import it."""
