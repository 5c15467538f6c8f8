package dev.idemlint.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Reads INSERT statements with JSqlParser: the target table, the column list, ON CONFLICT (or MySQL's
 * {@code INSERT IGNORE} and {@code ON DUPLICATE KEY UPDATE}, which likewise let a duplicate key pass), and
 * whether the SELECT inserts only missing rows. JSqlParser handles the nested SELECTs, VALUES rows
 * and quoting that a token scan gets wrong; what it rejects (dynamic placeholders, PostgreSQL
 * extensions it lacks) falls back to the token classifier. The parser is driven directly, without
 * {@code CCJSqlParserUtil.parse}'s thread per call.
 */
final class InsertReader {
    private static final Pattern NOT_IN_SELECT = Pattern.compile("NOT IN\\s*\\(\\s*SELECT");

    /** What an INSERT writes; {@code columns} is null when the statement names none. */
    record Shape(String table, List<String> columns, boolean onConflict, boolean guardedSelect) {
    }

    private InsertReader() {
    }

    /** The statement's shape, or null when JSqlParser cannot read it. */
    static Shape read(String statement) {
        if (statement.indexOf('\u0000') >= 0) {
            return null;
        }
        try {
            return shape(statement);
        } catch (RuntimeException e) {
            return null; // a JSqlParser quirk on an odd statement: the token classifier decides
        }
    }

    /**
     * This thread's parser after a statement it read to the end. A new parser allocates its char
     * buffers, token manager and lookahead tables, which was a tenth of linting a revision of many
     * INSERTs; {@code ReInit} keeps them. One that threw is dropped: its state is not reset with
     * certainty.
     */
    private static final ThreadLocal<CCJSqlParser> PARSER = new ThreadLocal<>();

    private static Shape shape(String statement) {
        Statement parsed;
        CCJSqlParser parser = PARSER.get();
        PARSER.remove();
        try {
            if (parser == null) {
                parser = CCJSqlParserUtil.newParser(statement);
            } else {
                parser.ReInit(statement);
            }
            parsed = parser.Statement();
        } catch (Exception | Error e) {
            // ParseException and TokenMgrError (an Error) both mean "not for JSqlParser".
            return null;
        }
        PARSER.set(parser);
        if (!(parsed instanceof Insert insert) || insert.getTable() == null) {
            return null;
        }
        List<String> columns = null;
        if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
            columns = new ArrayList<>();
            for (Column col : insert.getColumns()) {
                columns.add(identifier(col.getColumnName()));
            }
        }
        boolean guarded = false;
        if (insert.getSelect() != null && !(insert.getSelect() instanceof Values)) {
            String select = insert.getSelect().toString().toUpperCase(Locale.ROOT);
            guarded = select.contains("NOT EXISTS") || select.contains(" EXCEPT ")
                    || NOT_IN_SELECT.matcher(select).find();
        }
        return new Shape(identifier(insert.getTable().getName()), columns == null ? null : List.copyOf(columns),
                insert.getConflictAction() != null || insert.isModifierIgnore() || insert.isUseDuplicate(), guarded);
    }

    /** PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones (MySQL's backticks too) as written. */
    static String identifier(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        if (raw.length() >= 2 && raw.startsWith("`") && raw.endsWith("`")) {
            return raw.substring(1, raw.length() - 1).replace("``", "`");
        }
        return raw.toLowerCase(Locale.ROOT);
    }
}
