package bifrostdesk.drafts.merge;

/** How one merge conflict is resolved: take this draft's value, the server's value, or the draft's base value. */
public enum Choice {
    MINE, THEIRS, BASE
}
