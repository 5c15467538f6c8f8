package dev.idemlint.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbUrlTest {
    private static DbUrl parse(String url) throws DbUrl.BadUrl {
        return DbUrl.parse(url, Map.of(), null);
    }

    @Test
    void reads_every_url_form_users_have() throws Exception {
        for (String scheme : List.of("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg",
                "postgresql+asyncpg", "postgresql+pg8000")) {
            DbUrl u = parse(scheme + "://app:pw@db.internal:6543/shop?sslmode=require");
            assertEquals("db.internal", u.host(), scheme);
            assertEquals(6543, u.port());
            assertEquals("shop", u.database());
            assertEquals("app", u.user());
            assertEquals("pw", u.password());
            assertEquals("URL", u.passwordSource());
            assertEquals(Map.of("sslmode", "require"), u.params());
        }
    }

    @Test
    void defaults_follow_libpq() throws Exception {
        DbUrl u = DbUrl.parse("postgresql://", Map.of("PGHOST", "h", "PGUSER", "me"), null);
        assertEquals("h", u.host());
        assertEquals(5432, u.port());
        assertEquals("me", u.user());
        assertEquals("me", u.database());
        assertNull(u.password());
        DbUrl q = parse("postgresql:///db?host=10.0.0.5&port=5433&user=x");
        assertEquals("10.0.0.5", q.host());
        assertEquals(5433, q.port());
        assertEquals("x", q.user());
        assertEquals(Map.of(), q.params());
    }

    @Test
    void percent_escapes_and_ipv6_hosts_are_decoded() throws Exception {
        DbUrl u = parse("postgresql://app:p%40ss%3Aw0rd@[::1]:5432/my%20db");
        assertEquals("p@ss:w0rd", u.password());
        assertEquals("::1", u.host());
        assertEquals("my db", u.database());
    }

    @Test
    void a_raw_slash_question_mark_hash_or_colon_stays_in_the_password_as_sqlalchemy_reads_it() throws Exception {
        DbUrl u = parse("postgresql+psycopg2://app:se/cr?et#x:y@db:6543/shop?sslmode=require");
        assertEquals("app", u.user());
        assertEquals("se/cr?et#x:y", u.password());
        assertEquals("db", u.host());
        assertEquals(6543, u.port());
        assertEquals("shop", u.database());
        assertEquals(Map.of("sslmode", "require"), u.params());
        DbUrl v = parse("postgresql://root:5432/secret@db/shop");
        assertEquals("5432/secret", v.password());
        assertEquals("db", v.host());
        assertEquals("shop", v.database());
    }

    /**
     * SQLAlchemy 1.4.46's {@code make_url} (and libpq) end the password at its first '@':
     * {@code app:p@zebra@quail@db} is password "p", host "ss@w0rd@db". The rest of such a password is
     * neither resolved nor shown; a user name may hold a raw '@' before its ':'.
     */
    @Test
    void a_raw_at_sign_ends_the_password_as_sqlalchemy_reads_it_and_the_rest_is_refused_unshown() throws Exception {
        for (String url : List.of("postgresql://app:p@zebra@quail@db/shop", "postgresql://app:p@zebra/quail@db/shop",
                "postgresql://app:p@zebraquail/shop@db", "postgresql://app:p@db/shop?x=zebraquail@db",
                "postgresql://app:p@@db/shop")) {
            DbUrl.BadUrl e = assertThrows(DbUrl.BadUrl.class, () -> parse(url), url);
            assertTrue(e.getMessage().contains("a raw '@' follows the password"), e.getMessage());
            assertFalse(e.getMessage().contains("zebra") || e.getMessage().contains("quail"), e.getMessage());
        }
        DbUrl u = parse("postgresql://us@er:p%40ss@db/shop");
        assertEquals("us@er", u.user());
        assertEquals("p@ss", u.password());
        assertEquals("db", u.host());
        assertEquals("postgresql://us@er:***@db:5432/shop", u.masked());
        DbUrl v = parse("postgresql://ap@p@db/shop");
        assertEquals("ap@p", v.user(), "without a password the user runs to the last '@' before the host, as in SQLAlchemy");
        assertEquals("db", v.host());
        assertEquals("see postgres://u:***@h/d", DbUrl.maskPassword("see postgres://u:p@ss@h/d"));
    }

    @Test
    void percent_decoding_follows_pythons_unquote() throws Exception {
        assertEquals("p@ss/w?#:", parse("postgresql://app:p%40ss%2Fw%3F%23%3A@db/shop").password());
        assertEquals("100%sure%", parse("postgresql://app:100%sure%@db/shop").password());
        assertEquals("a+b", parse("postgresql://app:a+b@db/shop").password());
        assertEquals("pässword", parse("postgresql://app:p%C3%A4ssword@db/shop").password());
    }

    @Test
    void an_at_sign_after_the_host_is_no_userinfo() throws Exception {
        DbUrl u = parse("postgresql://db/shop?application_name=me@laptop");
        assertEquals("db", u.host());
        assertNull(u.password());
        assertEquals("me@laptop", u.params().get("application_name"));
        DbUrl q = parse("postgresql:///shop?host=h&user=a@b");
        assertEquals("h", q.host());
        assertEquals("a@b", q.user());
        assertEquals(5432, parse("postgresql://app@db:/shop").port());
    }

    @Test
    void the_password_never_shows() throws Exception {
        DbUrl u = parse("postgresql+psycopg2://app:hunter2@db/shop?sslmode=verify-full&sslpassword=keypw");
        assertFalse(u.masked().contains("hunter2"), u.masked());
        assertFalse(u.masked().contains("keypw"), u.masked());
        assertEquals(u.masked(), u.toString());
        assertTrue(u.masked().startsWith("postgresql+psycopg2://app:***@db:5432/shop"), u.masked());
        assertEquals("FATAL: password for *** rejected", u.mask("FATAL: password for hunter2 rejected"));
        assertEquals("see postgres://u:***@h/d", DbUrl.maskPassword("see postgres://u:secret@h/d"));
    }

    @Test
    void password_from_pgpassword_then_the_password_file(@TempDir Path home) throws Exception {
        assertEquals("envpw", DbUrl.parse("postgresql://app@db/shop", Map.of("PGPASSWORD", "envpw"), home).password());
        Files.writeString(home.resolve(".pgpass"), "# comment\nother:*:*:*:nope\ndb:5432:shop:app:file\\:pw\n");
        DbUrl u = DbUrl.parse("postgresql://app@db/shop", Map.of(), home);
        assertEquals("file:pw", u.password());
        assertEquals(home.resolve(".pgpass").toString(), u.passwordSource());
        assertNull(DbUrl.parse("postgresql://app@db/other", Map.of(), home).password());
        Path custom = home.resolve("pass");
        Files.writeString(custom, "*:*:*:app:wild\n");
        assertEquals("wild", DbUrl.parse("postgresql://app@x/y", Map.of("PGPASSFILE", custom.toString()), home)
                .password());
    }

    @Test
    void bad_urls_are_clear_errors_without_the_password() throws IOException {
        DbUrl.BadUrl e = assertThrows(DbUrl.BadUrl.class, () -> parse("mssql+pyodbc://u:topsecret@h/d"));
        assertTrue(e.getMessage().contains("unsupported URL scheme 'mssql+pyodbc'"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"));
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://u@%2Fvar%2Frun%2Fpostgresql/d"));
        assertTrue(e.getMessage().contains("Unix-domain socket"), e.getMessage());
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("u:topsecret@h/d"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://h:99999/d"));
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://u:topsecret/d"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("u:topsecret://x@h/d"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://u@[::1/d"));
        assertTrue(e.getMessage().contains("no ']'"), e.getMessage());
    }

    @Test
    void reads_mysql_and_mariadb_urls_with_their_defaults_and_hostile_passwords() throws Exception {
        for (String scheme : List.of("mysql", "mysql+pymysql", "mysql+mysqldb", "mariadb", "mariadb+pymysql")) {
            DbUrl u = parse(scheme + "://app:p/?#:%zz@db.internal/shop?charset=utf8mb4");
            assertTrue(u.mysqlFamily(), scheme);
            assertEquals("db.internal", u.host());
            assertEquals(3306, u.port());
            assertEquals("shop", u.database());
            assertEquals("p/?#:%zz", u.password());
            assertEquals(scheme + "://app:***@db.internal:3306/shop?charset=utf8mb4", u.masked());
            assertFalse(u.mask("denied for p/?#:%zz").contains("p/?#:%zz"));
        }
        DbUrl pct = parse("mysql+pymysql://app:a%40b%25c@h:3307/d");
        assertEquals("a@b%c", pct.password());
        assertEquals(3307, pct.port());
        DbUrl env = DbUrl.parse("mariadb://app@h/d", Map.of("MYSQL_PWD", "s3cret", "PGPASSWORD", "no"), null);
        assertEquals("s3cret", env.password());
        assertEquals("MYSQL_PWD", env.passwordSource());
        assertFalse(parse("postgresql://app@h/d").mysqlFamily());
        DbUrl.BadUrl noDb = assertThrows(DbUrl.BadUrl.class, () -> parse("mysql://app:topsecret@h"));
        assertTrue(noDb.getMessage().contains("names no database"), noDb.getMessage());
        assertFalse(noDb.getMessage().contains("topsecret"));
    }
    /**
     * The host reaches the driver's URL, where '/', '?', '&amp;', '#' or ',' would start its own parameters
     * ({@code socketFactory} loads a class, {@code service} reads a password file): refused wherever the host
     * came from, after percent-decoding, for both drivers, without showing it.
     */
    @Test
    void a_host_is_a_host_name_or_an_address_and_nothing_else() throws Exception {
        for (String url : List.of("postgresql://u@127.0.0.1%2Fdb%3FsocketFactory%3Dx.Y%26x%3D:5432/db",
                "postgresql://u@127.0.0.1:5432/db?host=127.0.0.1%2Fdb%3FsocketFactory%3Dx.Y%26x%3D",
                "postgresql://u@h/db?host=127.0.0.1/db?service=svc",
                "postgresql://u@h%23frag/db", "postgresql://u@h%2Ci/db", "postgresql://u@h%20x/db",
                "postgresql://u@-h/db", "postgresql://u@h%0A/db",
                "mysql+pymysql://u@127.0.0.1%2Fdb%3FallowLocalInfile%3Dtrue%26x%3D:3306/db",
                "mariadb://u@h:3306/db?host=h%2Fdb%3FsocketFactory%3Dx.Y",
                "postgresql://u@[::1%2Fdb%3Fx%3D]/db")) {
            DbUrl.BadUrl e = assertThrows(DbUrl.BadUrl.class, () -> parse(url), url);
            assertTrue(e.getMessage().contains("is not a host name, an IPv4 address or a bracketed IPv6 address"),
                    url + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("Factory") || e.getMessage().contains("service"), e.getMessage());
        }
        DbUrl.BadUrl env = assertThrows(DbUrl.BadUrl.class, () -> DbUrl.parse("postgresql:///db",
                Map.of("PGHOST", "h/db?sslfactory=x.Y"), null));
        assertTrue(env.getMessage().startsWith("PGHOST is not a host name"), env.getMessage());
        assertEquals("db_1", parse("postgresql://u@db_1/shop").host());
        assertEquals("db.internal.example.com", parse("postgresql://u@db.internal.example.com./shop").host()
                .replaceAll("\\.$", ""));
        assertEquals("10.0.0.7", parse("postgresql://u@10.0.0.7:6543/shop").host());
        assertEquals("::1", parse("postgresql://u@[::1]:6543/shop").host());
        assertEquals("fe80::1%eth0", parse("postgresql://u@h/shop?host=fe80::1%25eth0").host());
        assertEquals("localhost", parse("postgresql://u@/shop").host());
        assertEquals("localhost", parse("mysql://u@/shop").host());
    }
}
