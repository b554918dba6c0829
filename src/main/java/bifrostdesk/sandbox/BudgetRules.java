package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Budget validation and reconciliation per dialect (REFERENCE §2.6.3, §3, §10; V2: REFERENCE-v2 §11.4.3, §11.5:
 * {@code 1Q}, {@code reset_config} taken from the request, reset of matched budgets only).
 */
final class BudgetRules {
    private final Dialect dialect;
    private final boolean v2;

    BudgetRules(Dialect dialect) {
        this.dialect = dialect;
        this.v2 = dialect.atLeast(Dialect.V2);
    }

    /** The dialect's budget duration parser: V2 knows {@code Q}. */
    Double nanos(String dur) {
        return GoDuration.parseNanos(dur, v2);
    }

    /**
     * Handler-level checks of a {@code budgets[]} list: negative limit, unparsable or (LATER) non-positive
     * duration, duplicate duration. {@code bare} selects unwrapped (VK level, before the transaction) errors.
     */
    void prevalidate(JsonNode list, boolean bare) {
        if (list == null || !list.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode b : list) {
            double max = b.path("max_limit").asDouble(0);
            String dur = b.path("reset_duration").asText("");
            if (max < 0) {
                throw err(bare, String.format(Locale.ROOT, "Budget max_limit cannot be negative: %.2f", max));
            }
            Double nanos = nanos(dur);
            if (nanos == null) {
                throw err(bare, "Invalid reset duration format: " + dur);
            }
            if (dialect.atLeast(Dialect.LATER) && nanos <= 0) {
                throw err(bare, "Invalid reset duration (must be a positive duration)");
            }
            if (!seen.add(dur)) {
                throw err(bare, "Duplicate reset_duration in budgets: " + dur);
            }
        }
    }

    private static ApiException err(boolean bare, String msg) {
        return bare ? ApiException.bare(400, msg) : ApiException.badRequest(msg);
    }

    /**
     * The budgets that result from a full desired list (V1_5: by duration; LATER: by id, then duration, with
     * usage inheritance). Matched rows are updated in place, so pass copies. On V2 (§11.5.3) a matched budget takes
     * {@code reset_config} from the request (omitted = dropped, the trap of §11.5.2) and keeps its override;
     * {@code resetUsage} zeroes the matched ones only (§11.5.5) and new ones still inherit usage.
     */
    List<BudgetRec> reconcile(List<BudgetRec> existing, JsonNode list, boolean calendarAligned, boolean resetUsage,
            Instant now) {
        List<BudgetRec> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<BudgetRec> toReset = new ArrayList<>();
        for (JsonNode item : list) {
            double max = item.path("max_limit").asDouble(0);
            String dur = item.path("reset_duration").asText("");
            BudgetRec match = null;
            String id = dialect.atLeast(Dialect.LATER) ? Json.text(item, "id") : null;
            if (id != null) {
                for (BudgetRec b : existing) {
                    if (b.id.equals(id)) {
                        match = b;
                    }
                }
                if (match == null) {
                    throw ApiException.badRequest("budget " + id + " does not belong to this entity");
                }
            } else {
                for (BudgetRec b : existing) {
                    if (b.resetDuration.equals(dur) && !used.contains(b.id)) {
                        match = b;
                    }
                }
            }
            BudgetRec r;
            if (match != null) {
                used.add(match.id);
                r = match;
                r.maxLimit = max;
                r.resetDuration = dur;
                r.updatedAt = now;
                if (v2 && resetUsage) {
                    toReset.add(r);
                }
            } else {
                r = newBudget(max, dur, calendarAligned, now);
                if (v2 || (dialect.atLeast(Dialect.LATER) && !resetUsage)) {
                    r.currentUsage = inheritedUsage(existing, dur);
                }
            }
            if (v2) {
                Integer before = r.quarterStartMonth;
                r.quarterStartMonth = resetConfig(item.get("reset_config"), dur);
                if (match == null) {
                    r.lastReset = lastReset(calendarAligned, dur, now, r.quarterStartMonth);
                } else if (calendarAligned && dur.endsWith("Q") && !java.util.Objects.equals(before,
                        r.quarterStartMonth)) {
                    moveQuarterGrid(r, now);
                }
            }
            validate(r);
            out.add(r);
        }
        // the server resets usage after the commit, so new budgets above inherited the old usage
        toReset.forEach(b -> b.currentUsage = 0);
        return out;
    }

    /**
     * BUD validateResetConfig, inside the transaction so 500 (§11.4.3): only on a {@code …Q} duration, month 0
     * (= unset, January) or 1–12. Returns the month to store, null when unset.
     */
    private static Integer resetConfig(JsonNode rc, String dur) {
        if (rc == null || rc.isNull() || rc.isMissingNode()) {
            return null;
        }
        if (!dur.endsWith("Q")) {
            throw ApiException.internal("reset_config is only valid on a quarterly reset duration, got: " + dur);
        }
        int month = rc.path("quarter_start_month").asInt(0);
        if (month < 0 || month > 12) {
            throw ApiException.internal("quarter_start_month must be between 1 and 12, got: " + month);
        }
        return month == 0 ? null : month;
    }

    /**
     * A changed fiscal-quarter start on an aligned {@code Q} budget moves its grid (1/4/7/10 and 2/5/8/11 differ).
     * When the new grid's current boundary lies after {@code last_reset} the budget is due and the server's reset
     * tick (~10 s) zeroes it; the sandbox does that at once. Re-anchoring instead is UNVERIFIED (§11.5.2).
     */
    private static void moveQuarterGrid(BudgetRec r, Instant now) {
        Instant start = lastReset(true, r.resetDuration, now, r.quarterStartMonth);
        if (r.lastReset == null || start.isAfter(r.lastReset)) {
            r.lastReset = start;
            r.currentUsage = 0;
        }
    }

    /** The usage of the closest shorter existing budget (LATER's inheritUsageFromClosestShorterBudget). */
    private static double inheritedUsage(List<BudgetRec> existing, String dur) {
        Double d = GoDuration.parseNanos(dur, true);
        BudgetRec best = null;
        double bestNanos = -1;
        for (BudgetRec b : existing) {
            Double n = GoDuration.parseNanos(b.resetDuration, true);
            if (n != null && d != null && n < d && n > bestNanos) {
                best = b;
                bestNanos = n;
            }
        }
        return best == null ? 0 : best.currentUsage;
    }

    /** validateBudget and the table's BeforeSave: both are plain errors (500) inside the transaction. */
    void validate(BudgetRec b) {
        if (b.maxLimit <= 0) {
            throw ApiException.internal(String.format(Locale.ROOT,
                    "budget max limit cannot be negative or zero: %.2f", b.maxLimit));
        }
        Double n = nanos(b.resetDuration);
        if (n == null) {
            throw ApiException.internal("invalid reset duration format: " + b.resetDuration);
        }
        if (n <= 0) {
            throw ApiException.internal("reset duration must be > 0");
        }
    }

    static BudgetRec newBudget(double max, String dur, boolean calendarAligned, Instant now) {
        BudgetRec r = new BudgetRec();
        r.id = UUID.randomUUID().toString();
        r.maxLimit = max;
        r.resetDuration = dur;
        r.currentUsage = 0;
        r.calendarAligned = calendarAligned;
        r.lastReset = lastReset(calendarAligned, dur, now);
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    /** budgetLastReset: the calendar period start when aligned (d, w, M, Y), else now. UTC. */
    static Instant lastReset(boolean aligned, String dur, Instant now) {
        return lastReset(aligned, dur, now, null);
    }

    /**
     * As {@link #lastReset(boolean, String, Instant)}; {@code Q} snaps to fiscal quarters starting in
     * {@code quarterStartMonth} (null = January) and every third month after (REFERENCE-v2 §11.5.1).
     */
    static Instant lastReset(boolean aligned, String dur, Instant now, Integer quarterStartMonth) {
        if (!aligned || dur == null || dur.isEmpty()) {
            return now;
        }
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (dur.charAt(dur.length() - 1)) {
            case 'd' -> day;
            case 'w' -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case 'M' -> day.withDayOfMonth(1);
            case 'Q' -> {
                int first = quarterStartMonth == null ? 1 : quarterStartMonth;
                int back = Math.floorMod(day.getMonthValue() - first, 3);
                yield day.withDayOfMonth(1).minusMonths(back);
            }
            case 'Y' -> day.withDayOfYear(1);
            default -> null;
        };
        return start == null ? now : start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * LEGACY's singular {@code budget} update request applied to a 0/1-element list: {@code {}} removes, present
     * fields update, absent budget + both fields creates (else 400). Returns the new list.
     */
    List<BudgetRec> applyLegacy(List<BudgetRec> current, JsonNode req, boolean calendarAligned, Instant now,
            boolean bare) {
        if (req == null || req.isNull() || req.isMissingNode()) {
            return current;
        }
        boolean hasMax = Json.given(req, "max_limit");
        boolean hasDur = Json.given(req, "reset_duration");
        if (!hasMax && !hasDur) {
            return new ArrayList<>();
        }
        double max = req.path("max_limit").asDouble(0);
        String dur = req.path("reset_duration").asText("");
        if (hasMax && max < 0) {
            throw err(bare, String.format(Locale.ROOT, "Budget max_limit cannot be negative: %.2f", max));
        }
        if (hasDur && GoDuration.parseNanos(dur) == null) {
            throw err(bare, "Invalid reset duration format: " + dur);
        }
        BudgetRec b;
        if (!current.isEmpty()) {
            b = current.get(0);
            if (hasMax) {
                b.maxLimit = max;
            }
            if (hasDur) {
                b.resetDuration = dur;
            }
            b.updatedAt = now;
        } else {
            if (!hasMax || !hasDur) {
                throw err(bare, "both max_limit and reset_duration are required when creating a new budget");
            }
            b = newBudget(max, dur, calendarAligned, now);
        }
        validate(b);
        List<BudgetRec> out = new ArrayList<>();
        out.add(b);
        return out;
    }
}
