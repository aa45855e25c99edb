package dev.kontor.workbench.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.kontor.workbench.SavedView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' saved order views. */
@Repository
public class SavedViewRepository {

    private final JdbcClient jdbc;

    SavedViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedView> of(long userId) {
        return jdbc.sql("SELECT id, name, query, pinned FROM saved_views WHERE user_id = :user ORDER BY id")
                .param("user", userId)
                .query((rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Saves the view under its name, replacing the user's view of that name. */
    public void save(long userId, String name, String query, boolean pinned, Instant now) {
        jdbc.sql("""
                        INSERT INTO saved_views (user_id, name, query, pinned, created_at)
                        VALUES (:user, :name, :query, :pinned, :now)
                        ON CONFLICT (user_id, name) DO UPDATE SET query = excluded.query, pinned = excluded.pinned""")
                .param("user", userId)
                .param("name", name)
                .param("query", query)
                .param("pinned", pinned)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void delete(long userId, long id) {
        jdbc.sql("DELETE FROM saved_views WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .update();
    }

    public void pin(long userId, long id, boolean pinned) {
        jdbc.sql("UPDATE saved_views SET pinned = :pinned WHERE id = :id AND user_id = :user")
                .param("pinned", pinned)
                .param("id", id)
                .param("user", userId)
                .update();
    }
}
