package bifrostdesk.help;

import bifrostdesk.drafts.DataDirs;
import bifrostdesk.virtualkey.model.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The help pages inside the app, as headings and paragraphs (the words are the README's): getting started, the
 * server versions (one row per {@link Dialect}), and where the files are ({@link DataDirs}). Pure; help.ui lays
 * them out.
 */
public final class HelpPages {
    private HelpPages() {
    }

    /** A page: a title and its sections. */
    public record Page(String title, List<Section> sections) {
        public Page {
            sections = List.copyOf(sections);
        }
    }

    /** A heading and its text; paragraphs are separated by a blank line. */
    public record Section(String heading, String text) {
    }

    public static Page gettingStarted() {
        return new Page("Getting started", List.of(
                new Section("Connect", "The app opens on the built-in sandbox: demo keys on a Bifrost-compatible "
                        + "server inside the app, nothing real. To manage your own gateway, press \"Connect to your "
                        + "gateway…\" (or ⚙ next to the profile picker), add a profile with its address and sign-in, "
                        + "and press Test connection: it says whether it found a Bifrost, and if not, why. Each "
                        + "profile has its own drafts."),
                new Section("Edit", "Pick a key in the list on the left. Its tree (middle) shows budgets, rate "
                        + "limits, provider configs with their keys and models, MCP clients with their tools; the "
                        + "form (right) edits the selected node. A blue dot marks unsaved changes; problems show under "
                        + "the field and in the problems panel, which jumps to the node."),
                new Section("Save", "Ctrl+S re-reads the key from the server and shows a plan in words of what "
                        + "the save will change. Nothing is sent until you confirm it. If someone else changed the "
                        + "key meanwhile, the app asks whether to show their version, overwrite, or cancel."),
                new Section("Offline", "Every edit is kept as a draft on disk within a second. Without the "
                        + "server the app works from the last copy it pulled, says since when it is offline, and "
                        + "reconnects by itself. Saving while offline queues the draft."),
                new Section("Sync", "Sync (toolbar) sends the queued drafts. A key that changed on the server "
                        + "meanwhile is merged field by field; fields both sides changed are shown side by side for "
                        + "you to choose. Every plan is confirmed before it is sent."),
                new Section("Budgets", "The Budgets tab shows every budget and rate limit on the server with its "
                        + "owner, usage, next reset and time left, what blocks a key right now, the top consumers "
                        + "and a projection to the reset. Enter opens the key at that budget."),
                new Section("What is happening", "The status line at the bottom always says the latest thing "
                        + "that happened; press it (or Ctrl+Shift+A) for recent activity with times and details.")));
    }

    public static Page serverVersions() {
        List<Section> rows = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            rows.add(new Section(d.label() + " — " + servers(d), differences(d)));
        }
        rows.add(new Section("Newer servers", "A server reporting a release newer than " + Dialect.NEWEST_TESTED
                + " is spoken to as v2, and the status bar says \"newer than tested\". A save follows what the "
                + "server's own copy of the key shows: a field the server did not send is never sent back."));
        return new Page("Server versions", rows);
    }

    /** The servers that speak {@code d}. */
    public static String servers(Dialect d) {
        return switch (d) {
            case LEGACY -> "Bifrost v1.4.x";
            case V1_5 -> "Bifrost v1.5.0 – v1.5.1";
            case LATER -> "Bifrost v1.5.2 – v1.6.x";
            case V2 -> "Bifrost v2.0 – " + Dialect.NEWEST_TESTED + " (tested)";
        };
    }

    /** What {@code d} changes for a save, in the README's words. */
    public static String differences(Dialect d) {
        return switch (d) {
            case LEGACY -> "One budget per owner, allowed keys by name, and an empty list means all.";
            case V1_5 -> "Budgets are matched by reset duration, omitting the owner detaches the key, and rate-limit "
                    + "fields merge (clearing one sub-limit takes two requests).";
            case LATER -> "Budgets are matched by id, the owner is kept unless changed, the rate limit is replaced "
                    + "whole, keys can expire, and usage can be reset.";
            case V2 -> "All providers at once, business-unit owners, quarterly budgets, per-model budgets, budget "
                    + "overrides, Virtual MCPs, rotation cooldown, agent grants, metadata, access-profile-managed "
                    + "keys, and (v2.2.6) the setup lock.";
        };
    }

    public static Page whereAreMyFiles() {
        Path data = DataDirs.data();
        Path logs = DataDirs.logs();
        return new Page("Where are my files", List.of(
                new Section("Drafts, key cache and journal", data.resolve("workspaces") + "\n\nOne folder per "
                        + "profile: drafts/ holds one file per key being edited, the cache holds the last pulled "
                        + "keys for offline use, journal.jsonl everything sent to the server."),
                new Section("Profiles", data.resolve("profiles.json") + "\n\nNames, addresses and sign-in kinds; "
                        + "never a password. Passwords and setup tokens are in the system keychain."),
                new Section("Log", logs + "\n\nFive files of 1 MB, rolling. Key values, passwords and tokens are "
                        + "masked in every line."),
                new Section("Moving everything", "BIFROST_DESK_HOME=DIR puts data and logs under one folder.")));
    }
}
