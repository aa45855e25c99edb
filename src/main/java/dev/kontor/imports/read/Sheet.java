package dev.kontor.imports.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A delimited text file as exports write it, read row by row without holding it in memory: the character set and the
 * separator (comma, tab or semicolon) found from its first bytes, blank rows skipped, the header being the first row
 * with names (eBay puts a tab before it), header names trimmed (Taobao writes {@code "收货地址 "}).
 */
public final class Sheet implements AutoCloseable, Iterable<Sheet.Row> {

    private static final int SAMPLE = 64 * 1024;

    private final Charset charset;
    private final char separator;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final long headerLine;
    private int rows;

    private Sheet(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SAMPLE);
        in.mark(SAMPLE);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        this.charset = Decoding.detect(sample, sample.length);
        String start = new String(sample, charset);
        this.separator = separatorOf(start);
        this.reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(true)
                .ofCsvRecord(new InputStreamReader(in, charset));
        this.records = reader.iterator();
        CsvRecord first = null;
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (record.getFields().stream().anyMatch(f -> !blank(f))) {
                first = record;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (first != null) {
            for (String field : first.getFields()) {
                names.add(field.replace("\uFEFF", "").strip());
            }
        }
        this.header = Collections.unmodifiableList(names);
        this.headerLine = first == null ? 0 : first.getStartingLineNumber();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    /** Opens a file; the caller closes it. */
    public static Sheet open(InputStream in) {
        try {
            return new Sheet(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a cell holds nothing but spaces (or a stray byte-order mark). */
    private static boolean blank(String cell) {
        return cell.isBlank() || cell.replace("\uFEFF", "").isBlank();
    }

    private static char separatorOf(String start) {
        String firstLines = start.lines().limit(5).reduce("", (a, b) -> a + "\n" + b);
        long tabs = firstLines.chars().filter(c -> c == '\t').count();
        long commas = firstLines.chars().filter(c -> c == ',').count();
        long semicolons = firstLines.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    public Charset charset() {
        return charset;
    }

    /** Whether the file is in UTF-8 (with or without a byte-order mark). */
    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    public char separator() {
        return separator;
    }

    /** The header's names, trimmed; empty for an empty file. */
    public List<String> header() {
        return header;
    }

    /** The rows below the header read so far that are not blank. */
    public int rowsRead() {
        return rows;
    }

    public long headerLine() {
        return headerLine;
    }

    /** Whether the header has this column. */
    public boolean has(String column) {
        return columns.containsKey(column);
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                Row row = new Row(records.next());
                if (!row.isBlank()) {
                    rows++;
                }
                return row;
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row below the header, its cells found by the header's names. */
    public final class Row {
        private final CsvRecord record;

        private Row(CsvRecord record) {
            this.record = record;
        }

        /** The line the row starts on, counted from 1 as an editor shows it. */
        public long line() {
            return record.getStartingLineNumber();
        }

        /** The cell under this column; {@code null} when the row is shorter or the header has no such column. */
        public String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.getFieldCount() ? null : record.getField(index);
        }

        public Optional<String> find(String column) {
            return Optional.ofNullable(Values.text(get(column)));
        }

        /** Whether every cell is blank. */
        public boolean isBlank() {
            return record.getFields().stream().allMatch(Sheet::blank);
        }

        /** How many cells the row has, against the header's. */
        public int size() {
            return record.getFieldCount();
        }
    }
}
