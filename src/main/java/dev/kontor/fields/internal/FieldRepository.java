package dev.kontor.fields.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.fields.CustomField;
import dev.kontor.fields.FieldScope;
import dev.kontor.fields.FieldType;
import dev.kontor.shared.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom field definitions. */
@Repository
public class FieldRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> CHOICES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    FieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomField> all() {
        return jdbc.sql("SELECT * FROM custom_fields ORDER BY position, id")
                .query(FieldRepository::field)
                .list();
    }

    public long insert(CustomField f) {
        return jdbc.sql("""
                        INSERT INTO custom_fields (key, names, type, choices, required, position, active, scope)
                        VALUES (:key, CAST(:names AS JSONB), :type, CAST(:choices AS JSONB), :required,
                            (SELECT coalesce(max(position), -1) + 1 FROM custom_fields), TRUE, :scope)
                        RETURNING id""")
                .param("key", f.key())
                .param("names", f.names().json())
                .param("type", f.type().name())
                .param("choices", choices(f.choices()))
                .param("required", f.required())
                .param("scope", f.scope().name())
                .query(Long.class)
                .single();
    }

    public int update(CustomField f) {
        return jdbc.sql("""
                        UPDATE custom_fields SET names = CAST(:names AS JSONB), choices = CAST(:choices AS JSONB),
                            required = :required, active = :active
                        WHERE id = :id""")
                .param("names", f.names().json())
                .param("choices", choices(f.choices()))
                .param("required", f.required())
                .param("active", f.active())
                .param("id", f.id())
                .update();
    }

    private static String choices(List<CustomField.Choice> choices) {
        List<Map<String, Object>> written = new ArrayList<>();
        for (CustomField.Choice c : choices) {
            written.add(Map.of("key", c.key(), "names", c.names().byLanguage()));
        }
        return JSON.writeValueAsString(written);
    }

    @SuppressWarnings("unchecked")
    private static CustomField field(ResultSet rs, int n) throws SQLException {
        List<CustomField.Choice> choices = new ArrayList<>();
        for (Map<String, Object> c : JSON.readValue(rs.getString("choices"), CHOICES)) {
            choices.add(new CustomField.Choice((String) c.get("key"), new Names((Map<String, String>) c.get("names"))));
        }
        return new CustomField(
                rs.getLong("id"),
                rs.getString("key"),
                Names.read(rs.getString("names")),
                FieldType.valueOf(rs.getString("type")),
                choices,
                rs.getBoolean("required"),
                rs.getInt("position"),
                rs.getBoolean("active"),
                FieldScope.valueOf(rs.getString("scope")));
    }
}
