package dev.idemlint.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What both live sessions share with the driver: statements bound to text, catalog rows as strings, an error's first line. */
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

    /** {@code sql} prepared, its parameters bound in order to {@code values} as text (null as SQL NULL). */
    static PreparedStatement prepare(Connection connection, String sql, List<String> values) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                st.setString(i + 1, values.get(i));
            }
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }

    /** {@code rows} mapped one by one, as an unmodifiable list. */
    static <T> List<T> map(List<String[]> rows, Function<String[], T> f) {
        List<T> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(f.apply(r));
        }
        return List.copyOf(out);
    }

    /** The first line of a driver's error message (the rest is context the report does not need). */
    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
