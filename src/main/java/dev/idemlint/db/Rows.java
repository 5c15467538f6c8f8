package dev.idemlint.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Catalog query results as rows of strings, the form both live sessions read the catalog in. */
final class Rows {

    private Rows() {
    }

    /** Every row of {@code rs}, each column as the driver's string for it (null for SQL NULL). */
    static List<String[]> read(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<String[]> out = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                row[i] = rs.getString(i + 1);
            }
            out.add(row);
        }
        return out;
    }

    /** {@code rows} mapped one by one, as an unmodifiable list. */
    static <T> List<T> map(List<String[]> rows, Function<String[], T> f) {
        List<T> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(f.apply(r));
        }
        return List.copyOf(out);
    }
}
