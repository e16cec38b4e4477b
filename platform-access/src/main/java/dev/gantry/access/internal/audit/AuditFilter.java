package dev.gantry.access.internal.audit;

import dev.gantry.access.AuditQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link AuditQuery} as a portable SQL condition with positional parameters; user text is never SQL. */
record AuditFilter(String condition, List<Object> params) {

    static AuditFilter of(AuditQuery query) {
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>();
        conditions.add("1 = 1");
        if (query.actor() != null) {
            conditions.add("actor = ?");
            params.add(query.actor());
        }
        if (query.actionPrefix() != null) {
            conditions.add("action like ? escape '\\'");
            params.add(escapeLike(query.actionPrefix()) + "%");
        }
        if (query.targetContains() != null) {
            conditions.add("lower(target) like ? escape '\\'");
            params.add("%" + escapeLike(query.targetContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        return new AuditFilter(String.join(" and ", conditions), List.copyOf(params));
    }

    AuditFilter and(String condition, Object... more) {
        var all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return new AuditFilter(this.condition + " and " + condition, List.copyOf(all));
    }

    /** {@code %} and {@code _} typed into a search box are meant literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
