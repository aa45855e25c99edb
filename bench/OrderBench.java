// Kontor's order benchmark: orders/s and latency of the API against a running Kontor, next to pgbench's
// tpcb-like figure on the same PostgreSQL in the same run. Single-file Java; no build step:
//
//   java bench/OrderBench.java --url http://localhost:18099 --user admin --password … --seconds 20 \
//        --pg-port 15499 [--pgbench /usr/bin/pgbench]
//
// Scenarios: "create" = POST /api/orders (new customer, 3 lines); "create+approve" = that, then approve.
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OrderBench {

    static final List<String> SCENARIOS = List.of(
            "create",
            "create+approve",
            "create+approve hot",
            "create approved", // one request: POST /api/orders?approve=true, placed approved with its stock
            "create batch",
            "create+approve batch");
    static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    /** One scenario's run; an operation is one order, or {@link #BATCH} orders for the batch scenario. */
    record Result(
            String scenario, int concurrency, long operations, long errors, double seconds, double[] latenciesMs) {
        double perSecond() {
            return operations / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            return latenciesMs[(int) Math.min(latenciesMs.length - 1, Math.ceil(p / 100 * latenciesMs.length) - 1)];
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = opt.getOrDefault("url", "http://localhost:18099");
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "180"));
        String token = token(url, opt.getOrDefault("user", "admin"), opt.get("password"));
        System.out.printf(
                "Kontor at %s, %d s per run after a warm-up of %d s, %d cores, Java %s%n",
                url, seconds, warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        stockTheCatalog(url, token); // the orders name catalog items with stock: approving reserves it
        String only = opt.get("only"); // e.g. "create+approve@8": that run alone (bench/profile.sh)
        String kontorPid = opt.get("kontor-pid");
        warmUp(url, token, only, warmup);
        analyze(opt.get("pg-port"));
        quiesce(kontorPid, opt.get("pg-port"));
        List<Result> results = new ArrayList<>();
        Map<Result, long[]> cpu = new HashMap<>();
        for (String scenario : SCENARIOS) {
            for (int concurrency : List.of(1, 8)) {
                if (only != null && !only.equals(scenario + "@" + concurrency)) {
                    continue;
                }
                long[] before = cpu(kontorPid);
                Result result = run(url, token, scenario, concurrency, seconds);
                long[] after = cpu(kontorPid);
                cpu.put(result, new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]});
                results.add(result);
            }
        }
        if (only != null) {
            for (Result r : results) {
                long[] used = cpu.get(r);
                System.out.printf(
                        "%s @%d: %.1f orders/s, p50 %.1f ms, p99 %.1f ms, %d errors, CPU ms per order %s"
                                + " (Kontor / PostgreSQL / bench client)%n",
                        r.scenario(),
                        r.concurrency(),
                        r.perSecond(),
                        r.percentile(50),
                        r.percentile(99),
                        r.errors(),
                        cpuPerOrder(used, r.operations()));
            }
            return;
        }
        quiesce(kontorPid, opt.get("pg-port"));
        String profile = opt.containsKey("pg-port") ? profile(url, token, opt.get("pg-port")) : "";
        quiesce(kontorPid, opt.get("pg-port"));
        Map<Integer, Double> pgbench = new HashMap<>();
        StringBuilder pgbenchCpu = new StringBuilder();
        if (opt.containsKey("pg-port")) {
            for (int concurrency : List.of(1, 8)) {
                double[] run =
                        pgbench(opt.getOrDefault("pgbench", "pgbench"), opt.get("pg-port"), concurrency, seconds);
                pgbench.put(concurrency, run[0]);
                pgbenchCpu.append(String.format(
                        java.util.Locale.ROOT,
                        "pgbench @%d: %.0f tps, CPU ms per transaction %.3f / %.3f (PostgreSQL / pgbench)%n",
                        concurrency,
                        run[0],
                        run[1] / (run[0] * seconds),
                        run[2] / (run[0] * seconds)));
            }
        }
        System.out.println();
        System.out.println(
                "| scenario | concurrency | orders/s | p50 ms | p99 ms | errors | pgbench tpcb-like tps | ratio "
                        + "| CPU ms per order: Kontor / PostgreSQL / bench client |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        String json = opt.get("json");
        String runId = java.time.OffsetDateTime.now().withNano(0).toString();
        StringBuilder lines = new StringBuilder();
        for (Result r : results) {
            Double tps = pgbench.get(r.concurrency());
            lines.append(String.format(
                    java.util.Locale.ROOT,
                    "{\"run\":\"%s\",\"scenario\":\"%s\",\"concurrency\":%d,\"ordersPerSecond\":%.1f,"
                            + "\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"errors\":%d,\"pgbenchTps\":%s,\"ratio\":%s,"
                            + "\"cores\":%d,\"seconds\":%d,\"warmupSeconds\":%d,\"cpuMsKontor\":%s,\"cpuMsPostgres\":%s,\"cpuMsClient\":%s}%n",
                    runId,
                    r.scenario(),
                    r.concurrency(),
                    r.perSecond(),
                    r.percentile(50),
                    r.percentile(99),
                    r.errors(),
                    tps == null ? "null" : String.format(java.util.Locale.ROOT, "%.0f", tps),
                    tps == null ? "null" : String.format(java.util.Locale.ROOT, "%.4f", r.perSecond() / tps),
                    Runtime.getRuntime().availableProcessors(),
                    seconds,
                    warmup,
                    perOrder(cpu.get(r)[0], r.operations()),
                    perOrder(cpu.get(r)[1], r.operations()),
                    perOrder(cpu.get(r)[2], r.operations())));
            long[] used = cpu.get(r);
            System.out.printf(
                    "| %s | %d | %.1f | %.1f | %.1f | %d | %s | %s | %s |%n",
                    r.scenario(),
                    r.concurrency(),
                    r.perSecond(),
                    r.percentile(50),
                    r.percentile(99),
                    r.errors(),
                    tps == null ? "–" : String.format("%.0f", tps),
                    tps == null ? "–" : String.format("%.2f×", r.perSecond() / tps),
                    cpuPerOrder(used, r.operations()));
        }
        System.out.println();
        System.out.print(pgbenchCpu);
        System.out.print(profile);
        if (json != null) { // one line per scenario, every run appended: bench/CompareRuns.java compares them
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(json),
                    lines,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** CPU milliseconds per order: Kontor / PostgreSQL / this bench; "–" when Kontor's pid was not given. */
    static String cpuPerOrder(long[] used, long orders) {
        if (used[0] < 0 || orders == 0) {
            return "–";
        }
        return String.format(
                "%.2f / %.2f / %.2f", (double) used[0] / orders, (double) used[1] / orders, (double) used[2] / orders);
    }

    /**
     * Runs the scenarios unmeasured first, so that what is measured is Kontor as it runs all day, not the JIT
     * compiling it: a fresh JVM spent three quarters of its CPU on create+approve's first ten seconds compiling
     * (5.8 ms per order, 1.5 ms from the fifth ten-second round on, 2026-12-07). Each scenario at concurrency 8 and
     * at 1 for an equal share of the time, or the one scenario run alone ({@code --only}) for all of it.
     */
    static void warmUp(String url, String token, String only, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        if (only != null) {
            String[] run = only.split("@");
            run(url, token, run[0], Integer.parseInt(run[1]), seconds);
            return;
        }
        List<String> batchesFirst = new ArrayList<>(SCENARIOS); // their events are numbered meanwhile
        Collections.reverse(batchesFirst);
        for (String scenario : batchesFirst) {
            for (int concurrency : List.of(8, 1)) { // one at a time too: alone, an order takes other code (GroupCommit)
                run(url, token, scenario, concurrency, Math.max(1, seconds / (2 * SCENARIOS.size())));
            }
        }
    }

    /**
     * Gives PostgreSQL the statistics of what the warm-up wrote, as pgbench vacuums its tables before it runs: a fresh
     * database's first minute, before autovacuum first looks at it, is not what a shop runs on. Until then the plans
     * PostgreSQL caches for Kontor's prepared statements were made on empty tables (the batch path's lookups by
     * customer contact and by order id then read whole tables: 2.3 ms of PostgreSQL's CPU per order in batches of
     * four, 0.7 ms after an ANALYZE, 2026-12-07). An ANALYZE invalidates those plans.
     */
    static void analyze(String pgPort) throws Exception {
        if (pgPort != null) {
            psql(pgPort, "VACUUM (ANALYZE)", true);
        }
    }

    /**
     * Waits, two minutes at most, until Kontor and PostgreSQL are all but idle (under a twentieth of a core for three
     * seconds in a row, every order event numbered; a job still catching up at 80 ms a second made the first scenario
     * read 0.2 ms of CPU per order dearer):
     * the jobs that follow orders catch up — the event sequencer numbers 5,000 events a second, and 50-order
     * batches make more than that — before the next thing is measured, pgbench on the same server included.
     */
    static void quiesce(String kontorPid, String pgPort) throws Exception {
        if (kontorPid == null) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long[] was = cpu(kontorPid);
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long[] now = cpu(kontorPid);
            long busy = now[0] - was[0] + now[1] - was[1];
            was = now;
            // the sequencer's one statement a second looks idle by CPU while its backlog lasts: ask for the backlog
            quiet = busy < 50
                            && (pgPort == null
                                    || psql(
                                                    pgPort,
                                                    "SELECT count(*) FROM kontor.order_events WHERE position IS NULL",
                                                    false)
                                            .trim()
                                            .equals("0"))
                    ? quiet + 1
                    : 0;
            if (quiet == 3) {
                return;
            }
        }
    }

    static Result run(String url, String token, String scenario, int concurrency, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                try (Connection http = Connection.bearer(url, token)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            if (oneOperation(http, scenario)) {
                                latencies.add((System.nanoTime() - t0) / 1e6);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            http.close(); // the next request opens a new connection
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long orders = (long) sorted.length * (scenario.endsWith(" batch") ? BATCH : 1);
        return new Result(scenario, concurrency, orders, errors.get(), elapsed, sorted);
    }

    static final Pattern ORDER_ID = Pattern.compile("\"id\":(\\d+)");

    /** One order (or one batch) of the scenario, checked: true when every answer was the one expected. */
    static boolean oneOperation(Connection http, String scenario) throws Exception {
        boolean batch = scenario.endsWith(" batch");
        Connection.Response created = batch
                ? http.post("/api/orders/batch", batch(scenario.startsWith("create+approve")))
                : http.post(
                        scenario.equals("create approved") ? "/api/orders?approve=true" : "/api/orders",
                        scenario.endsWith("hot") ? hotOrder() : order());
        boolean ok = created.status() == (batch ? 200 : 201);
        if (ok && scenario.equals("create approved")) {
            ok = created.body().contains("\"lifecycle\":\"APPROVED\"");
        }
        if (ok && batch && scenario.startsWith("create+approve")) { // every one approved
            ok = created.body().split("\"lifecycle\":\"APPROVED\"", -1).length - 1 == BATCH;
        }
        if (ok && scenario.startsWith("create+approve") && !batch) {
            Matcher id = ORDER_ID.matcher(created.body());
            ok = id.find()
                    && http.post("/api/orders/" + id.group(1) + "/approve", "{}")
                                    .status()
                            == 200;
        }
        return ok;
    }

    /**
     * A keep-alive HTTP/1.1 connection, blocking, on the caller's thread: each sender has its own. The bench shares
     * the two cores with Kontor and PostgreSQL, so its client should cost as little as pgbench's does:
     * java.net.http's client hands every exchange to its selector thread and back, and took 0.48 ms of CPU per
     * create+approve (two requests) at concurrency 8 (2026-12-07); this one writes the request and reads the answer on
     * the calling thread. It understands what Kontor answers with: a status line, headers, a body by Content-Length
     * or chunked.
     */
    static final class Connection implements AutoCloseable {
        record Response(int status, String body) {}

        private final String host;
        private final int port;
        private final byte[] head;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        private Connection(String url, String authorization) {
            URI base = URI.create(url);
            this.host = base.getHost();
            this.port = base.getPort();
            this.head = ("Host: " + host + ":" + port + "\r\nAuthorization: " + authorization
                            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** A connection to Kontor at the URL whose requests carry the API token. */
        static Connection bearer(String url, String token) {
            return new Connection(url, "Bearer " + token);
        }

        /** A connection to Kontor at the URL whose requests sign in with the user's password. */
        static Connection basic(String url, String user, String password) {
            return new Connection(
                    url,
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Response post(String path, String body) throws java.io.IOException {
            return send("POST", path, body);
        }

        Response get(String path) throws java.io.IOException {
            return send("GET", path, "");
        }

        private Response send(String method, String path, String body) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new java.io.IOException("Not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            java.io.ByteArrayOutputStream received =
                    new java.io.ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    received.write(in.readNBytes(size));
                    line(); // the CRLF after a chunk
                }
                while (!line().isEmpty()) {} // trailers
            } else if (length >= 0) {
                received.write(in.readNBytes((int) length));
            } else {
                received.write(in.readAllBytes());
                close = true;
            }
            if (close) {
                close();
            }
            return new Response(code, received.toString(StandardCharsets.UTF_8));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("Connection closed by Kontor");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing a connection that failed: nothing to keep
                }
                socket = null;
            }
        }
    }

    /** The items the orders name, with more units in stock than any run sells; BENCH-HOT is every hot order's. */
    static final List<String> ITEMS = List.of("BENCH-SHIRT", "BENCH-SCARF", "BENCH-SOCKS", "BENCH-HOT");

    static void stockTheCatalog(String url, String token) throws Exception {
        try (Connection http = Connection.bearer(url, token)) {
            if (http.get("/api/catalog/variants/BENCH-HOT").status() == 200) {
                return; // stocked by an earlier run against this Kontor (bench/profile.sh runs twice)
            }
            StringBuilder variants = new StringBuilder();
            for (String sku : ITEMS) {
                variants.append(variants.length() == 0 ? "" : ",")
                        .append("{\"sku\":\"%s\",\"attributes\":{\"size\":\"M\"},\"prices\":{\"EUR\":1990}}"
                                .formatted(sku));
            }
            Connection.Response product = http.post(
                    "/api/catalog/products",
                    "{\"code\":\"BENCH\",\"name\":\"Bench goods\",\"variants\":[" + variants + "]}");
            if (product.status() != 201) {
                throw new IllegalStateException(
                        "Could not create the bench's items: " + product.status() + " " + product.body());
            }
            for (String sku : ITEMS) {
                Connection.Response received = http.post(
                        "/api/stock/receipts",
                        "{\"sku\":\"%s\",\"quantity\":1000000,\"reason\":\"bench\"}".formatted(sku));
                if (received.status() != 200) {
                    throw new IllegalStateException(
                            "Could not stock " + sku + ": " + received.status() + " " + received.body());
                }
            }
        }
    }

    /** An order of one unit of the one item every hot order wants: all of them reserve from the same stock row. */
    static String hotOrder() {
        long n = SEQUENCE.incrementAndGet();
        return """
                {"channel":"WEBSHOP","externalId":"bench-%d","currency":"EUR",
                 "customer":{"name":"Bench Customer %d","country":"DE","email":"bench%d@example.de"},
                 "shippingAddress":{"name":"Bench Customer %d","street":"Hauptstraße %d","postalCode":"50667","city":"Köln","country":"DE"},
                 "lines":[{"sku":"BENCH-HOT","unitPrice":1990,"quantity":1,"taxRate":1900}]}""".formatted(n, n, n, n, n % 200 + 1);
    }

    /** Orders per request in the batch scenario: what a marketplace connector sends after a minute's sales. */
    static final int BATCH = 50;

    /** {@link #BATCH} orders as one request to {@code POST /api/orders/batch}, approved as placed or not. */
    static String batch(boolean approve) {
        StringBuilder body = new StringBuilder("{\"approve\":" + approve + ",\"orders\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append(order());
        }
        return body.append("]}").toString();
    }

    static String order() {
        long n = SEQUENCE.incrementAndGet();
        return """
                {"channel":"WEBSHOP","externalId":"bench-%d","currency":"EUR",
                 "customer":{"name":"Bench Customer %d","country":"DE","email":"bench%d@example.de"},
                 "shippingAddress":{"name":"Bench Customer %d","street":"Hauptstraße %d","postalCode":"50667","city":"Köln","country":"DE"},
                 "lines":[{"sku":"BENCH-SHIRT","name":"Linen shirt","attributes":{"colour":"blue","size":"M"},"unitPrice":4990,"quantity":2,"taxRate":1900},
                          {"sku":"BENCH-SCARF","name":"Silk scarf","attributes":{"colour":"red"},"unitPrice":3490,"quantity":1,"taxRate":1900},
                          {"sku":"BENCH-SOCKS","name":"Merino socks","attributes":{"colour":"grey","size":"39-42"},"unitPrice":1990,"quantity":3,"taxRate":1900}]}""".formatted(n, n, n, n, n % 200 + 1);
    }

    static String token(String url, String user, String password) throws Exception {
        try (Connection http = Connection.basic(url, user, password)) {
            Connection.Response response = http.post("/api/tokens", "{\"name\":\"bench\"}");
            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("No token: " + response.status() + " " + response.body());
            }
            return m.group(1);
        }
    }

    static String perOrder(long millis, long orders) {
        return millis < 0 || orders == 0
                ? "null"
                : String.format(java.util.Locale.ROOT, "%.3f", (double) millis / orders);
    }

    /**
     * CPU milliseconds used so far: {Kontor's JVM (its pid's utime + stime; -1 without --kontor-pid), every postgres
     * process of the machine, this bench itself (it shares the cores: its HTTP client's work is not Kontor's, but
     * Kontor cannot have those cycles)} from /proc, USER_HZ 100. PostgreSQL's and the bench's count their ended
     * children too (cutime + cstime): autovacuum workers and pgbench's backends end and are reaped by the postmaster,
     * pgbench by the bench.
     */
    static long[] cpu(String kontorPid) {
        long kontor =
                kontorPid == null ? -1 : ticks(java.nio.file.Path.of("/proc", kontorPid, "stat"), false, false) * 10;
        long postgres = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : processes.toList()) {
                if (p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    postgres += ticks(p.resolve("stat"), true, true) * 10;
                }
            }
        } catch (java.io.IOException e) {
            postgres = -1;
        }
        long client = ticks(
                        java.nio.file.Path.of(
                                "/proc", String.valueOf(ProcessHandle.current().pid()), "stat"),
                        false,
                        true)
                * 10;
        return new long[] {kontor, postgres, client};
    }

    private static long ticks(java.nio.file.Path stat, boolean onlyPostgres, boolean withEndedChildren) {
        try {
            String text = java.nio.file.Files.readString(stat);
            int close = text.lastIndexOf(')');
            if (onlyPostgres && !text.substring(text.indexOf('(') + 1, close).startsWith("postgres")) {
                return 0;
            }
            String[] fields = text.substring(close + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Where one order's time goes, from pg_stat_statements (when the server preloads it): 300 orders created one by
     * one, then each approved, then 300 created approved; per request the statements (round trips; BEGIN and COMMIT included), the rows they
     * wrote, and the statements (up to 30), the most time first.
     */
    static String profile(String url, String token, String port) throws Exception {
        String ok = psql(port, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", false);
        if (ok.contains("ERROR")) {
            return "\n(no pg_stat_statements on this server: " + ok.strip() + ")\n";
        }
        StringBuilder out = new StringBuilder("\n### Per request (pg_stat_statements, 300 orders one by one)\n");
        int n = 300;
        psql(port, "SELECT pg_stat_statements_reset()", true);
        List<String> ids = new ArrayList<>();
        try (Connection http = Connection.bearer(url, token)) {
            for (int i = 0; i < n; i++) {
                Matcher id = ORDER_ID.matcher(http.post("/api/orders", order()).body());
                if (id.find()) {
                    ids.add(id.group(1));
                }
            }
            out.append(statements(port, "POST /api/orders (create)", n));
            psql(port, "SELECT pg_stat_statements_reset()", true);
            for (String id : ids) {
                http.post("/api/orders/" + id + "/approve", "{}");
            }
            out.append(statements(port, "POST /api/orders/{id}/approve", ids.size()));
            psql(port, "SELECT pg_stat_statements_reset()", true);
            for (int i = 0; i < n; i++) {
                http.post("/api/orders?approve=true", order());
            }
        }
        out.append(statements(port, "POST /api/orders?approve=true (create approved)", n));
        return out.toString();
    }

    static String statements(String port, String request, int orders) throws Exception {
        String where = "dbid = (SELECT oid FROM pg_database WHERE datname = 'kontor')";
        String totals = psql(
                port,
                "SELECT sum(calls), coalesce(sum(rows) FILTER (WHERE query ~* '^\\s*(with .*)?(insert|update|delete)'), 0),"
                        + " round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements WHERE " + where,
                true);
        String[] t = totals.strip().split("\\|");
        StringBuilder out = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "%n**%s**: %.1f statements per order, %.1f rows written, %.2f ms in PostgreSQL's executor%n%n"
                        + "| calls per order | ms per order | statement |%n|---:|---:|---|%n",
                request,
                Double.parseDouble(t[0]) / orders,
                Double.parseDouble(t[1]) / orders,
                Double.parseDouble(t[2]) / orders));
        String top = psql(
                port,
                "SELECT calls, round(total_exec_time::numeric, 2), left(regexp_replace(query, '\\s+', ' ', 'g'), 120)"
                        + " FROM pg_stat_statements WHERE " + where + " ORDER BY total_exec_time DESC LIMIT 30",
                true);
        for (String line : top.strip().split("\n")) {
            String[] f = line.split("\\|", 3);
            if (f.length == 3) {
                out.append(String.format(
                        java.util.Locale.ROOT,
                        "| %.2f | %.3f | `%s` |%n",
                        Double.parseDouble(f[0]) / orders,
                        Double.parseDouble(f[1]) / orders,
                        f[2].replace("|", "\\|")));
            }
        }
        return out.toString();
    }

    static String psql(String port, String sql, boolean check) throws Exception {
        return exec(
                List.of("psql", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "kontor", "-Atc", sql), check);
    }

    /**
     * pgbench tpcb-like on its own database in the same PostgreSQL server: {tps, PostgreSQL's CPU ms, pgbench's CPU
     * ms} of the timed run.
     */
    static double[] pgbench(String pgbench, String port, int clients, int seconds) throws Exception {
        exec(
                List.of(
                        "psql",
                        "-h",
                        "localhost",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-qc",
                        "DROP DATABASE IF EXISTS bench_pgbench"),
                false);
        exec(
                List.of(
                        "psql",
                        "-h",
                        "localhost",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-qc",
                        "CREATE DATABASE bench_pgbench"),
                true);
        exec(
                List.of(
                        pgbench,
                        "-h",
                        "localhost",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-i",
                        "-s",
                        "8",
                        "-q",
                        "bench_pgbench"),
                true);
        long[] before = cpu(null);
        String out = exec(
                List.of(
                        pgbench,
                        "-h",
                        "localhost",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-c",
                        String.valueOf(clients),
                        "-j",
                        String.valueOf(clients),
                        "-T",
                        String.valueOf(seconds),
                        "bench_pgbench"),
                true);
        long[] after = cpu(null);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return new double[] {Double.parseDouble(tps.group(1)), after[1] - before[1], after[2] - before[2]};
    }

    static String exec(List<String> command, boolean check) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 && check) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
