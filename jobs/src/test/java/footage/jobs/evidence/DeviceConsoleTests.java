package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device register's console pages (issue 19): evidence staff import and change, a viewer reads and is refused
 * changes. A context of its own (the property below): a register makes the shared catalog's devices UNKNOWN_DEVICE.
 */
@TestPropertySource(properties = "footage.test.context=device-console")
class DeviceConsoleTests extends AbstractEvidenceTests {

    static final String HEADER = "deviceId,type,model,serial,officerId,officerName,assignedFrom\n";

    @Test
    void staffImportAndReportDamageAViewerReadsAndIsRefusedChanges() {
        // given evidence staff and a viewer, logged in
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);

        // when staff upload a register, a bad one and a GBK one, and report damage
        HttpResponse<String> imported = staff.upload("/evidence/devices/import", Map.of(), "file", "register.csv",
                (HEADER + "D7,BODY_CAMERA,V7,SN7,O7,张三,2026-01-01T08:00:00+08:00\n").getBytes(StandardCharsets.UTF_8));
        String afterImport = staff.get("/evidence/devices").body();
        staff.upload("/evidence/devices/import", Map.of(), "file", "bad.csv",
                (HEADER + "D8,DRONE,X,S,,,\n").getBytes(StandardCharsets.UTF_8));
        String afterBad = staff.get("/evidence/devices").body();
        staff.upload("/evidence/devices/import", Map.of(), "file", "gbk.csv",
                (HEADER + "D9,CAMERA,X,S,O9,李四,2026-01-01T08:00:00+08:00\n").getBytes(Charset.forName("GBK")));
        String afterGbk = staff.get("/evidence/devices").body();
        HttpResponse<String> damage = staff.submit("/evidence/devices/damage", Map.of("id", "D7", "at", "2026-06-01T10:00",
                "note", "lens cracked"));

        // then the register lists D7 with its officer, the bad lines are named, nothing of them is stored
        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(afterImport).contains("data-device=\"D7\"", "张三 (O7)");
        assertThat(afterBad).contains("unknown type &#39;DRONE&#39;", "nothing was imported").doesNotContain("data-device=\"D8\"");
        assertThat(afterGbk).contains("GBK").doesNotContain("data-device=\"D9\"");
        assertThat(damage.statusCode()).isEqualTo(302);
        String page = viewer.get("/evidence/devices/device?id=D7").body();
        assertThat(page).contains("UNDER_REPAIR", "lens cracked", "张三 (O7)").doesNotContain("damage-form");
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE entry_type = 'DEVICE_DAMAGE_REPORTED'").query(String.class).single())
                .isEqualTo(STAFF);

        // and a viewer reads the register but may not change it
        assertThat(viewer.get("/evidence/devices").body()).contains("data-device=\"D7\"").doesNotContain("device-import-form");
        HttpResponse<String> refused = viewer.submit("/evidence/devices/retire", Map.of("id", "D7", "at", "2026-06-02T10:00"));
        assertThat(refused.statusCode()).isIn(302, 403);
        assertThat(refused.headers().firstValue("Location").orElse("")).doesNotContain("/evidence/devices/device");
        assertThat(jdbc.sql("SELECT status FROM devices WHERE id = 'D7'").query(String.class).single()).isEqualTo("UNDER_REPAIR");
    }
}
