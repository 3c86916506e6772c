package footage.pipeline.continuity;

import java.util.List;

/** How much of an activity's window its devices recorded, and the holes (as GAP findings carrying the activity id). */
public record ActivityCoverage(Activity activity, double coveredSeconds, double windowSeconds, List<TimelineFinding> gaps) {

    public double percent() {
        return windowSeconds <= 0 ? 0 : Math.min(100.0, 100.0 * coveredSeconds / windowSeconds);
    }
}
