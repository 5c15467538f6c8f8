"""Stand-in package `trailblazer.store`: only `models` (next to this file); the project's `store/__init__`
imports the store API, which the revisions do not use."""
