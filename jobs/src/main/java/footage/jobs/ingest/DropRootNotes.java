package footage.jobs.ingest;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

import java.util.List;

/**
 * What the discovery found in the drop folder that is not a dump (a loose file, a hidden folder, a link), each with
 * why it is not taken in: kept with the job execution, so that the run's summary names them as the log does.
 */
public final class DropRootNotes {

    private static final String KEY = "footage.ingest.dropRootNotes";

    private DropRootNotes() {
    }

    static void put(ChunkContext chunkContext, List<String> notes) {
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(KEY, String.join("\n", notes));
    }

    public static List<String> of(JobExecution execution) {
        String notes = execution.getExecutionContext().containsKey(KEY) ? execution.getExecutionContext().getString(KEY) : "";
        return notes.isEmpty() ? List.of() : List.of(notes.split("\n"));
    }
}
