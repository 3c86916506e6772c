package footage.jobs.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** A ledger on a given database, for tests that build a service by hand instead of a Spring context. */
public final class TestLedgers {

    private TestLedgers() {
    }

    public static Ledger on(JdbcClient jdbc) {
        return new Ledger(jdbc, Optional.empty());
    }
}
