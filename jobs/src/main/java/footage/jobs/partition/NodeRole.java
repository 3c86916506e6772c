package footage.jobs.partition;

import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.Locale;

/**
 * What this process does in a cluster ({@code footage.role}, {@code footage serve --role}): {@code all} is one node
 * doing everything (the default); a {@code manager} runs the jobs and sends the partitions of their partitioned steps
 * to the workers over the broker; a {@code worker} only executes partitions.
 */
public enum NodeRole {
    ALL, MANAGER, WORKER;

    public static final String PROPERTY = "footage.role";
    /** For {@code @ConditionalOnExpression}: this process is a cluster's manager (its partitioned steps go remote). */
    public static final String IS_MANAGER = "'${footage.role:all}'.equalsIgnoreCase('manager')";
    /** For {@code @ConditionalOnExpression}: a single node or a worker, whose steps run here. */
    public static final String NOT_MANAGER = "!" + IS_MANAGER;
    /** For {@code @ConditionalOnExpression}: this process executes partitions. */
    public static final String IS_WORKER = "'${footage.role:all}'.equalsIgnoreCase('worker')";

    public static NodeRole of(Environment environment) {
        return parse(environment.getProperty(PROPERTY, "all"));
    }

    public static NodeRole parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be all, manager or worker, not '" + value + "'"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
