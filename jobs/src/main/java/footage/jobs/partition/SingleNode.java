package footage.jobs.partition;

import footage.jobs.SlimContextRefused;
import org.springframework.core.env.Environment;

/**
 * For the slim context of a command that runs a partitioned job (ingest, fixity, transcode): such a context has the job's
 * local steps only; a cluster's manager sends the partitions to its workers ({@code footage.role}), which needs the
 * whole application, so the command starts there instead. Called from the context class's constructor: the context
 * class is made before the beans it imports, whose manager steps would otherwise fail first for want of the cluster's.
 */
public final class SingleNode {

    private SingleNode() {
    }

    public static void require(Environment environment) {
        NodeRole role = NodeRole.of(environment);
        if (role != NodeRole.ALL) {
            throw new SlimContextRefused("footage.role=" + role.label() + ": the job runs in the whole application");
        }
    }
}
