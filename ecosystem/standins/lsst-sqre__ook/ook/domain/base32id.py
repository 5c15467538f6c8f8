"""Stand-in for ook.domain.base32id: the re-mint revision calls mint_time_ordered_resource_ids on the rows of
`resource`, which a chain run from an empty database has none of; strictly increasing ids by position serve
as the original's do (one per timestamp, ascending)."""


def mint_time_ordered_resource_ids(timestamps):
    return [index + 1 for index, _ in enumerate(timestamps)]
