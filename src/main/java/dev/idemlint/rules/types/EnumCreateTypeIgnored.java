package dev.idemlint.rules.types;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.EnumTypeRef;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.SqlState;
import dev.idemlint.schema.SchemaTimeline;

/** Flags {@code sa.Enum(..., create_type=False)} in {@code create_table} where SQLAlchemy before 2.1 ignores the flag. */
public final class EnumCreateTypeIgnored implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Settings s = ctx.settings();
        if (s.genericEnumCreateTypeHonoured()) {
            return;
        }
        for (Operation op : m.operations()) {
            if (!(op instanceof Operation.CreateTable ct)) {
                continue;
            }
            for (ColumnDef c : ct.columns()) {
                EnumTypeRef e = c.enumType();
                if (e == null || e.postgresqlDialect() || !e.nativeEnum() || !Boolean.FALSE.equals(e.createType())) {
                    continue;
                }
                String type = e.name() == null ? "the enum type" : "type \"" + e.name() + "\"";
                ctx.report(m.source(), SchemaTimeline.within(e.createTypeArg(), ct.site().span()), "SQLAlchemy "
                        + s.sqlalchemy() + " ignores `create_type=False` on the generic `sa.Enum`, so `create_table`"
                        + " still emits CREATE TYPE for " + type + " and fails with " + SqlState.DUPLICATE_OBJECT.label()
                        + " on the first run when the type already exists.")
                        .help("Use the dialect type, which honours the flag in every version: `postgresql.ENUM(...,"
                                + (e.name() == null ? "" : " name=\"" + e.name() + "\",") + " create_type=False)`"
                                + " (`from sqlalchemy.dialects import postgresql`).")
                        .emit();
            }
        }
    }
}
