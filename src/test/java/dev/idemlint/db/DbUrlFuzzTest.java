package dev.idemlint.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.idemlint.fixture.FuzzDeadline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target: any text as a database URL a pull request wrote into alembic.ini (the first line) with
 * {@code PGHOST} (the second line, when there is one). {@link DbUrl#parse} either refuses it with a
 * {@link DbUrl.BadUrl} or gives a URL whose host is a host name or an address, whose driver URL, read back by
 * the driver's own parser, names exactly that host, port and database and no parameter at all (no
 * {@code socketFactory}, {@code service}, {@code options}), and whose masked form holds no password, within
 * {@link FuzzDeadline#LIMIT}.
 */
class DbUrlFuzzTest {
    /** What pgjdbc's parser gives for a URL without parameters. */
    private static final Set<String> BARE = Set.of("PGHOST", "PGPORT", "PGDBNAME");

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void any_url_is_refused_or_reaches_the_driver_as_host_port_and_database_only(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String url = nl < 0 ? text : text.substring(0, nl);
        Map<String, String> env = nl < 0 ? Map.of() : Map.of("PGHOST", text.substring(nl + 1));
        FuzzDeadline.run(() -> check(url, env));
    }

    private static void check(String text, Map<String, String> env) throws Exception {
        DbUrl url;
        try {
            url = DbUrl.parse(text, env, null);
        } catch (DbUrl.BadUrl e) {
            assertFalse(e.getMessage().isEmpty());
            return;
        }
        String host = url.host();
        assertTrue(host.chars().noneMatch(c -> "/?&#,=@ \\[]".indexOf(c) >= 0 || c < 0x20 || c > 0x7e),
                () -> "host " + host);
        // the password's place shows ***, and nowhere else is one (the fields around it show as read)
        String shown = text.trim().substring(0, text.trim().indexOf("://")).toLowerCase(java.util.Locale.ROOT) + "://"
                + url.user() + (url.password() != null ? ":***" : "") + "@";
        assertTrue(url.masked().startsWith(shown), () -> url.masked() + " does not start " + shown);
        if (url.mysqlFamily()) {
            // as MysqlDatabase sets it: a parameter in the driver's URL would win over it
            Properties set = new Properties();
            set.setProperty("allowLocalInfile", "false");
            org.mariadb.jdbc.Configuration conf = org.mariadb.jdbc.Configuration.parse(MysqlDatabase.jdbcUrl(url), set);
            assertEquals(1, conf.addresses().size(), conf.addresses()::toString);
            assertEquals(host, conf.addresses().get(0).host);
            assertEquals(url.port(), conf.addresses().get(0).port);
            assertNull(conf.socketFactory());
            assertFalse(conf.allowLocalInfile());
            return;
        }
        Properties props = org.postgresql.Driver.parseURL(LiveDatabase.jdbcUrl(url), null);
        assertTrue(props != null, () -> "the driver refuses " + LiveDatabase.jdbcUrl(url));
        assertEquals(BARE, props.stringPropertyNames(), props::toString);
        assertEquals(host.contains(":") ? "[" + host + "]" : host, props.getProperty("PGHOST"));
        assertEquals(Integer.toString(url.port()), props.getProperty("PGPORT"));
        assertEquals(url.database(), props.getProperty("PGDBNAME"));
    }

    /** URLs as projects write them, and the injections a pull request would try. */
    static Stream<Arguments> seeds() {
        return List.of("postgresql://app:secret@db:5432/shop?sslmode=require",
                "postgresql+psycopg2://deploy@127.0.0.1:5432/shop?host=127.0.0.1%2Fdb%3FsocketFactory%3Dx.Y%26x%3D",
                "postgresql://u@127.0.0.1%2Fdb%3Fservice%3Dsvc%26x%3D:5432/db",
                "postgresql://u@[::1]:6543/my%20db?options=-csearch_path%3Dother,public",
                "postgresql:///shop?host=fe80::1%25eth0&port=6000&user=a@b&dbname=x%3Fy",
                "postgresql:///shop\nh/db?sslfactory=x.Y",
                "mysql+pymysql://u:p%40ss@127.0.0.1%2Fdb%3FallowLocalInfile%3Dtrue%26x%3D:3306/db",
                "mariadb://u@h:3306/d?host=h%2Fd%3FsocketFactory%3Dx&charset=utf8mb4",
                "postgresql://app:hunter2/zebra?quail#mango@kiwi7:lemon%pear@db/shop",
                "postgres://\u00e9@h\u00e9/d\u0000?\u202e=1")
                .stream().map(s -> Arguments.of(Named.of(s, s.getBytes(StandardCharsets.UTF_8))));
    }
}
