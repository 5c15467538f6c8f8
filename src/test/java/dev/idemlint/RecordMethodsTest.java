package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.discovery.Config;
import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.discovery.Version;
import dev.idemlint.migration.NamingConvention;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose equals and hashCode are written out instead of generated (see their comments): each must
 * still compare as a record does, component by component. A component added to one of them and left out of its
 * equals fails here.
 */
class RecordMethodsTest {
    static Stream<Class<? extends Record>> writtenOut() {
        return Stream.of(Config.class, Settings.class, Dialect.class, NamingConvention.class);
    }

    @ParameterizedTest
    @MethodSource("writtenOut")
    void equal_components_are_equal_records_with_equal_hashes(Class<? extends Record> type) throws Exception {
        Record a = make(type, 0);
        Record b = make(type, 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, null);
        assertNotEquals(a, "a string");
    }

    @ParameterizedTest
    @MethodSource("writtenOut")
    void a_record_differing_in_any_one_component_is_another(Class<? extends Record> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        assertTrue(components.length > 0);
        Record base = make(type, 0);
        for (int i = 0; i < components.length; i++) {
            Object[] args = arguments(components, 0);
            args[i] = value(components[i].getType(), 1);
            Record other = constructor(type).newInstance(args);
            assertNotEquals(base, other, type.getSimpleName() + " ignores " + components[i].getName());
            assertNotEquals(other, base, type.getSimpleName() + " ignores " + components[i].getName());
        }
    }

    private static Record make(Class<? extends Record> type, int variant) throws Exception {
        return constructor(type).newInstance(arguments(type.getRecordComponents(), variant));
    }

    private static <T extends Record> Constructor<T> constructor(Class<T> type) throws NoSuchMethodException {
        Class<?>[] types = Stream.of(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types);
    }

    private static Object[] arguments(RecordComponent[] components, int variant) throws Exception {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i].getType(), variant);
        }
        return args;
    }

    /** Two distinct values of each component type these records have (variant 0 or 1). */
    @SuppressWarnings("unchecked")
    private static Object value(Class<?> type, int variant) throws Exception {
        boolean first = variant == 0;
        if (type == String.class) {
            return first ? "a" : "b";
        }
        if (type == int.class || type == Integer.class) {
            return first ? 1 : 2;
        }
        if (type == boolean.class) {
            return !first;
        }
        if (type == Path.class) {
            return Path.of(first ? "a" : "b");
        }
        if (type == List.class) {
            return first ? List.of() : List.of("x");
        }
        if (type == Map.class) {
            return first ? Map.of() : Map.of("k", "v");
        }
        if (type == Set.class) {
            return first ? Set.of() : Set.of("x");
        }
        if (type == Version.class) {
            return first ? Version.LATEST : Version.parse("1.8.1");
        }
        if (type == Dialect.class) {
            return first ? Dialect.POSTGRESQL : new Dialect(Dialect.Kind.MYSQL, Version.parse("8.0"));
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[variant];
        }
        if (type.isRecord()) {
            return make((Class<? extends Record>) type, variant);
        }
        throw new AssertionError("no sample values for " + type + ": add them here");
    }
}
