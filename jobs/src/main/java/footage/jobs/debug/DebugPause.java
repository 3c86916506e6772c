package footage.jobs.debug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The test pause points of the ingest, the transcode and the fixity audit ({@code footage.debug.*pause-at}): the process says
 * {@code PAUSED <point>} and waits, to be killed there for real (crash tests) or, in the cluster tests, to be told
 * {@code resume} on its standard input once another worker has taken a partition too.
 */
public final class DebugPause {

    private DebugPause() {
    }

    public static void here(String point) {
        System.out.println("PAUSED " + point);
        System.out.flush();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals("resume")) {
                    System.out.println("RESUMED");
                    System.out.flush();
                    return;
                }
            }
        } catch (IOException e) {
            // no standard input to be told on: wait to be killed
        }
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
