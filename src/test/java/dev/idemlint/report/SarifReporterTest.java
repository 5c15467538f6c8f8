package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.idemlint.rule.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
    /**
     * The OASIS SARIF 2.1.0 schemas from ../shared/schemas beside the repository (as CI has it); a
     * clone elsewhere uses the copies kept in src/test/resources/report/schemas.
     */
    static final Path SCHEMAS = Files.isDirectory(ReportFixtures.ROOT_DIR.resolve("../shared/schemas"))
            ? ReportFixtures.ROOT_DIR.resolve("../shared/schemas").normalize()
            : ReportFixtures.ROOT_DIR.resolve("src/test/resources/report/schemas");
    static final ObjectMapper MAPPER = new ObjectMapper();

    static String sarif(List<Diagnostic> diags) {
        return ReportFixtures.render(new SarifReporter(ReportFixtures.PROJECT), ReportFixtures.report(diags));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String sarif) {
        Map<String, Object> log = (Map<String, Object>) Json.parse(sarif);
        return (Map<String, Object>) ((List<Object>) log.get("runs")).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(String sarif) {
        return (List<Map<String, Object>>) run(sarif).get("results");
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... path) {
        Object n = node;
        for (Object p : path) {
            n = p instanceof Integer i ? ((List<Object>) n).get(i) : ((Map<String, Object>) n).get(p);
        }
        return n;
    }

    static Set<ValidationMessage> validate(String schemaFile, String sarif) throws IOException {
        JsonNode schemaNode = MAPPER.readTree(Files.readString(SCHEMAS.resolve(schemaFile)));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schemaNode)).getSchema(schemaNode);
        return schema.validate(MAPPER.readTree(sarif));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sarif-schema-2.1.0.json", "sarif-schema-2.1.0-draft07.json"})
    void output_validates_against_the_sarif_schema(String schema) throws IOException {
        assertEquals(Set.of(), validate(schema, sarif(ReportFixtures.diagnostics())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sarif-schema-2.1.0.json", "sarif-schema-2.1.0-draft07.json"})
    void empty_report_validates_and_still_lists_every_rule(String schema) throws IOException {
        String out = sarif(List.of());
        assertEquals(Set.of(), validate(schema, out));
        assertEquals(List.of(), run(out).get("results"));
        assertEquals(3, ((List<?>) at(run(out), "tool", "driver", "rules")).size());
    }

    @Test
    void schema_rejects_a_broken_log_so_validation_means_something() throws IOException {
        String broken = sarif(ReportFixtures.diagnostics()).replace("\"startLine\": 14", "\"startLine\": 0");
        assertFalse(validate("sarif-schema-2.1.0.json", broken).isEmpty());
    }

    @Test
    void matches_the_approved_snapshot() {
        String name = "fixture";
        Path approved = ReportFixtures.RESOURCES.resolve(name + ".approved.sarif");
        Options options = new Options()
                .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
                .forFile().withExtension(".sarif")
                .forFile().withNamer(new ResourceNamer(approved.getParent(), name));
        Approvals.verify(sarif(ReportFixtures.diagnostics()), options);
    }

    @Test
    void columns_count_utf16_code_units_so_non_ascii_and_tabs_count_as_java_chars() {
        Map<String, Object> region = regionOf(results(sarif(ReportFixtures.diagnostics())).get(1));
        // `    op.execute('ALTER TABLE "équipe😀"<TAB>ADD...`: é is one unit, 😀 two, the tab one.
        String line = "    op.execute('ALTER TABLE \"équipe😀\"\t";
        assertEquals((long) line.length() + 1, region.get("startColumn"));
        assertEquals(40L, region.get("startColumn"));
        assertEquals(15L, region.get("startLine"));
        assertEquals(15L, region.get("endLine"));
        assertEquals(40L + "ADD COLUMN note text".length(), region.get("endColumn"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> regionOf(Map<String, Object> result) {
        return (Map<String, Object>) at(result, "locations", 0, "physicalLocation", "region");
    }

    @Test
    void uris_are_relative_to_srcroot_and_percent_encoded() {
        String out = sarif(ReportFixtures.diagnostics());
        Map<String, Object> loc = (Map<String, Object>) at(results(out).get(0), "locations", 0, "physicalLocation",
                "artifactLocation");
        assertEquals("migrations/versions/020_add%20notes.py", loc.get("uri"));
        assertEquals("%SRCROOT%", loc.get("uriBaseId"));
        assertEquals(0L, loc.get("index"));
        assertEquals("file:///project/", at(run(out), "originalUriBaseIds", "%SRCROOT%", "uri"));
    }

    @Test
    void files_outside_srcroot_get_absolute_uris_without_a_base() {
        String out = ReportFixtures.render(new SarifReporter(Path.of("/elsewhere")),
                ReportFixtures.report(ReportFixtures.diagnostics()));
        Map<String, Object> loc = (Map<String, Object>) at(results(out).get(0), "locations", 0, "physicalLocation",
                "artifactLocation");
        assertEquals("file:///project/migrations/versions/020_add%20notes.py", loc.get("uri"));
        assertNull(loc.get("uriBaseId"));
    }

    @Test
    void related_locations_carry_ids_and_messages() {
        Map<String, Object> heads = results(sarif(ReportFixtures.diagnostics())).get(2);
        assertEquals("multiple-heads", heads.get("ruleId"));
        assertEquals("warning", heads.get("level"));
        assertEquals(1L, at(heads, "relatedLocations", 0, "id"));
        assertEquals("other head 020 here", at(heads, "relatedLocations", 0, "message", "text"));
        assertEquals("migrations/versions/020_add%20notes.py",
                at(heads, "relatedLocations", 0, "physicalLocation", "artifactLocation", "uri"));
        assertEquals(9L, at(heads, "relatedLocations", 0, "physicalLocation", "region", "startLine"));
    }

    @Test
    void safe_and_unsafe_fixes_are_emitted_and_display_only_suggestions_are_not() {
        Map<String, Object> first = results(sarif(ReportFixtures.diagnostics())).get(0);
        List<?> fixes = (List<?>) first.get("fixes");
        assertEquals(2, fixes.size());
        assertEquals("Add `if_not_exists=True`", at(fixes, 0, "description", "text"));
        assertEquals("safe", at(fixes, 0, "properties", "applicability"));
        assertEquals("unsafe", at(fixes, 1, "properties", "applicability"));
        Map<String, Object> replacement = (Map<String, Object>) at(fixes, 0, "artifactChanges", 0, "replacements", 0);
        assertEquals(", if_not_exists=True", at(replacement, "insertedContent", "text"));
        assertEquals(14L, at(replacement, "deletedRegion", "startLine"));
        assertEquals(at(replacement, "deletedRegion", "startColumn"), at(replacement, "deletedRegion", "endColumn"));
        assertEquals(2, ((List<?>) at(fixes, 1, "artifactChanges", 0, "replacements")).size());
    }

    @Test
    void every_catalog_rule_is_described_from_its_doc() {
        Map<String, Object> run = run(sarif(List.of()));
        List<?> rules = (List<?>) at(run, "tool", "driver", "rules");
        Object addColumn = rules.get(0);
        assertEquals("add-column-not-idempotent", at(addColumn, "id"));
        assertEquals("AddColumnNotIdempotent", at(addColumn, "name"));
        assertTrue(((String) at(addColumn, "shortDescription", "text")).startsWith("An unguarded add_column"));
        assertEquals("Finds columns added in upgrade() that nothing protects against already existing: "
                + "op.add_column(...) and ALTER TABLE ... ADD COLUMN in raw SQL. See the PostgreSQL docs "
                + "(https://www.postgresql.org/docs/current/sql-altertable.html).",
                at(addColumn, "fullDescription", "text"));
        assertTrue(((String) at(addColumn, "help", "markdown")).startsWith("## Why it breaks deploys\n\nThe second run"));
        assertFalse(((String) at(addColumn, "help", "markdown")).contains("Fix safety"));
        assertEquals("https://github.com/idemlint/idemlint/blob/main/rules/add-column-not-idempotent.md",
                at(addColumn, "helpUri"));
        assertEquals("error", at(addColumn, "defaultConfiguration", "level"));
        assertEquals(List.of("idempotency", "alembic", "postgresql"), at(addColumn, "properties", "tags"));
        assertEquals("high", at(addColumn, "properties", "precision"));
        assertEquals("error", at(addColumn, "properties", "problem.severity"));
        assertEquals("very-high", at(rules.get(1), "properties", "precision"));
        assertEquals("warning", at(rules.get(1), "properties", "problem.severity"));
        assertEquals("recommendation", at(rules.get(2), "properties", "problem.severity"));
        assertEquals("note", at(rules.get(2), "defaultConfiguration", "level"));
        assertEquals(List.of("style"), at(rules.get(2), "properties", "tags"));
        assertEquals(2L, at(results(sarif(ReportFixtures.diagnostics())).get(3), "ruleIndex"));
    }

    @Test
    void output_is_deterministic() {
        assertEquals(sarif(ReportFixtures.diagnostics()), sarif(ReportFixtures.diagnostics()));
    }
}
