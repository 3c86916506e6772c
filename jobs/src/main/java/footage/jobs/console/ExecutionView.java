package footage.jobs.console;

import java.time.LocalDateTime;
import java.util.List;

/** One job execution as its detail page shows it, with what the current user may do to it. */
record ExecutionView(long id, String job, long instanceId, String status, String exitCode, Description exit,
                     LocalDateTime created, LocalDateTime start, LocalDateTime end, LocalDateTime lastUpdated,
                     List<Param> parameters, List<StepView> steps, List<ExecutionQueries.Row> attempts,
                     boolean running, boolean canRestart, boolean canStop, boolean canAbandon) {

    record Param(String name, String type, String value, boolean identifying) {
    }

    /** An exit description split into its first line and, when it holds one, the stack trace (shown collapsed). */
    record Description(String summary, String trace) {

        static Description of(String text) {
            if (text == null || text.isBlank()) {
                return new Description("", "");
            }
            String trimmed = text.strip();
            int nl = trimmed.indexOf('\n');
            return nl < 0 ? new Description(trimmed, "") : new Description(trimmed.substring(0, nl).strip(), trimmed);
        }

        public boolean empty() {
            return summary.isEmpty();
        }

        public boolean hasTrace() {
            return !trace.isEmpty();
        }
    }

    record StepView(long id, String name, String status, long read, long write, long filter, long skip, long commit,
                    long rollback, String exitCode, Description exit, LocalDateTime start, LocalDateTime end,
                    Progress progress) {
    }

    /** Items done of a known total (files, for the ingest step), or only done when the total is unknown. */
    record Progress(long done, Long total) {

        public Integer percent() {
            return total == null || total == 0 ? null : (int) Math.min(100, done * 100 / total);
        }
    }
}
