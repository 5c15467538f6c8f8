"""Stand-ins for the imports of PasarGuard/panel's revisions (app/db/migrations/versions at e81877c0df), written from
their import lines before any lint or run. The ORM models, XRayConfig and the WireGuard key helpers raise when used, so
a walk ends at the first revision that runs them."""
