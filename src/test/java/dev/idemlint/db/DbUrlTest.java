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
        DbUrl.BadUrl e = assertThrows(DbUrl.BadUrl.class, () -> parse("mysql://u:topsecret@h/d"));
        assertTrue(e.getMessage().contains("unsupported URL scheme 'mysql'"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"));
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://u@%2Fvar%2Frun%2Fpostgresql/d"));
        assertTrue(e.getMessage().contains("Unix-domain socket"), e.getMessage());
        e = assertThrows(DbUrl.BadUrl.class, () -> parse("u:topsecret@h/d"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
        assertThrows(DbUrl.BadUrl.class, () -> parse("postgresql://h:99999/d"));
    }
}
