package dev.kontor.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kontor.imports.read.ImportMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The shop's saved column mappings for other systems' exports. */
@Repository
public class ImportMappingRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;

    ImportMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ImportMapping> findAll() {
        return jdbc.sql("SELECT * FROM import_mappings ORDER BY name")
                .query(ImportMappingRepository::mapping)
                .list();
    }

    public Optional<ImportMapping> find(long id) {
        return jdbc.sql("SELECT * FROM import_mappings WHERE id = :id")
                .param("id", id)
                .query(ImportMappingRepository::mapping)
                .optional();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_mappings WHERE lower(name) = lower(:name))")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    public long insert(ImportMapping mapping, String byName, Instant now) {
        return jdbc.sql("""
                        INSERT INTO import_mappings (name, channel, currency, header, columns, created_by_name, created_at)
                        VALUES (:name, :channel, :currency, CAST(:header AS JSONB), CAST(:columns AS JSONB), :by, :now)
                        RETURNING id""")
                .param("name", mapping.name())
                .param("channel", mapping.channel())
                .param("currency", mapping.currency())
                .param("header", JSON.writeValueAsString(mapping.header()))
                .param("columns", JSON.writeValueAsString(mapping.columns()))
                .param("by", byName)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM import_mappings WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static ImportMapping mapping(ResultSet rs, int n) throws SQLException {
        return new ImportMapping(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("channel"),
                rs.getString("currency"),
                JSON.readValue(rs.getString("header"), LIST),
                JSON.readValue(rs.getString("columns"), MAP));
    }
}
