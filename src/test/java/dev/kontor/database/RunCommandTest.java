package dev.kontor.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import dev.kontor.KontorApplication;
import dev.kontor.access.Actor;
import dev.kontor.access.Users;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.support.Fixtures;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README's run command promises, on a real durable embedded PostgreSQL: data under a folder that
 * survives a restart, the demo shop loaded once, the first admin created once; and, with
 * spring.datasource.url set, another PostgreSQL used instead, with no embedded one started.
 */
class RunCommandTest {

    @TempDir
    Path folder;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kontor.embedded-db.port=0",
                "--kontor.embedded-db.data-dir=" + folder.resolve("postgres"),
                "--kontor.demo.enabled=true",
                "--kontor.admin.password=first-admin-password",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(KontorApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aRestartKeepsTheOrdersAndLoadsTheDemoShopOnlyOnce() {
        long demoOrders;
        long placedId;
        try (ConfigurableApplicationContext first = start()) {
            OrderLists orderLists = first.getBean(OrderLists.class);
            OrderIntake orderIntake = first.getBean(OrderIntake.class);
            demoOrders = orderLists.count(Actor.system("test"), OrderFilter.all());
            assertThat(demoOrders).isGreaterThan(10);
            Actor admin =
                    first.getBean(Users.class).byUsername("admin").orElseThrow().asActor();
            placedId = orderIntake
                    .place(admin, Fixtures.input("EBAY", "kept-across-restart", Fixtures.line("A", 100, 1)), false)
                    .order()
                    .id();
        }
        assertThat(Files.exists(folder.resolve("postgres/PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second =
                start("--kontor.orders.extra-channels=ALIEXPRESS:AliExpress:AE-")) {
            Orders orders = second.getBean(Orders.class);
            OrderLists orderLists = second.getBean(OrderLists.class);
            OrderIntake orderIntake = second.getBean(OrderIntake.class);
            assertThat(orderLists.count(Actor.system("test"), OrderFilter.all()))
                    .isEqualTo(demoOrders + 1);
            Actor admin = second.getBean(Users.class)
                    .byUsername("admin")
                    .orElseThrow()
                    .asActor();
            assertThat(orderIntake
                            .place(admin, Fixtures.input("ALIEXPRESS", null, Fixtures.line("A", 100, 1)), false)
                            .order()
                            .number())
                    .isEqualTo("AE-000001");
            assertThat(orders.get(placedId).externalId()).isEqualTo("kept-across-restart");
            assertThat(second.getBean(Users.class).all().stream()
                            .filter(u -> u.username().equals("admin")))
                    .hasSize(1);
        }
    }

    @Test
    void withADatasourceUrlKontorUsesThatPostgresqlAndStartsNoEmbeddedOne() throws Exception {
        try (ConfigurableApplicationContext embedded = start("--kontor.demo.enabled=false")) {
            EmbeddedPostgresServer server = embedded.getBean(EmbeddedPostgresServer.class);
            String base = "jdbc:postgresql://localhost:" + server.port() + "/";
            try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE elsewhere");
            }
            try (ConfigurableApplicationContext external = start(
                    "--spring.datasource.url=" + base + "elsewhere",
                    "--spring.datasource.username=postgres",
                    "--kontor.demo.enabled=false",
                    "--kontor.embedded-db.data-dir=" + folder.resolve("unused"))) {
                assertThat(external.getBeanNamesForType(EmbeddedPostgresServer.class))
                        .isEmpty();
                assertThat(Files.exists(folder.resolve("unused"))).isFalse();
                Actor admin = external.getBean(Users.class)
                        .byUsername("admin")
                        .orElseThrow()
                        .asActor();
                external.getBean(OrderIntake.class)
                        .place(admin, Fixtures.input("EBAY", "in-elsewhere", Fixtures.line("A", 100, 1)), false);
            }
            try (Connection c = DriverManager.getConnection(base + "elsewhere", "postgres", "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT external_id FROM kontor.orders")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("in-elsewhere");
            }
        }
    }
}
