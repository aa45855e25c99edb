package dev.kontor.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How far an upload is being read: what the progress bar shows, on whichever Kontor instance is asked.
 *
 * @param phase {@code UPLOADING} (the file is still arriving), {@code READING} (rows into staging) or
 *     {@code CHECKING} (the rows read are being checked)
 * @param bytesTotal the size of the upload's files
 * @param bytesRead how much of them has been read
 * @param rows rows read so far
 * @param startedAt when reading began
 * @param updatedAt when the figures were last written
 */
public record UploadProgress(
        UUID id,
        String phase,
        long bytesTotal,
        long bytesRead,
        long rows,
        Instant startedAt,
        Instant updatedAt,
        boolean cancelled) {

    /** An upload Kontor has not begun reading yet (its bytes are still on the way). */
    public static UploadProgress arriving(UUID id) {
        return new UploadProgress(id, "UPLOADING", 0, 0, 0, null, null, false);
    }

    /** Done, in thousandths: what the bar shows. */
    public int permille() {
        if (bytesTotal <= 0) {
            return 0;
        }
        return (int) Math.min(1000, bytesRead * 1000 / bytesTotal);
    }

    /** Rows read per second so far; 0 before the first figures. */
    public long rowsPerSecond() {
        long millis = elapsed().toMillis();
        return millis <= 0 ? 0 : rows * 1000 / millis;
    }

    /** Seconds still to read at the pace so far; {@code null} when there is no pace yet. */
    public Long secondsLeft() {
        long millis = elapsed().toMillis();
        if (bytesRead <= 0 || millis <= 0 || bytesTotal <= bytesRead) {
            return bytesTotal > 0 && bytesTotal <= bytesRead ? 0L : null;
        }
        return (long) Math.ceil((bytesTotal - bytesRead) * (double) millis / bytesRead / 1000.0);
    }

    private Duration elapsed() {
        return startedAt == null || updatedAt == null ? Duration.ZERO : Duration.between(startedAt, updatedAt);
    }
}
