package footage.jobs.partition;

import footage.jobs.SlimContextRefused;
import org.springframework.core.env.Environment;

/**
 * Imported by the slim context of a command that runs a partitioned job (fixity, transcode): such a context has the
 * job's local steps only; a cluster's manager sends the partitions to its workers ({@code footage.role}), which needs
 * the whole application, so the command starts there instead.
 */
public class SingleNode {

    SingleNode(Environment environment) {
        NodeRole role = NodeRole.of(environment);
        if (role != NodeRole.ALL) {
            throw new SlimContextRefused("footage.role=" + role.label() + ": the job runs in the whole application");
        }
    }
}
