"""querybook's `models` package (querybook/server/models at babdbc6ec0) reduced to what its revisions import."""
