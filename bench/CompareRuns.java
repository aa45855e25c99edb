import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the last two runs in a bench's JSON lines (bench/results/orders.jsonl, one line per scenario and run) and
 * prints every scenario that got more than 10 % slower — by orders/s, and by its ratio to pgbench in the same run,
 * which takes the shared VM's mood out. Exits 1 when one did, so a regression is seen the day it lands.
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
        String before = ids.get(ids.size() - 2);
        String after = ids.get(ids.size() - 1);
        System.out.printf("Comparing %s with %s (slower by more than %.0f %% is flagged)%n", after, before, limit);
        boolean slower = false;
        for (var e : runs.get(after).entrySet()) {
            Map<String, String> was = runs.get(before).get(e.getKey());
            if (was == null) {
                continue;
            }
            double speed = change(was.get("ordersPerSecond"), e.getValue().get("ordersPerSecond"));
            double ratio = change(was.get("ratio"), e.getValue().get("ratio"));
            boolean flagged = speed < -limit || ratio < -limit;
            slower |= flagged;
            System.out.printf(
                    "%s %-22s orders/s %8s → %8s (%+.1f %%), ratio to pgbench %s → %s (%+.1f %%)%n",
                    flagged ? "SLOWER" : "      ",
                    e.getKey(),
                    was.get("ordersPerSecond"),
                    e.getValue().get("ordersPerSecond"),
                    speed,
                    was.get("ratio"),
                    e.getValue().get("ratio"),
                    ratio);
        }
        System.exit(slower ? 1 : 0);
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
