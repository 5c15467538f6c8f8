"""Stand-in for mavedb.models.published_variant: the materialized view's name (signature) and its defining SELECT
(definition), written over lightweight tables with the columns the project's models map (variants, mapped_variants,
scoresets; `Variant.score_set_id` is the column scoreset_id)."""
from sqlalchemy import column, join, select, table

_variants = table("variants", column("id"), column("urn"), column("scoreset_id"))
_mapped = table("mapped_variants", column("id"), column("variant_id"), column("current"))
_scoresets = table("scoresets", column("id"), column("urn"), column("published_date"))

signature = "published_variants_materialized_view"
definition = (
    select(
        _variants.c.id.label("variant_id"),
        _variants.c.urn.label("variant_urn"),
        _mapped.c.id.label("mapped_variant_id"),
        _scoresets.c.id.label("score_set_id"),
        _scoresets.c.urn.label("score_set_urn"),
        _scoresets.c.published_date.label("published_date"),
        _mapped.c.current.label("current_mapped_variant"),
    )
    .select_from(
        join(_variants, _mapped, _variants.c.id == _mapped.c.variant_id, isouter=True).join(
            _scoresets, _scoresets.c.id == _variants.c.scoreset_id
        )
    )
    .where(_scoresets.c.published_date.is_not(None))
)
