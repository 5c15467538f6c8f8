"""Stand-in package for lilypad (the project's app/lilypad), only the module its revisions import."""
