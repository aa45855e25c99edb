package dev.kontor.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.kontor.shared.StartupProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server and the database Kontor uses in it.
 *
 * <p>Durable mode (the run command) keeps its files in a folder of the user's, with fsync on. Only one
 * Kontor may use that folder at a time: a lock file says so, and a postmaster left behind by a killed
 * JVM is stopped before the next start. Ephemeral mode (tests) runs in a temporary folder without fsync.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final String database;
    private final Path dataDir;
    private final FileChannel lockChannel;
    private final boolean shared;
    private boolean stopped;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, Path dataDir, FileChannel lockChannel) {
        this.postgres = postgres;
        this.database = database;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.shared = lockChannel == null;
    }

    /** Starts PostgreSQL on files kept in {@code dataDir}; fails when another Kontor already uses them. */
    static EmbeddedPostgresServer durable(Path dataDir, int port, String database, Map<String, String> settings) {
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            FileChannel lock = lockExclusively(dir.resolveSibling(dir.getFileName() + ".lock"));
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            settings.forEach(builder::setServerConfig);
            withLocale(builder);
            if (port > 0) {
                builder.setPort(port);
            }
            return start(builder, database, dir, lock);
        } catch (IOException e) {
            throw new StartupProblem(
                    "The embedded PostgreSQL could not start in " + dataDir + ": " + e.getMessage(),
                    "Check that the folder is writable and port " + port + " is free (--kontor.embedded-db.port=…), "
                            + "or connect to your own PostgreSQL with KONTOR_DB_URL.",
                    e);
        }
    }

    /** Starts a throw-away PostgreSQL for tests. */
    static EmbeddedPostgresServer ephemeral(String database) {
        try {
            Path dir = Files.createTempDirectory("kontor-test-pg");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300");
            withLocale(builder);
            return start(builder, database, dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    private static void withLocale(EmbeddedPostgres.Builder builder) {
        // C.UTF-8: byte-order sorting (fast, the same everywhere) and Unicode-aware lower()/upper()
        builder.setLocaleConfig("locale", "C.UTF-8");
    }

    private static EmbeddedPostgresServer start(
            EmbeddedPostgres.Builder builder, String database, Path dir, FileChannel lock) throws IOException {
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres, database);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, database, dir, lock);
        server.takeOverShutdown();
        return server;
    }

    /**
     * zonky stops PostgreSQL from its own JVM shutdown hook, which races Spring's: connections die under
     * the closing context and Ctrl+C prints stack traces. Marking zonky's instance closed makes its hook a
     * no-op; {@link #close()} stops the server itself, after the pool (Spring destroys dependents first).
     */
    private void takeOverShutdown() {
        try {
            closedFlag().set(true);
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenSpringDidNot, "kontor-pg-stop"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Could not take over stopping PostgreSQL from zonky; its hook stays", e);
        }
    }

    /**
     * At JVM exit: give Spring's contexts two seconds to close (and stop the server in order), then stop
     * it anyway, so no PostgreSQL outlives its JVM (tests, a failed start).
     */
    private void stopWhenSpringDidNot() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!isStopped() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private AtomicBoolean closedFlag() throws ReflectiveOperationException {
        Field field = EmbeddedPostgres.class.getDeclaredField("closed");
        field.setAccessible(true);
        return (AtomicBoolean) field.get(postgres);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "kontor.embedded-db.database must be a plain lower-case name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
    }

    private static FileChannel lockExclusively(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new StartupProblem(
                    "Another Kontor is already running with its data in " + lockFile.getParent() + ".",
                    "Stop the other Kontor first, or give this one its own folder: --kontor.embedded-db.data-dir=…",
                    null);
        }
        channel.truncate(0)
                .write(ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        return channel;
    }

    /**
     * A JVM killed with -9 leaves its postmaster running, and the next start would fail on the pid
     * file. We hold the folder's lock, so a postmaster still running there is an orphan: stop it.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> postmaster = lines.isEmpty()
                ? Optional.empty()
                : parsePid(lines.get(0))
                        .flatMap(ProcessHandle::of)
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.endsWith("postgres"))
                                .orElse(false));
        if (postmaster.isEmpty()) {
            return; // stale pid file; PostgreSQL itself handles that
        }
        log.warn(
                "Stopping a PostgreSQL left running by an earlier Kontor (pid {})",
                postmaster.get().pid());
        postmaster.get().destroy(); // SIGTERM: a smart shutdown, which is quick with no clients left
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    Path dataDir() {
        return dataDir;
    }

    int port() {
        return postgres.getPort();
    }

    /** Called when a Spring context closes: stops a durable server, leaves the JVM's shared test server running. */
    void release() {
        if (!shared) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            closedFlag().set(false);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // zonky's flag was never taken over; its close() below still works
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
