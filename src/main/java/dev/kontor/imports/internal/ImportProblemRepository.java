package dev.kontor.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import dev.kontor.imports.ImportProblem;
import dev.kontor.imports.Severity;
import dev.kontor.shared.Message;
import dev.kontor.shared.MessageJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problems found in an import's files: written in batches as the files are read and checked, read by kind. */
@Repository
public class ImportProblemRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportProblemRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A problem to write. */
    public record NewProblem(
            String fileName, Long line, String column, String externalId, Severity severity, Message message) {}

    public void insertProblems(long batchId, List<NewProblem> problems) {
        CopyRows.copy(
                dataSource,
                "import_problems",
                "batch_id, file_name, line_no, column_name, external_id, severity, code, message",
                problems.stream()
                        .map(p -> new Object[] {
                            batchId,
                            p.fileName(),
                            p.line(),
                            p.column(),
                            p.externalId(),
                            p.severity().name(),
                            codeOf(p.message()),
                            MessageJson.write(p.message())
                        })
                        .toList());
    }

    /** What kind of problem a message is: its key, or "the rules of an order" for the order rules' own keys. */
    private static String codeOf(Message message) {
        String key = message.key();
        return key != null && key.startsWith("import.problem.") ? key : "import.problem.rules";
    }

    /** Reports the items whose order the files do not have (seed 001: "宝贝报表 rows without an order"). */
    public int reportOrphanLines(long batchId) {
        return jdbc.sql("""
                        INSERT INTO import_problems (batch_id, file_name, line_no, column_name, external_id, severity,
                            code, message)
                        SELECT l.batch_id, l.file_name, l.line_no, NULL, l.external_id, 'ERROR',
                            'import.problem.orphan-item',
                            jsonb_build_object('key', 'import.problem.orphan-item', 'args', jsonb_build_array(l.external_id))
                        FROM import_lines l
                        WHERE l.batch_id = :batch AND NOT EXISTS (
                            SELECT 1 FROM import_orders o WHERE o.batch_id = l.batch_id AND o.external_id = l.external_id)""").param("batch", batchId).update();
    }

    /** Forgets what the checks found (not what reading found: those cells are as the file has them). */
    public void forgetChecks(long batchId, List<String> readingCodes) {
        jdbc.sql("DELETE FROM import_problems WHERE batch_id = :batch AND NOT (code = ANY(:codes))")
                .param("batch", batchId)
                .param("codes", readingCodes.toArray(String[]::new))
                .update();
    }

    /** Forgets what reading found in an order's cells, once a person corrected them. */
    public void forgetReading(long batchId, String externalId, List<String> readingCodes) {
        jdbc.sql("""
                        DELETE FROM import_problems
                        WHERE batch_id = :batch AND external_id = :id AND code = ANY(:codes)
                          AND code <> 'import.problem.duplicate'""")
                .param("batch", batchId)
                .param("id", externalId)
                .param("codes", readingCodes.toArray(String[]::new))
                .update();
    }

    /** The orders whose cells could not be read, and how bad that was ({@code ERROR} wins). */
    public Map<String, Severity> readingProblems(long batchId, List<String> readingCodes) {
        Map<String, Severity> found = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT external_id, min(severity) AS worst FROM import_problems
                        WHERE batch_id = :batch AND code = ANY(:codes) AND code <> 'import.problem.duplicate'
                          AND external_id IS NOT NULL
                        GROUP BY external_id""")
                .param("batch", batchId)
                .param("codes", readingCodes.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), Severity.valueOf(rs.getString(2))))
                .list();
        return found;
    }

    /**
     * Flags the batch's orders that go to the same buyer at the same address (they can ship together): a warning on
     * each, naming the others; an order ready before is now one with a warning. Answers how many were flagged.
     */
    public int flagShipTogether(long batchId) {
        int flagged = jdbc.sql("""
                        INSERT INTO import_problems (batch_id, file_name, line_no, column_name, external_id, severity,
                            code, message)
                        SELECT :batch, file_name, line_no, NULL, external_id, 'WARNING', 'import.problem.ship-together',
                               jsonb_build_object('key', 'import.problem.ship-together', 'args', jsonb_build_array(ids))
                        FROM (
                            SELECT file_name, line_no, external_id,
                                   count(*) OVER together AS n,
                                   string_agg(external_id, ', ') OVER together AS ids
                            FROM (
                                SELECT id, external_id, file_name, line_no,
                                       lower(coalesce(data->>'buyer', '') || '|'
                                           || coalesce(data->'shippingAddress'->>'street', '') || '|'
                                           || coalesce(data->'shippingAddress'->>'city', '') || '|'
                                           || coalesce(data->'shippingAddress'->>'postalCode', '')) AS k
                                FROM import_orders
                                WHERE batch_id = :batch AND verdict IN ('READY', 'WARNING') AND order_number IS NULL
                                  AND data->'shippingAddress'->>'street' IS NOT NULL) keyed
                            WINDOW together AS (PARTITION BY k ORDER BY id
                                                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) grouped
                        WHERE n > 1""").param("batch", batchId).update();
        if (flagged > 0) {
            jdbc.sql("""
                            UPDATE import_orders o SET verdict = 'WARNING'
                            FROM (SELECT DISTINCT external_id FROM import_problems
                                  WHERE batch_id = :batch AND code = 'import.problem.ship-together') p
                            WHERE o.batch_id = :batch AND o.verdict = 'READY' AND o.external_id = p.external_id""").param("batch", batchId).update();
        }
        return flagged;
    }

    /** Problems of a batch, of one kind if asked, a page after an id. */
    public List<ImportProblem> problems(long batchId, String code, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM import_problems
                        WHERE batch_id = :batch AND id > :after AND (CAST(:code AS TEXT) IS NULL OR code = :code)
                        ORDER BY id LIMIT :limit""")
                .param("batch", batchId)
                .param("after", afterId)
                .param("code", code)
                .param("limit", limit)
                .query((rs, n) -> problem(rs))
                .list();
    }

    /** The problems of one order of a batch, in the order found. */
    public List<ImportProblem> problemsOf(long batchId, String externalId) {
        return jdbc.sql(
                        "SELECT * FROM import_problems WHERE batch_id = :batch AND external_id = :id ORDER BY id LIMIT 200")
                .param("batch", batchId)
                .param("id", externalId)
                .query((rs, n) -> problem(rs))
                .list();
    }

    /** How many problems of each kind a batch has, most frequent first. */
    public Map<String, Integer> problemCounts(long batchId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT code, count(*) AS n FROM import_problems WHERE batch_id = :batch
                        GROUP BY code ORDER BY n DESC, code""")
                .param("batch", batchId)
                .query((rs, n) -> counts.put(rs.getString("code"), rs.getInt("n")))
                .list();
        return counts;
    }

    private static ImportProblem problem(ResultSet rs) throws SQLException {
        long line = rs.getLong("line_no");
        Long lineNo = rs.wasNull() ? null : line;
        return new ImportProblem(
                rs.getLong("id"),
                rs.getString("file_name"),
                lineNo,
                rs.getString("column_name"),
                rs.getString("external_id"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("code"),
                MessageJson.read(rs.getString("message")));
    }
}
