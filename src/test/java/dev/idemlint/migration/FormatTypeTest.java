package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Column types as PostgreSQL's format_type prints them. The expected strings were read back from
 * PostgreSQL 15 after creating each column with the DDL SQLAlchemy 1.4's PostgreSQL compiler renders
 * (PlanProofTest does it again with real Alembic).
 */
class FormatTypeTest {

    /** The format_type of the column a revision's {@code op.add_column("t", sa.Column("c", TYPE))} adds. */
    private static String ofColumnType(String type) {
        String text = "import sqlalchemy as sa\nfrom alembic import op\nfrom sqlalchemy.dialects import postgresql\n"
                + "LENGTH = 40\n\nrevision = \"a\"\ndown_revision = None\n\n\ndef upgrade():\n"
                + "    op.add_column(\"t\", sa.Column(\"c\", " + type + "))\n";
        Migration m;
        try {
            m = new MigrationReader().read(new PythonParser().parse(SourceFile.of(Path.of("versions/a.py"),
                    "versions/a.py", text)));
        } catch (PythonSyntaxError e) {
            throw new AssertionError(type, e);
        }
        Operation.AddColumn add = (Operation.AddColumn) m.operations().get(0);
        return add.column().formatType();
    }

    @Test
    void sqlalchemy_types_keep_their_arguments_as_postgresql_stores_them() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("sa.String(32)", "character varying(32)");
        cases.put("sa.String(length=32)", "character varying(32)");
        cases.put("sa.String(LENGTH)", "character varying(40)");
        cases.put("sa.String()", "character varying");
        cases.put("sa.String", "character varying");
        cases.put("sa.VARCHAR(10)", "character varying(10)");
        cases.put("sa.Unicode(20)", "character varying(20)");
        cases.put("sa.UnicodeText()", "text");
        cases.put("sa.Text", "text");
        cases.put("sa.CHAR(3)", "character(3)");
        cases.put("sa.CHAR()", "character(1)");
        cases.put("sa.Numeric(10, 2)", "numeric(10,2)");
        cases.put("sa.Numeric(precision=10, scale=2)", "numeric(10,2)");
        cases.put("sa.Numeric(10)", "numeric(10,0)");
        cases.put("sa.Numeric()", "numeric");
        cases.put("sa.Numeric(scale=2)", "numeric");
        cases.put("sa.DECIMAL(8, 3)", "numeric(8,3)");
        cases.put("sa.Float()", "double precision");
        cases.put("sa.Float(10)", "real");
        cases.put("sa.Float(precision=30)", "double precision");
        cases.put("sa.REAL()", "real");
        cases.put("postgresql.DOUBLE_PRECISION()", "double precision");
        cases.put("sa.DateTime()", "timestamp without time zone");
        cases.put("sa.DateTime(timezone=True)", "timestamp with time zone");
        cases.put("sa.DateTime(True)", "timestamp with time zone");
        cases.put("sa.TIMESTAMP(timezone=True)", "timestamp with time zone");
        cases.put("postgresql.TIMESTAMP(precision=3)", "timestamp(3) without time zone");
        cases.put("postgresql.TIMESTAMP(timezone=True, precision=0)", "timestamp(0) with time zone");
        cases.put("sa.Time()", "time without time zone");
        cases.put("sa.Time(timezone=True)", "time with time zone");
        cases.put("postgresql.TIME(precision=2)", "time(2) without time zone");
        cases.put("sa.Date()", "date");
        cases.put("sa.Interval()", "interval");
        cases.put("sa.Interval(second_precision=3)", "interval(3)");
        cases.put("postgresql.INTERVAL(fields=\"DAY TO SECOND\")", "interval day to second");
        cases.put("sa.Boolean()", "boolean");
        cases.put("sa.Integer()", "integer");
        cases.put("sa.BigInteger()", "bigint");
        cases.put("sa.SmallInteger()", "smallint");
        cases.put("sa.LargeBinary()", "bytea");
        cases.put("sa.JSON()", "json");
        cases.put("postgresql.JSONB(astext_type=sa.Text())", "jsonb");
        cases.put("postgresql.UUID(as_uuid=True)", "uuid");
        cases.put("postgresql.ARRAY(sa.Integer())", "integer[]");
        cases.put("postgresql.ARRAY(sa.String(32), dimensions=2)", "character varying(32)[]");
        cases.put("sa.ARRAY(sa.Text)", "text[]");
        cases.put("sa.Enum(\"a\", \"b\", name=\"status\")", "status");
        cases.put("postgresql.ENUM(\"x\", name=\"Kind\")", "\"Kind\"");
        cases.put("postgresql.ARRAY(sa.Enum(\"a\", name=\"st\"))", "st[]");
        cases.put("sa.Enum(\"a\", \"bbb\", native_enum=False)", "character varying(3)");
        cases.put("postgresql.INET()", "inet");
        // the module as written before the class: SQLAlchemy's package under its usual names, then its types or
        // PostgreSQL dialect module
        cases.put("sa.dialects.postgresql.UUID()", "uuid");
        cases.put("sqlalchemy.types.Integer()", "integer");
        cases.put("db.sql.sqltypes.Text()", "text");
        cases.put("pg.INET()", "inet");
        cases.put("postgresql.BIT(3, varying=True)", "bit varying(3)");
        // with_variant: the variant named for postgresql, else the base (PGTypeCompiler of SQLAlchemy 1.4.46, 2.1.1)
        cases.put("sa.Text().with_variant(sa.String(10), \"mysql\")", "text");
        cases.put("sa.JSON().with_variant(postgresql.JSONB(), \"postgresql\").with_variant(sa.Text(), \"sqlite\")",
                "jsonb");
        cases.put("sa.Integer().with_variant(sa.BigInteger(), dialect_name=\"postgresql\")", "bigint");
        cases.put("sa.Integer().with_variant(sa.BigInteger(), \"mysql\", \"postgresql\")", "bigint");
        cases.forEach((type, expected) -> assertEquals(expected, ofColumnType(type), type));
    }

    @Test
    void types_it_cannot_read_are_unknown_never_guessed() {
        for (String type : new String[] {"MyType()", "utils.UTCDateTime()", "sa.String(n)",
                "sa.Text().with_variant(sa.String(10), dialect)", "sa.Text().with_variant(MyType(), \"postgresql\")",
                "mysql.VARCHAR(10)", "sa.DateTime(timezone=tz)",
                "sa.Enum(\"a\", name=\"s\", schema=\"other\")", "sa.BLOB()", "sa.orm.Integer()",
                "postgresql.sa.Integer()", "types.sa.Text()"}) {
            assertNull(ofColumnType(type), type);
        }
    }

    @Test
    void sql_types_are_normalized_as_postgresql_prints_them() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("varchar(32)", "character varying(32)");
        cases.put("VARCHAR (32)", "character varying(32)");
        cases.put("character varying", "character varying");
        cases.put("NUMERIC(10, 2)", "numeric(10,2)");
        cases.put("numeric(5)", "numeric(5,0)");
        cases.put("decimal", "numeric");
        cases.put("timestamptz", "timestamp with time zone");
        cases.put("timestamp(6)", "timestamp(6) without time zone");
        cases.put("TIMESTAMP WITH TIME ZONE", "timestamp with time zone");
        cases.put("timetz", "time with time zone");
        cases.put("serial", "integer");
        cases.put("bigserial", "bigint");
        cases.put("int", "integer");
        cases.put("int8", "bigint");
        cases.put("float8", "double precision");
        cases.put("bool", "boolean");
        cases.put("int[]", "integer[]");
        cases.put("integer ARRAY", "integer[]");
        cases.put("varchar(5)[]", "character varying(5)[]");
        cases.put("text[][]", "text[]");
        cases.put("char", "character(1)");
        cases.put("interval day", "interval day");
        cases.put("bit varying(3)", "bit varying(3)");
        cases.put("\"Kind\"", "\"Kind\"");
        cases.put("Status", "status");
        cases.forEach((type, expected) -> assertEquals(expected, FormatType.ofSql(type), type));
        assertNull(FormatType.ofSql("geometry(Point, 4326)"));
        assertNull(FormatType.ofSql("public.status"));
        assertNull(FormatType.ofSql("float(60)"));
    }

    @Test
    void quotes_added_to_reserved_words_do_not_make_types_differ() {
        assertTrue(FormatType.same("\"user\"", "user"));
        assertFalse(FormatType.same("\"Kind\"", "kind"));
        assertFalse(FormatType.same("character varying(32)", "character varying"));
    }
}
