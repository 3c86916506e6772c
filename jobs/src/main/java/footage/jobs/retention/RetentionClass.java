package footage.jobs.retention;

/** Retention classes of docs/formats.md §12. */
enum RetentionClass {
    /** kept until the recording date + {@code footage.retention.standard}, then swept to expired/ */
    STANDARD,
    /** never swept; carries one of the Art. 15 categories */
    PERMANENT
}
