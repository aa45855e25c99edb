package dev.kontor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by every PostgreSQL process of the machine (from {@code /proc}, in
 * milliseconds), so a bench can say what one order costs on each side: the figure that carries to other machines.
 */
public record CpuClock(long jvmMillis, long postgresMillis) {

    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    public static CpuClock now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuClock(os.getProcessCpuTime() / 1_000_000, postgres());
    }

    public CpuClock since(CpuClock start) {
        return new CpuClock(jvmMillis - start.jvmMillis, postgresMillis - start.postgresMillis);
    }

    private static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                            .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(CpuClock::postgresTicks)
                            .sum()
                    * TICK_MILLIS;
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of a postgres process (a backend that ended meanwhile is not counted). */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, close);
            if (!name.startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
