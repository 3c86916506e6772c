package footage.jobs.devices;

import footage.jobs.catalog.Catalog;
import footage.jobs.continuity.ContinuityContext;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage devices ...} and {@code officers import}: the device register and its
 * tables, the officers, the ledger, and the continuity analysis a register change starts (its findings depend on the
 * register).
 */
@Import({DeviceRegister.class, Devices.class, DeviceStatusHistory.class, DeviceAssignments.class, DamageReports.class,
        Officers.class, Ledger.class, ContinuityContext.class, Catalog.class, DomainMetrics.class})
public class DevicesContext {
}
