"""What `score` judges a statement by, shared with `selfcheck`: whether it took a real lock on an existing table."""
import re

# the modes that block writes to the table (SHARE and up)
STRONG = {"ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"}


def bare(name):
    return name.split(".", 1)[-1]


def names_table(sql, table):
    return re.search(r'(?<![\w"])"?%s"?(?![\w"])' % re.escape(bare(table)), sql, re.IGNORECASE) is not None


def real_lock(s):
    """SHARE or a stronger lock on a table that existed before the revision: newly held after the statement, or
    already held from an earlier statement of the transaction on a table the statement names. A statement that
    names an index (DROP INDEX, ALTER INDEX, REINDEX INDEX) names that index's table (observe.py's index_tables)."""
    for table, modes in s["locks_new"].items():
        if table in s["existing_tables"] and set(modes) & STRONG:
            return True
    through_index = set(s.get("index_tables", {}).values())
    return any(table in s["existing_tables"] and set(modes) & STRONG
               and (names_table(s["sql"], table) or table in through_index)
               for table, modes in s["locks_held"].items())
