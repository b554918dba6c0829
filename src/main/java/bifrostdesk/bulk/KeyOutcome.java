package bifrostdesk.bulk;

import java.util.List;

/**
 * What the review found for one key, without its requests (those are rebuilt on demand, so a review of 10,000
 * keys holds no JSON).
 *
 * @param vkId    the key's id
 * @param vkName  its name
 * @param status  the group it is listed in
 * @param reasons why it cannot be changed, its validation errors, or why it is flagged; empty for the others
 */
public record KeyOutcome(String vkId, String vkName, Status status, List<String> reasons) {

    /** The review's groups. */
    public enum Status {
        /** The change makes requests for this key. */
        CHANGE("change"),
        /** The key already is as asked: nothing is sent. */
        UNCHANGED("already as asked"),
        /** The server cannot make this change on this key (the plan's refusals say why). */
        REFUSED("cannot be changed on this server"),
        /** The changed key would break the editor's rules (the errors say which). */
        INVALID("would be invalid"),
        /** The key has an unsaved draft in this workspace: left alone so the draft is not overtaken. */
        HAS_DRAFT("have unsaved drafts"),
        /** Changed on the server after the change being undone: not reverted without a second look. */
        CHANGED_SINCE("changed since");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public KeyOutcome {
        reasons = List.copyOf(reasons);
    }
}
