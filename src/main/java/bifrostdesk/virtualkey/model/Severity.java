package bifrostdesk.virtualkey.model;

/** How bad a {@link Violation} is: {@code ERROR} blocks a save (the server would reject it), {@code WARNING} does not. */
public enum Severity {
    ERROR,
    WARNING
}
