package footage.jobs.cli;

import java.util.List;
import java.util.Optional;

/** Every command of DESIGN §8 that this version has, in the order the usage lists them. */
final class CommandSpecs {

    static final int ANY = Integer.MAX_VALUE;

    static final List<CommandSpec> ALL = List.of(
            CommandSpec.of("demo", "demo                    ingest sample-media into a fresh home, print a summary and where the results are"),
            CommandSpec.of("ingest", "ingest [--drop DIR]     run the ingest job once (continuity analysis included)").options("drop"),
            CommandSpec.of("probe", "probe FILE...           media facts as JSON").arguments(1, ANY),
            CommandSpec.of("explain", "explain FINDING_ID --reason R --note TEXT --by USER   state why a recording stopped (Art. 11)")
                    .options("reason", "note", "by").arguments(1, 1),
            CommandSpec.of("continuity", "continuity [--device ID | --all]   re-run the timeline analysis: of the devices waiting for it (default), of one device, or of all").options("device").flags("all"),
            CommandSpec.of("activities import", "activities import FILE  enforcement activities (CSV or JSON)").arguments(1, 1),
            CommandSpec.of("catalog list", "catalog list            the recordings in the catalog"),
            CommandSpec.of("report gaps", "report gaps [--format json|csv|html|pdf] [--device ID] [--from T] [--to T] [--lang zh-CN|en] [--out FILE]  the gap report").options("format", "device", "from", "to", "lang", "out"),
            CommandSpec.of("report interruptions", "report interruptions (--activity ID | --from T --to T) [--format html|pdf] [--lang zh-CN|en] [--out FILE]  the leader's report of interruptions (Art. 11)").options("activity", "from", "to", "format", "lang", "out"),
            CommandSpec.of("report supervision", "report supervision --month YYYY-MM [--format csv|html|pdf] [--lang zh-CN|en] [--out FILE]  the supervision report per officer (Art. 19)").options("month", "format", "lang", "out"),
            CommandSpec.of("verify", "verify [--full]         check the ledger chain and the catalog against it; --full re-hashes the archive too").flags("full"),
            CommandSpec.of("fixity", "fixity [--resume]       fixity audit of the archive (footage.fixity.max-age); --resume continues an unfinished one").flags("resume"),
            CommandSpec.of("export", "export (--case ID | --device ID --from T --to T) --out DIR   BagIt evidence package").options("case", "device", "from", "to", "out"),
            CommandSpec.of("transcode", "transcode [--recheck-decode]   make the missing viewing proxies and thumbnails (ffmpeg-profiles/) of the archived recordings and decode-check them; --recheck-decode checks every recording again").flags("recheck-decode"),
            CommandSpec.of("retention set", "retention set RECORDING_ID --class STANDARD|PERMANENT [--category C] --by USER [--reason TEXT]   retention class (Art. 15); PERMANENT -> STANDARD needs --reason and an ADMIN --by").options("class", "category", "by", "reason").arguments(1, 1),
            CommandSpec.of("hold set", "hold set (--case ID | --recording ID) --reason TEXT --by USER   keep recordings from the sweep whatever their class").options("case", "recording", "reason", "by"),
            CommandSpec.of("hold lift", "hold lift (--case ID | --recording ID) --reason TEXT --by USER  lift the holds on a case or recording").options("case", "recording", "reason", "by"),
            CommandSpec.of("sweep", "sweep [--dry-run]        move expired, unheld STANDARD recordings to expired/; --dry-run only lists them").flags("dry-run"),
            CommandSpec.of("jobs list", "jobs list [--status S] [--job NAME] [--limit N]   job executions, newest first").options("limit", "status", "job"),
            CommandSpec.of("jobs show", "jobs show ID            an execution's steps with read/write/skip/commit/rollback counts").arguments(1, 1),
            CommandSpec.of("jobs restart", "jobs restart ID         restart a failed or stopped execution where it stopped").arguments(1, 1),
            CommandSpec.of("jobs stop", "jobs stop ID            stop a running execution at its next chunk boundary").arguments(1, 1),
            CommandSpec.of("jobs abandon", "jobs abandon ID         mark a failed or stopped execution as never to be restarted").arguments(1, 1),
            CommandSpec.of("serve", "serve [--role all|manager|worker]   run the schedules (and the console) until stopped; manager and worker: a cluster sharing the ingest over RabbitMQ").options("role"),
            CommandSpec.of("test", "test                    run every test (handled by the ./footage launcher)"));

    private CommandSpecs() {
    }

    /** The command that the first one or two words name. */
    static Optional<CommandSpec> find(List<String> words) {
        if (words.size() >= 2) {
            String two = words.get(0) + " " + words.get(1);
            Optional<CommandSpec> spec = ALL.stream().filter(s -> s.name().equals(two)).findFirst();
            if (spec.isPresent()) {
                return spec;
            }
        }
        return words.isEmpty() ? Optional.empty() : ALL.stream().filter(s -> s.name().equals(words.get(0))).findFirst();
    }

    /** Sub-commands of a group word ("catalog" -> "catalog list"), for the error message. */
    static List<String> group(String word) {
        return ALL.stream().map(CommandSpec::name).filter(n -> n.startsWith(word + " ")).toList();
    }

    static String usage() {
        StringBuilder b = new StringBuilder("usage: footage [--home DIR] [--footage.x=y ...] COMMAND\n");
        ALL.forEach(s -> b.append("  ").append(s.usage()).append('\n'));
        b.append("global: --home DIR (default ./var), any Spring property as --footage.x=y or --spring.x=y");
        return b.toString();
    }
}
