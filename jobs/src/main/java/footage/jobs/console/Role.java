package footage.jobs.console;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console user may do. Only OPERATOR and ADMIN steer jobs and schedules; only ADMIN manages users, and holds
 * none of the evidence roles.
 * BUREAU_HEAD is not a role of its own but the scope of an APPROVER: with it, the approver decides external requests
 * (Art. 17, bureau-head approval) as well as internal ones (Art. 16, department head); a user cannot hold it alone.
 */
enum Role {
    ADMIN, OPERATOR, EVIDENCE_STAFF, APPROVER, BUREAU_HEAD, VIEWER;

    /** The roles that work with evidence and its access requests, which an ADMIN never holds (separation of duties). */
    static final Set<Role> EVIDENCE = EnumSet.of(EVIDENCE_STAFF, APPROVER, BUREAU_HEAD, VIEWER);

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
