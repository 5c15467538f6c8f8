def get_resultsdb_result(result_id): raise NotImplementedError("stand-in: only called on existing rows")
