package dev.idemlint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresFacts;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind PostgreSQL can CREATE, as {@link PostgresFacts} lists them, is read as that kind: a
 * re-run check can only see the statements the classifier names.
 */
class EveryKindClassifiedTest {
    static Stream<PostgresFacts.Row> creatable() {
        // columns and constraints are ALTER TABLE actions, not CREATE statements
        return PostgresFacts.rows().stream()
                .filter(r -> r.kind() != ObjectKind.COLUMN && r.kind() != ObjectKind.CONSTRAINT);
    }

    @ParameterizedTest(name = "CREATE {0}")
    @MethodSource("creatable")
    void a_raw_create_of_every_kind_is_classified_as_that_kind(PostgresFacts.Row row) {
        String sql = "CREATE " + row.noun() + " x" + (row.kind() == ObjectKind.INDEX ? " ON t (a)" : "");
        List<Operation> ops = SqlFixture.classify(sql);
        assertEquals(1, ops.size(), sql);
        Operation op = ops.get(0);
        switch (row.kind()) {
            case TABLE, FOREIGN_TABLE -> assertInstanceOf(Operation.CreateTable.class, op, sql);
            case INDEX -> assertInstanceOf(Operation.CreateIndex.class, op, sql);
            default -> assertEquals(row.kind(), assertInstanceOf(Operation.CreateObject.class, op, sql).kind(), sql);
        }
    }

    @ParameterizedTest(name = "DROP {0}")
    @MethodSource("creatable")
    void a_raw_drop_of_every_kind_is_classified_as_that_kind(PostgresFacts.Row row) {
        String sql = "DROP " + row.noun() + " x";
        Operation op = SqlFixture.classify(sql).get(0);
        // a foreign table shares the relations' namespace: the timeline keys it as a table
        ObjectKind expected = row.kind() == ObjectKind.FOREIGN_TABLE ? ObjectKind.TABLE : row.kind();
        assertEquals(expected, assertInstanceOf(Operation.Drop.class, op, sql).kind(), sql);
    }
}
