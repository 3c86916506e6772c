package footage.jobs.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.console.*}.
 *
 * @param adminUser     the administrator created on first start, when the catalog has no console user yet
 * @param adminPassword that administrator's password ({@code FOOTAGE_ADMIN_PASSWORD}); none = generated and printed once
 * @param loginFailures failed logins in a row of one user name from one address before each further try from there
 *                      waits ({@code loginDelay}, doubling with each failure); other addresses are not affected
 * @param loginDelay    the first such wait
 * @param loginLockout  the longest wait, and how long failures are remembered after the last one
 * @param loginAddressFailures failed logins from one address (any user names) within {@code loginLockout} after which
 *                      that address waits out the period
 * @param refresh       how often pages reload their live part while something runs
 * @param actionWait    how long a restart request waits for its outcome before the page returns (the job goes on)
 * @param pageSize      executions per page
 */
@ConfigurationProperties("footage.console")
record ConsoleProperties(@DefaultValue("admin") String adminUser, String adminPassword,
                         @DefaultValue("3") int loginFailures, @DefaultValue("1s") Duration loginDelay,
                         @DefaultValue("15m") Duration loginLockout, @DefaultValue("30") int loginAddressFailures,
                         @DefaultValue("3s") Duration refresh, @DefaultValue("2s") Duration actionWait,
                         @DefaultValue("50") int pageSize) {

    ConsoleProperties {
        if (!ConsoleUsers.validName(adminUser)) {
            throw new IllegalArgumentException("footage.console.admin-user must be 2-32 lower-case letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit: '" + adminUser + "'");
        }
        if (adminPassword != null && adminPassword.isBlank()) {
            adminPassword = null;
        }
        if (adminPassword != null) {
            try {
                // its strength is judged when the administrator is created (AdminBootstrap): not at every command's start
                ConsoleUsers.checkPasswordLength(adminPassword);
            } catch (ConsoleRefusal refused) {
                throw new IllegalArgumentException("footage.console.admin-password (FOOTAGE_ADMIN_PASSWORD) must have at least "
                        + ConsoleUsers.MIN_PASSWORD + " characters and at most " + ConsoleUsers.MAX_PASSWORD_BYTES
                        + " bytes in UTF-8");
            }
        }
        if (loginFailures < 1) {
            throw new IllegalArgumentException("footage.console.login-failures must be at least 1: " + loginFailures);
        }
        if (loginLockout.isNegative() || loginLockout.isZero()) {
            throw new IllegalArgumentException("footage.console.login-lockout must be positive: " + loginLockout);
        }
        if (loginDelay.isNegative() || loginDelay.isZero() || loginDelay.compareTo(loginLockout) > 0) {
            throw new IllegalArgumentException("footage.console.login-delay must be positive and at most login-lockout: "
                    + loginDelay);
        }
        if (loginAddressFailures < loginFailures) {
            throw new IllegalArgumentException("footage.console.login-address-failures must be at least login-failures: "
                    + loginAddressFailures);
        }
        if (refresh.toMillis() < 500) {
            throw new IllegalArgumentException("footage.console.refresh must be at least 500ms: " + refresh);
        }
        if (actionWait.isNegative()) {
            throw new IllegalArgumentException("footage.console.action-wait must not be negative: " + actionWait);
        }
        if (pageSize < 10 || pageSize > 500) {
            throw new IllegalArgumentException("footage.console.page-size must be between 10 and 500: " + pageSize);
        }
    }

    @Override
    public String toString() {
        // never print the password, e.g. in a failed-binding report
        return "ConsoleProperties[adminUser=" + adminUser + ", adminPassword=" + (adminPassword == null ? "none" : "***")
                + ", loginFailures=" + loginFailures + ", loginDelay=" + loginDelay + ", loginLockout=" + loginLockout
                + ", loginAddressFailures=" + loginAddressFailures + ", refresh=" + refresh
                + ", actionWait=" + actionWait + ", pageSize=" + pageSize + "]";
    }
}
