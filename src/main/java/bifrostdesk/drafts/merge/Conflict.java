package bifrostdesk.drafts.merge;

/**
 * A field both this draft ({@code mine}) and the server ({@code theirs}) changed differently since the draft's base.
 *
 * @param id     stable identifier of the conflict (built from server ids, not list positions), the key for
 *               {@link MergeResult#resolve}
 * @param path   node path in the <em>merged</em> key ({@code ""}, {@code budgets/0}, {@code provider_configs/2/models},
 *               …) where the editor shows the conflict; for an item the server deleted, the path of its list
 * @param field  the field name ({@code name}, {@code max_limit}, {@code allowed_models}, {@code deleted}, …)
 * @param label  plain words, e.g. "Budget 1d of provider config openai (id 12): limit"
 * @param base   the base value, rendered short for a side-by-side view
 * @param mine   this draft's value, rendered
 * @param theirs the server's value, rendered
 */
public record Conflict(String id, String path, String field, String label, String base, String mine, String theirs) {
}
