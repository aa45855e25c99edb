// Where the JVM's time goes in a flight recording of Kontor under load (bench/profile.sh): each execution sample
// counted for the layer nearest to the code it caught running (pgjdbc for a socket write pgjdbc made; Spring Security
// for a filter's own work, not for the request it passes on) and the packages that run at the leaf. (Per-thread CPU is
// left out: the profile settings sample it every 10 s, too rarely to trust over a short run.)
// Single-file Java, JDK only:  java bench/JfrBreakdown.java recording.jfr
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

public class JfrBreakdown {

    /** Layers, by the frames a sample's stack holds; the first of a stack's frames to match names its leaf. */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("HTTP server (Tomcat)", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        LAYERS.put("Spring Security filters", List.of("org.springframework.security."));
        LAYERS.put(
                "Servlet filters of Kontor and Spring Boot", List.of("dev.kontor.web.", "org.springframework.boot."));
        LAYERS.put("Spring MVC (dispatch, arguments, answers)", List.of("org.springframework.web."));
        LAYERS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        LAYERS.put("Transactions (Spring)", List.of("org.springframework.transaction."));
        LAYERS.put("Spring JDBC (JdbcClient, templates)", List.of("org.springframework.jdbc."));
        LAYERS.put("PostgreSQL driver (pgjdbc)", List.of("org.postgresql."));
        LAYERS.put("Connection pool (HikariCP)", List.of("com.zaxxer.hikari."));
        LAYERS.put("Event publication registry (Modulith)", List.of("org.springframework.modulith."));
        LAYERS.put("Kontor: order intake and changes", List.of("dev.kontor.orders."));
        LAYERS.put("Kontor: stock and reservations", List.of("dev.kontor.catalog."));
        LAYERS.put("Kontor: customers", List.of("dev.kontor.customers."));
        LAYERS.put("Kontor: timeline", List.of("dev.kontor.timeline."));
        LAYERS.put("Kontor: order events and idempotency", List.of("dev.kontor.integration."));
        LAYERS.put("Kontor: access (tokens, permissions)", List.of("dev.kontor.access."));
        LAYERS.put("Logging (Logback)", List.of("ch.qos.logback.", "org.slf4j."));
    }

    public static void main(String[] args) throws Exception {
        List<RecordedEvent> samples = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                samples.add(event);
            }
        }
        Map<String, Integer> byLayer = new LinkedHashMap<>();
        Map<String, Integer> self = new HashMap<>();
        for (RecordedEvent sample : samples) {
            if (sample.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = sample.getStackTrace().getFrames();
            byLayer.merge(nearestLayer(frames), 1, Integer::sum);
            if (!frames.isEmpty()) {
                String type = frames.get(0).getMethod().getType().getName();
                int dots = 0;
                int cut = type.length();
                for (int i = 0; i < type.length(); i++) {
                    if (type.charAt(i) == '.' && ++dots == 3) {
                        cut = i;
                        break;
                    }
                }
                self.merge(type.substring(0, cut), 1, Integer::sum);
            }
        }
        int total = samples.size();
        System.out.printf("%n%,d execution samples of Java threads%n%n", total);
        System.out.println("| layer (the nearest to the running code on the sample's stack) | share of samples |");
        System.out.println("|---|---:|");
        byLayer.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.println();
        System.out.println("| running at the leaf (package) | share of samples |");
        System.out.println("|---|---:|");
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> System.out.printf("| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
    }

    /**
     * The layer doing the work: from the running frame outwards, the first frame of a known layer (a JDK method
     * called by pgjdbc counts for pgjdbc; a filter that only passes the request on does not count for itself).
     */
    static String nearestLayer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                if (matches(frame, layer.getValue())) {
                    return layer.getKey();
                }
            }
        }
        return "other (JDK, Spring core, Kontor's shell)";
    }

    static boolean matches(RecordedFrame frame, List<String> prefixes) {
        String type = frame.getMethod().getType().getName();
        return prefixes.stream().anyMatch(type::startsWith);
    }
}
