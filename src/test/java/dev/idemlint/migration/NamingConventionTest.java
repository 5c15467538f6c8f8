package dev.idemlint.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.python.PythonParser;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamingConventionTest {

    private static final String ENV = """
            from alembic import context
            %s

            def run_migrations_online():
                with connectable.connect() as connection:
                    context.configure(connection=connection, target_metadata=target_metadata)
                    with context.begin_transaction():
                        context.run_migrations()
            """;

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private NamingConvention read() throws IOException {
        Files.createDirectories(root.resolve("migrations/versions"));
        return NamingConvention.of(new LintTarget(root, root.resolve("migrations/versions"), List.of(), Settings.DEFAULT));
    }

    @Test
    void follows_target_metadata_into_the_models_module() throws IOException {
        write("migrations/env.py", ENV.formatted("from app.models import Base\ntarget_metadata = Base.metadata"));
        write("app/__init__.py", "");
        write("app/models.py", """
                from sqlalchemy import MetaData
                from sqlalchemy.orm import declarative_base
                convention = {
                    "ix": "ix_%(column_0_label)s",
                    "uq": "uq_%(table_name)s_%(column_0_name)s",
                    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                }
                Base = declarative_base(metadata=MetaData(naming_convention=convention))
                """);
        NamingConvention nc = read();
        assertTrue(nc.exact(), nc::source);
        assertEquals(Map.of("ix", "ix_%(column_0_label)s", "uq", "uq_%(table_name)s_%(column_0_name)s",
                "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"), nc.templates());
        assertEquals("app/models.py:8", nc.source());
    }

    @Test
    void a_package_importing_its_own_submodules_and_star_imports_in_a_ring_end() throws IOException {
        // optuna: `import optuna.storages._rdb.models` in env.py, and `from optuna import storages` in
        // optuna/__init__.py, which names the package itself: asked again and again, it overflowed the stack
        write("migrations/env.py", ENV.formatted("import app.storages.models\ntarget_metadata = app.storages.models.Base.metadata"));
        write("app/__init__.py", "from app import storages\nfrom app import missing\nfrom .ring_a import *\n");
        write("app/ring_a.py", "from .ring_b import *\n");
        write("app/ring_b.py", "from .ring_a import *\n");
        write("app/storages/__init__.py", "from app.storages import models\n");
        write("app/storages/models.py", """
                from sqlalchemy import MetaData
                from sqlalchemy.orm import declarative_base
                Base = declarative_base(metadata=MetaData(naming_convention={"pk": "pk_%(table_name)s"}))
                """);
        assertEquals(Map.of("pk", "pk_%(table_name)s"), read().templates());
        write("migrations/env.py", ENV.formatted("from app import missing\ntarget_metadata = missing.metadata"));
        assertFalse(read().exact(), "a name the package never binds is unknown, not a stack overflow");
    }

    @Test
    void follows_a_package_and_a_declarative_base_class() throws IOException {
        write("migrations/env.py", ENV.formatted("import app.db as db\ntarget_metadata = db.Base.metadata"));
        write("src/app/__init__.py", "");
        write("src/app/db/__init__.py", "from .base import *\n");
        write("src/app/db/base.py", """
                import sqlalchemy as sa
                from sqlalchemy.orm import DeclarativeBase
                class Base(DeclarativeBase):
                    metadata = sa.MetaData(naming_convention=dict(pk="pk_%(table_name)s", ck="ck_%(table_name)s_%(constraint_name)s"))
                """);
        NamingConvention nc = read();
        assertEquals(Map.of("pk", "pk_%(table_name)s", "ck", "ck_%(table_name)s_%(constraint_name)s"), nc.templates());
    }

    @Test
    void a_naming_convention_class_attribute_of_a_declarative_base_is_no_convention() throws IOException {
        // slidge 0.2.12's db/meta.py: SQLAlchemy 2 reads only `metadata` (and type_annotation_map) from a
        // DeclarativeBase subclass, so Base.metadata keeps the default convention whatever this dict says
        write("migrations/env.py", ENV.formatted("from app.meta import Base\ntarget_metadata = Base.metadata"));
        write("app/__init__.py", "");
        write("app/meta.py", """
                import sqlalchemy as sa
                class Base(sa.orm.DeclarativeBase):
                    naming_convention = {
                        "uq": "uq_%(table_name)s_%(column_0_name)s",
                        "pk": "pk_%(table_name)s",
                    }
                """);
        NamingConvention nc = read();
        assertTrue(nc.exact(), nc::source);
        assertEquals(NamingConvention.SQLALCHEMY_DEFAULT.templates(), nc.templates());
    }

    @Test
    void constraint_classes_as_keys_and_computed_tokens() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                import sqlalchemy as sa
                def cols(constraint, table):
                    return "_".join(c.name for c in constraint.columns)
                target_metadata = sa.MetaData(naming_convention={
                    sa.UniqueConstraint: "uq_%(table_name)s_%(cols)s",
                    "cols": cols,
                })
                """));
        NamingConvention nc = read();
        assertEquals(Map.of("uq", "uq_%(table_name)s_%(cols)s"), nc.templates());
        assertEquals(java.util.Set.of("cols"), nc.computed());
    }

    @Test
    void follows_a_lazy_package_a_registry_and_a_type_checking_branch() throws IOException {
        // the shape of Airflow's: `from airflow import models` ... `models.base.Base.metadata`
        write("core/src/app/migrations/env.py", ENV.formatted("from app import models\ntarget_metadata = models.base.Base.metadata"));
        write("core/src/app/__init__.py", "");
        write("core/src/app/models/__init__.py", "def __getattr__(name):\n    raise AttributeError(name)\n");
        write("core/src/app/models/base.py", """
                from typing import TYPE_CHECKING, Any
                from sqlalchemy import MetaData
                from sqlalchemy.orm import registry
                naming_convention = {
                    "ix": "idx_%(column_0_N_label)s",
                    "fk": "%(table_name)s_%(column_0_name)s_fkey",
                }
                metadata = MetaData(schema=None, naming_convention=naming_convention)
                mapper_registry = registry(metadata=metadata)
                if TYPE_CHECKING:
                    Base = Any
                else:
                    Base = mapper_registry.generate_base()
                """);
        Files.createDirectories(root.resolve("core/src/app/migrations/versions"));
        NamingConvention nc = NamingConvention.of(new LintTarget(root, root.resolve("core/src/app/migrations/versions"),
                List.of(), Settings.DEFAULT));
        assertTrue(nc.exact(), nc::source);
        assertEquals(Map.of("ix", "idx_%(column_0_N_label)s", "fk", "%(table_name)s_%(column_0_name)s_fkey"),
                nc.templates());
    }

    @Test
    void a_list_of_metadata_gives_alembic_ops_the_default() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                import sqlalchemy as sa
                a = sa.MetaData(naming_convention={"pk": "pk_%(table_name)s"})
                target_metadata = [a, sa.MetaData()]
                """));
        NamingConvention nc = read();
        assertTrue(nc.exact());
        assertEquals(NamingConvention.SQLALCHEMY_DEFAULT.templates(), nc.templates());
    }

    @Test
    void no_target_metadata_means_sqlalchemy_default() throws IOException {
        write("migrations/env.py", ENV.formatted("target_metadata = None"));
        NamingConvention nc = read();
        assertTrue(nc.exact());
        assertEquals(NamingConvention.SQLALCHEMY_DEFAULT.templates(), nc.templates());
    }

    @Test
    void an_opaque_target_falls_back_to_the_projects_only_convention_inexactly() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                from flask import current_app
                target_metadata = current_app.extensions["migrate"].db.metadata
                """));
        NamingConvention none = read();
        assertFalse(none.exact());
        assertEquals(NamingConvention.SQLALCHEMY_DEFAULT.templates(), none.templates());
        write("app/extensions.py", """
                from flask_sqlalchemy import SQLAlchemy
                from sqlalchemy import MetaData
                db = SQLAlchemy(metadata=MetaData(naming_convention={"pk": "pk_%(table_name)s"}))
                """);
        NamingConvention one = read();
        assertFalse(one.exact());
        assertEquals(Map.of("pk", "pk_%(table_name)s"), one.templates());
        write("app/other.py", """
                from sqlalchemy import MetaData
                other = MetaData(naming_convention={"pk": "%(table_name)s_pk"})
                """);
        assertTrue(read().isUnknown());
    }

    @Test
    void a_convention_assigned_to_a_metadata_made_elsewhere_is_the_projects_only_one() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                from flask import current_app
                target_metadata = current_app.extensions["migrate"].db.metadata
                """));
        write("app/core.py", """
                from flask_sqlalchemy import SQLAlchemy
                db = SQLAlchemy()
                if True:
                    db.Model.metadata.naming_convention = {
                        "pk": "pk_%(table_name)s",
                        "column_names": _column_names,
                        "uq": "uq_%(table_name)s_%(column_names)s",
                    }
                """);
        NamingConvention one = read();
        assertFalse(one.exact());
        assertFalse(one.isUnknown());
        assertEquals(Map.of("pk", "pk_%(table_name)s", "uq", "uq_%(table_name)s_%(column_names)s"), one.templates());
        assertTrue(one.source().endsWith("the project's only naming_convention"), one.source());
        write("app/other.py", """
                from sqlalchemy import MetaData
                other = MetaData(naming_convention={"pk": "%(table_name)s_pk"})
                """);
        assertTrue(read().isUnknown());
        Files.delete(root.resolve("app/other.py"));
        write("app/core.py", """
                db.Model.metadata.naming_convention = make_convention()
                """);
        assertTrue(read().isUnknown());
    }

    @Test
    void a_convention_assigned_after_the_metadata_followed_to_is_made_is_unknown() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                from app.models import metadata as target_metadata
                """));
        write("migrations/app/models.py", """
                import sqlalchemy as sa
                metadata = sa.MetaData()
                """);
        NamingConvention plain = read();
        assertTrue(plain.exact());
        assertEquals(NamingConvention.SQLALCHEMY_DEFAULT.templates(), plain.templates());
        write("migrations/app/models.py", """
                import sqlalchemy as sa
                metadata = sa.MetaData()
                metadata.naming_convention = {"fk": "fk_%(table_name)s_%(column_0_name)s"}
                """);
        NamingConvention assigned = read();
        assertTrue(assigned.isUnknown());
        assertTrue(assigned.unknownReason().contains("app/models.py"), assigned.unknownReason());
    }

    private static final String FLASK_ENV = """
            from alembic import context
            from flask import current_app
            target_metadata = current_app.extensions['migrate'].db.metadata

            def run_migrations_online():
                with connectable.connect() as connection:
                    context.configure(connection=connection, target_metadata=target_metadata)
                    with context.begin_transaction():
                        context.run_migrations()
            """;

    @Test
    void flask_migrate_env_follows_the_db_given_to_migrate() throws IOException {
        write("migrations/env.py", FLASK_ENV);
        write("app/__init__.py", """
                from flask import Flask
                from flask_sqlalchemy import SQLAlchemy
                from flask_migrate import Migrate
                from sqlalchemy import MetaData
                from flask_login import LoginManager
                db = SQLAlchemy(metadata=MetaData(naming_convention={
                    "fk": "%(table_name)s_%(column_0_name)s_fkey",
                    "pk": "%(table_name)s_pkey",
                }))
                other_db = SQLAlchemy()
                login = LoginManager()
                app = Flask(__name__)
                login.init_app(app, other_db)
                migrate = Migrate(app, db)
                """);
        write("tests/conftest.py", """
                from flask_migrate import Migrate
                from app import app, db
                Migrate(app, db)
                """);
        NamingConvention nc = read();
        assertTrue(nc.exact(), nc::source);
        assertEquals(Map.of("fk", "%(table_name)s_%(column_0_name)s_fkey", "pk", "%(table_name)s_pkey"), nc.templates());
        assertTrue(nc.source().contains("app/__init__.py:6"), nc::source);
    }

    @Test
    void flask_migrate_4_template_with_init_app_get_metadata_and_configure_args() throws IOException {
        write("migrations/env.py", """
                from alembic import context
                from flask import current_app
                target_db = current_app.extensions['migrate'].db

                def get_metadata():
                    if hasattr(target_db, 'metadatas'):
                        return target_db.metadatas[None]
                    return target_db.metadata

                def run_migrations_online():
                    conf_args = current_app.extensions['migrate'].configure_args
                    with connectable.connect() as connection:
                        context.configure(connection=connection, target_metadata=get_metadata(), **conf_args)
                        with context.begin_transaction():
                            context.run_migrations()
                """);
        write("app/extensions.py", """
                from flask_sqlalchemy import SQLAlchemy
                from flask_migrate import Migrate
                from sqlalchemy import MetaData
                convention = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
                metadata = MetaData(naming_convention=convention)
                db = SQLAlchemy(metadata=metadata)
                migrate = Migrate()
                """);
        write("app/__init__.py", """
                from flask import Flask
                from .extensions import db, migrate

                def create_app():
                    app = Flask(__name__)
                    db.init_app(app)
                    migrate.init_app(app, db, compare_type=True)
                    return app
                """);
        NamingConvention nc = read();
        assertTrue(nc.exact(), nc::source);
        assertEquals(Map.of("uq", "uq_%(table_name)s_%(column_0_name)s"), nc.templates());

        // the extension objects imported inside the app factory are the same module-level objects
        write("app/__init__.py", """
                from flask import Flask

                def create_app():
                    from app.extensions import db
                    from app.extensions import migrate
                    app = Flask(__name__)
                    migrate.init_app(app, db, directory="db/migrations")
                    return app
                """);
        assertTrue(read().exact());

        // target_metadata= among Migrate's keywords reaches context.configure through configure_args
        write("app/__init__.py", """
                from flask import Flask
                from .extensions import db, migrate

                def create_app():
                    app = Flask(__name__)
                    migrate.init_app(app, db, target_metadata=None)
                    return app
                """);
        assertFalse(read().exact());
    }

    @Test
    void two_dbs_given_to_flask_migrate_stay_inexact() throws IOException {
        write("migrations/env.py", FLASK_ENV);
        String app = """
                from flask import Flask
                from flask_sqlalchemy import SQLAlchemy
                from flask_migrate import Migrate
                from sqlalchemy import MetaData
                db = SQLAlchemy(metadata=MetaData(naming_convention={"pk": "pk_%(table_name)s"}))
                app = Flask(__name__)
                Migrate(app, db)
                """;
        write("app/__init__.py", app);
        write("admin/__init__.py", app);
        NamingConvention nc = read();
        assertFalse(nc.exact(), nc::source);
        assertEquals(Map.of("pk", "pk_%(table_name)s"), nc.templates());
    }

    @Test
    void a_computed_convention_on_flask_migrates_db_stays_inexact() throws IOException {
        write("migrations/env.py", FLASK_ENV);
        write("app/__init__.py", """
                from flask import Flask
                from flask_sqlalchemy import SQLAlchemy
                from flask_migrate import Migrate
                from sqlalchemy import MetaData
                from .conventions import make_convention
                db = SQLAlchemy(metadata=MetaData(naming_convention=make_convention()))
                migrate = Migrate(Flask(__name__), db)
                """);
        NamingConvention nc = read();
        assertFalse(nc.exact(), nc::source);

        // a db local to the app factory is not the module's db
        write("app/__init__.py", """
                from flask import Flask
                from flask_sqlalchemy import SQLAlchemy
                from flask_migrate import Migrate
                from sqlalchemy import MetaData
                db = SQLAlchemy(metadata=MetaData(naming_convention={"pk": "pk_%(table_name)s"}))

                def create_app():
                    db = SQLAlchemy()
                    Migrate(Flask(__name__), db)
                """);
        assertFalse(read().exact());
    }

    @Test
    void a_conditional_binding_is_unknown() throws IOException {
        write("migrations/env.py", ENV.formatted("""
                import os, sqlalchemy as sa
                if os.environ.get("X"):
                    target_metadata = sa.MetaData(naming_convention={"pk": "a_%(table_name)s"})
                else:
                    target_metadata = sa.MetaData()
                """));
        write("models.py", "m = MetaData(naming_convention={'pk': 'a_%(table_name)s'})\nn = MetaData(naming_convention={'pk': 'b_%(table_name)s'})\n");
        assertTrue(read().isUnknown());
    }

    @Test
    void named_gives_keys_the_names_alembic_sends_under_the_convention() throws Exception {
        SourceFile f = SourceFile.of(Path.of("versions/x.py"), "versions/x.py", """
                def upgrade():
                    op.create_foreign_key(None, 'orders', 'customers', ['customer_id'], ['id'])
                    op.drop_constraint('positive', 'orders', type_='check')
                    op.create_unique_constraint('uq_orders_code', 'orders', ['code'])
                """);
        Migration m = new MigrationReader().read(new PythonParser().parse(f));
        NamingConvention nc = new NamingConvention(Map.of("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s"), Set.of(), null, true, "test");
        List<Operation> named = nc.named(m).upgrade();
        assertEquals("fk_orders_customer_id_customers", ((Operation.AddConstraint) named.get(0)).name());
        assertEquals("ck_orders_positive", ((Operation.Drop) named.get(1)).name());
        assertEquals("uq_orders_code", ((Operation.AddConstraint) named.get(2)).name());
        assertSame(m, NamingConvention.unknown("not read").named(m));
    }

    @Test
    void a_project_file_mentions_a_token_only_as_utf8_text() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        List<String> tokens = List.of("naming_convention", "Migrate(", ".init_app(");
        assertEquals(1, NamingConventionReader.mentions("# café\nmd = MetaData(naming_convention=NC)\n".getBytes(utf8),
                tokens));
        assertEquals(6, NamingConventionReader.mentions("Migrate(app)\nmigrate.init_app(app, db)".getBytes(utf8), tokens));
        assertEquals(0, NamingConventionReader.mentions("naming convention".getBytes(utf8), tokens));
        byte[] latin1 = "# caf\u00e9\nnaming_convention = {}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(0, NamingConventionReader.mentions(latin1, tokens), "not UTF-8: not read, as before");
        assertEquals(0, NamingConventionReader.mentions(new byte[0], tokens));
    }
}
