package dev.kontor.fulfillment.internal;

import java.util.List;
import java.util.Optional;

import dev.kontor.fulfillment.Carrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The carrier list. */
@Repository
public class CarrierRepository {

    private final JdbcClient jdbc;

    CarrierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Carrier> findAll() {
        return jdbc.sql("SELECT code, name, tracking_pattern, active FROM carriers ORDER BY position, code")
                .query((rs, n) -> new Carrier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** By code or by name, either in any case. */
    public Optional<Carrier> find(String codeOrName) {
        return jdbc.sql("""
                        SELECT code, name, tracking_pattern, active FROM carriers
                        WHERE upper(code) = upper(:key) OR upper(name) = upper(:key)""")
                .param("key", codeOrName.strip())
                .query((rs, n) -> new Carrier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    /** Adds the carrier or changes its name, pattern and whether it is offered. */
    public void save(Carrier carrier) {
        jdbc.sql("""
                        INSERT INTO carriers (code, name, tracking_pattern, active, position)
                        VALUES (:code, :name, :pattern, :active, (SELECT coalesce(max(position), 0) + 1 FROM carriers))
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name, tracking_pattern = excluded.tracking_pattern,
                            active = excluded.active""")
                .param("code", carrier.code())
                .param("name", carrier.name())
                .param("pattern", carrier.trackingPattern())
                .param("active", carrier.active())
                .update();
    }

    public boolean nameTakenByOther(String name, String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM carriers WHERE upper(name) = upper(:name) AND code <> :code)")
                .param("name", name)
                .param("code", code)
                .query(Boolean.class)
                .single();
    }
}
