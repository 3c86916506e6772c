package footage.jobs.devices;

/** A registered device's status; its history is kept in {@code device_status}. */
public enum DeviceStatus {
    IN_SERVICE, UNDER_REPAIR, RETIRED
}
