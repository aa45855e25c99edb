package dev.kontor.catalog.internal;

import java.util.List;
import java.util.Optional;

import dev.kontor.catalog.Location;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Warehouses and stock locations. */
@Repository
public class LocationRepository {

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Location> all() {
        return jdbc.sql("SELECT code, name, country, is_default FROM locations ORDER BY is_default DESC, code")
                .query((rs, n) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public Optional<Location> find(String code) {
        return all().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Location defaultLocation() {
        return all().stream().filter(Location::isDefault).findFirst().orElseThrow();
    }

    public boolean insert(Location location) {
        return jdbc.sql(
                                "INSERT INTO locations (code, name, country) VALUES (:code, :name, :country) ON CONFLICT DO NOTHING")
                        .param("code", location.code())
                        .param("name", location.name())
                        .param("country", location.country())
                        .update()
                == 1;
    }
}
