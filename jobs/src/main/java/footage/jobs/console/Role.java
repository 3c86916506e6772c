package footage.jobs.console;

import java.util.EnumSet;
import java.util.Set;

/** What a console user may do. Only OPERATOR and ADMIN steer jobs and schedules; only ADMIN manages users. */
enum Role {
    ADMIN, OPERATOR, EVIDENCE_STAFF, APPROVER, VIEWER;

    String authority() {
        return "ROLE_" + name();
    }

    static Set<Role> parse(java.util.Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(Role.valueOf(n.trim()));
        }
        return roles;
    }
}
