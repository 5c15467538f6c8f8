package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ORM queries over declarative classes a revision declares: what they name, and what leaves a class unread. */
class DeclarativeModelsTest {
    private static final String HEAD = "import sqlalchemy as sa\nfrom alembic import op\n"
            + "from sqlalchemy.ext.declarative import declarative_base\nfrom sqlalchemy.orm import Session\n"
            + "from sqlalchemy import Integer\nrevision = '002'\ndown_revision = '001'\nBase = declarative_base()\n";

    /** The names (table.column, or table) each ORM query or select of upgrade() reads, sorted. */
    private static List<List<String>> reads(String classes, String body) throws Exception {
        Migration m = MigrationReaderTest.read(HEAD + classes + "def upgrade():\n    s = Session(bind=op.get_bind())\n"
                + body);
        return m.upgrade().stream().filter(o -> o instanceof Operation.Benign b && !b.names().isEmpty())
                .map(o -> ((Operation.Benign) o).names().stream()
                        .map(n -> n.column() == null ? n.table() : n.table() + "." + n.column()).sorted().toList())
                .toList();
    }

    private static final String ENGINE = "class Engine(Base):\n    \"\"\"doc\"\"\"\n    __tablename__ = 'engine'\n"
            + "    id = sa.Column(Integer, primary_key=True)\n    checker = sa.Column('status_checker', sa.String(9))\n"
            + "    def label(self):\n        return self.checker\n";

    @Test
    void a_query_of_the_class_reads_every_column_it_maps() throws Exception {
        assertEquals(List.of(List.of("engine", "engine.id", "engine.status_checker")),
                reads(ENGINE, "    rows = s.query(Engine).filter(Engine.id > 1).order_by(Engine.id).all()\n"));
        assertEquals(List.of(List.of("engine", "engine.status_checker")),
                reads(ENGINE, "    rows = s.query(Engine.checker).first()\n"));
        assertEquals(List.of(List.of("engine", "engine.id", "engine.status_checker")),
                reads(ENGINE, "    rows = s.execute(sa.select(Engine)).fetchall()\n"));
        assertEquals(List.of(List.of("engine", "engine.id", "engine.status_checker")),
                reads(ENGINE, "    n = s.query(Engine).count()\n"));
    }

    @Test
    void a_query_that_may_select_other_columns_or_not_run_reads_nothing() throws Exception {
        assertTrue(reads(ENGINE, "    q = s.query(Engine)\n").isEmpty()); // built, never run here
        assertTrue(reads(ENGINE, "    s.query(Engine).options(sa.orm.load_only('id')).all()\n").isEmpty());
        assertTrue(reads(ENGINE, "    s.query(Engine).join(Other).all()\n").isEmpty());
        assertTrue(reads(ENGINE, "    s.query(Engine, Other).all()\n").isEmpty());
        assertTrue(reads(ENGINE, "    Engine = None\n    s.query(Engine).all()\n").isEmpty());
    }

    @Test
    void a_class_whose_mapping_is_not_certain_is_not_read() throws Exception {
        String query = "    s.query(Engine).all()\n";
        List<String> unread = List.of(
                "class Engine(Mixin, Base):\n    __tablename__ = 'engine'\n    id = sa.Column(Integer)\n",
                "class Engine(Other):\n    __tablename__ = 'engine'\n    id = sa.Column(Integer)\n",
                "class Engine(Base):\n    __table__ = sa.Table('engine', Base.metadata)\n",
                "class Engine(Base):\n    __tablename__ = NAME\n    id = sa.Column(Integer)\n",
                "class Engine(Base):\n    __tablename__ = 'engine'\n    id = sa.Column(Integer)\n"
                        + "    other = sa.orm.relationship('Other')\n",
                "class Engine(Base):\n    __tablename__ = 'engine'\n    id = sa.orm.deferred(sa.Column(Integer))\n",
                "class Engine(Base):\n    __tablename__ = 'engine'\n    id = sa.Column(COLUMN, Integer)\n",
                "class Engine(Base):\n    __tablename__ = 'engine'\n    __table_args__ = {'schema': 'app'}\n"
                        + "    id = sa.Column(Integer)\n",
                "@decorate\nclass Engine(Base):\n    __tablename__ = 'engine'\n    id = sa.Column(Integer)\n",
                "class Engine(Base):\n    __tablename__ = 'engine'\n    id = sa.Column(Integer)\n"
                        + "class Engine(Base):\n    __tablename__ = 'engine2'\n    id = sa.Column(Integer)\n");
        for (String classes : unread) {
            assertTrue(reads(classes, query).isEmpty(), classes);
        }
        String mixinBase = "Mixed = declarative_base(cls=Mixin)\nclass Engine(Mixed):\n    __tablename__ = 'engine'\n"
                + "    id = sa.Column(Integer)\n";
        assertTrue(reads(mixinBase, query).isEmpty());
    }
}
