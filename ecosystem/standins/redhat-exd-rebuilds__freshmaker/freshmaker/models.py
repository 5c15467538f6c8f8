"""The ORM classes the revisions import, as the tables they map: `sa.update(Event)` takes a table clause as well.
The columns are those the revisions name."""
import sqlalchemy as sa

Event = sa.table("events", sa.column("id"), sa.column("state"))
Compose = sa.table("composes", sa.column("id"), sa.column("odcs_compose_id"))
ArtifactBuild = sa.table("artifact_builds", sa.column("id"), sa.column("event_id"))
ArtifactBuildCompose = sa.table("artifact_build_composes", sa.column("build_id"), sa.column("compose_id"))
