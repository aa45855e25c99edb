package dev.kontor.imports.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import dev.kontor.imports.ReviewRuleSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one row of the shop's review rules for imported orders. */
@Repository
public class ReviewRuleRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Long>> TOTALS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    ReviewRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReviewRuleSettings get() {
        return jdbc.sql("SELECT * FROM import_review_rules WHERE id = 1")
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("updated_at");
                    return new ReviewRuleSettings(
                            rs.getBoolean("enabled"),
                            rs.getBoolean("without_buyer_message"),
                            JSON.readValue(rs.getString("max_totals"), TOTALS),
                            rs.getString("updated_by_name"),
                            at == null ? null : at.toInstant());
                })
                .single();
    }

    public void save(ReviewRuleSettings rules, String byName, Instant now) {
        jdbc.sql("""
                        UPDATE import_review_rules SET enabled = :enabled, without_buyer_message = :withoutMessage,
                            max_totals = CAST(:totals AS JSONB), updated_by_name = :by, updated_at = :now
                        WHERE id = 1""")
                .param("enabled", rules.enabled())
                .param("withoutMessage", rules.withoutBuyerMessage())
                .param("totals", JSON.writeValueAsString(rules.maxTotals()))
                .param("by", byName)
                .param("now", Timestamp.from(now))
                .update();
    }
}
