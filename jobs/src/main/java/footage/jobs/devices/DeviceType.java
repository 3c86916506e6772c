package footage.jobs.devices;

/** What a registered device is (Art. 2 covers cameras, audio recorders and video devices alike). */
public enum DeviceType {
    BODY_CAMERA, HANDHELD_TERMINAL, CAMERA, AUDIO_RECORDER, SURVEILLANCE
}
