import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the last run in a bench's JSON lines (bench/results/orders.jsonl, one line per scenario and run) with the
 * latest run before it of the same length and warm-up, and prints every scenario that got more than 10 % slower — by
 * orders/s, or by the CPU it took per order (Kontor and PostgreSQL together, from /proc: the figure that carries to
 * other machines) while its orders/s also fell.
 * The ratio to pgbench is printed but flags nothing: pgbench's own 10-second runs moved by a third from run to run
 * on this VM (1,679–3,271 tps at concurrency 1 within an hour), which flagged runs that were not slower. Exits 1
 * when a scenario got slower, so a regression is seen the day it lands.
 * Usage: java bench/CompareRuns.java bench/results/orders.jsonl [percent]
 */
public class CompareRuns {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[-0-9.]+|null)");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "bench/results/orders.jsonl");
        double limit = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        if (!Files.exists(file)) {
            System.out.println("No runs recorded yet in " + file);
            return;
        }
        Map<String, Map<String, Map<String, String>>> runs = new LinkedHashMap<>(); // run → scenario → fields
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                fields.put(m.group(1), m.group(2).replace("\"", ""));
            }
            String key = fields.get("scenario") + " @" + fields.get("concurrency");
            runs.computeIfAbsent(fields.get("run"), r -> new LinkedHashMap<>()).put(key, fields);
        }
        List<String> ids = new ArrayList<>(runs.keySet());
        if (ids.size() < 2) {
            System.out.println("One run recorded so far: nothing to compare with.");
            return;
        }
        String after = ids.get(ids.size() - 1);
        String before = null;
        for (int i = ids.size() - 2; i >= 0 && before == null; i--) {
            before = comparable(runs.get(ids.get(i)), runs.get(after)) ? ids.get(i) : null;
        }
        if (before == null) {
            System.out.printf(
                    "No run before %s as long and warmed up as long (%s) to compare with.%n",
                    after, length(runs.get(after)));
            return;
        }
        System.out.printf(
                "Comparing %s with %s, both %s (slower by more than %.0f %% is flagged)%n",
                after, before, length(runs.get(after)), limit);
        boolean slower = false;
        for (var e : runs.get(after).entrySet()) {
            Map<String, String> was = runs.get(before).get(e.getKey());
            if (was == null) {
                continue;
            }
            double speed = change(was.get("ordersPerSecond"), e.getValue().get("ordersPerSecond"));
            double ratio = change(was.get("ratio"), e.getValue().get("ratio"));
            double cpu = change(cpu(was), cpu(e.getValue()));
            // more CPU per order counts when the orders also came slower: at concurrency 1 the background jobs' CPU
            // is shared by few orders, and a 10-second run's figure moves by up to 15 % on its own
            boolean flagged = speed < -limit || (cpu > limit && speed < -limit / 2);
            slower |= flagged;
            System.out.printf(
                    "%s %-22s orders/s %8s → %8s (%+.1f %%), CPU ms per order %s → %s (%+.1f %%), ratio to pgbench %s"
                            + " → %s (%+.1f %%)%n",
                    flagged ? "SLOWER" : "      ",
                    e.getKey(),
                    was.get("ordersPerSecond"),
                    e.getValue().get("ordersPerSecond"),
                    speed,
                    cpu(was),
                    cpu(e.getValue()),
                    cpu,
                    was.get("ratio"),
                    e.getValue().get("ratio"),
                    ratio);
        }
        System.exit(slower ? 1 : 0);
    }

    /**
     * Runs of another length or warm-up are not compared: a 10-second run right after start measures the JIT too
     * (Kontor's CPU per create+approve fell from 5.8 to 1.5 ms over its first minute, 2026-12-07).
     */
    private static boolean comparable(Map<String, Map<String, String>> one, Map<String, Map<String, String>> other) {
        return length(one).equals(length(other));
    }

    /** "10 s per run, warm-up 60 s"; runs before the warm-up was recorded had 3 s of creates. */
    private static String length(Map<String, Map<String, String>> run) {
        Map<String, String> first = run.values().iterator().next();
        String warmup = first.get("warmupSeconds");
        return first.get("seconds") + " s per run, warm-up " + (warmup == null ? "3" : warmup) + " s";
    }

    /** CPU milliseconds per order, Kontor and PostgreSQL together; "null" when the run did not measure them. */
    private static String cpu(Map<String, String> run) {
        String kontor = run.get("cpuMsKontor");
        String postgres = run.get("cpuMsPostgres");
        if (kontor == null || postgres == null || kontor.equals("null") || postgres.equals("null")) {
            return "null";
        }
        return String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(kontor) + Double.parseDouble(postgres));
    }

    /** The change from {@code before} to {@code after} in per cent; 0 when either is unknown. */
    private static double change(String before, String after) {
        if (before == null || after == null || before.equals("null") || after.equals("null")) {
            return 0;
        }
        double b = Double.parseDouble(before);
        return b == 0 ? 0 : (Double.parseDouble(after) - b) / b * 100;
    }
}
