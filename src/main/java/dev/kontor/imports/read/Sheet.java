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
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * A file of rows as exports write it, read row by row without holding it in memory: delimited text (the character
 * set and the separator — comma, tab or semicolon — found from its first bytes) or an Excel workbook's first sheet
 * (a file re-saved in Excel). Blank rows are skipped, the header is the first row with names (eBay puts a tab before
 * it), header names are trimmed (Taobao writes {@code "收货地址 "}).
 */
public final class Sheet implements AutoCloseable, Iterable<Sheet.Row> {

    private static final int SAMPLE = 64 * 1024;

    private final Charset charset;
    private final char separator;
    private final AutoCloseable source;
    private final Iterator<Raw> records;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private int rows;

    /** A row as the file has it: the line (or spreadsheet row) it starts on and its cells as text. */
    private record Raw(long line, List<String> fields) {}

    private Sheet(Charset charset, char separator, AutoCloseable source, Iterator<Raw> records) {
        this.charset = charset;
        this.separator = separator;
        this.source = source;
        this.records = records;
        Raw first = null;
        while (records.hasNext()) {
            Raw record = records.next();
            if (record.fields().stream().anyMatch(f -> !blank(f))) {
                first = record;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (first != null) {
            for (String field : first.fields()) {
                names.add(field.replace("\uFEFF", "").strip());
            }
        }
        this.header = Collections.unmodifiableList(names);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    private static Sheet delimited(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        Charset charset = Decoding.detect(sample, sample.length);
        char separator = separatorOf(new String(sample, charset));
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(true)
                .ofCsvRecord(new InputStreamReader(in, charset));
        Iterator<CsvRecord> csv = reader.iterator();
        return new Sheet(charset, separator, reader, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return csv.hasNext();
            }

            @Override
            public Raw next() {
                CsvRecord record = csv.next();
                return new Raw(record.getStartingLineNumber(), record.getFields());
            }
        });
    }

    private static Sheet workbook(InputStream in) throws IOException {
        ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
        Stream<org.dhatim.fastexcel.reader.Row> stream =
                workbook.getFirstSheet().openStream();
        Iterator<org.dhatim.fastexcel.reader.Row> rows = stream.iterator();
        AutoCloseable both = () -> {
            stream.close();
            workbook.close();
        };
        return new Sheet(StandardCharsets.UTF_8, ',', both, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Raw next() {
                org.dhatim.fastexcel.reader.Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(Workbooks.text(row.getCell(i)));
                }
                return new Raw(row.getRowNum(), cells);
            }
        });
    }

    /** Opens a file, delimited text or an Excel workbook (told by its first bytes); the caller closes it. */
    public static Sheet open(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, SAMPLE);
            in.mark(8);
            byte[] magic = in.readNBytes(8);
            in.reset();
            return ReadableWorkbook.isOOXMLZipHeader(magic) ? workbook(in) : delimited(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file is an Excel workbook rather than delimited text. */
    public boolean isWorkbook() {
        return !(source instanceof CsvReader<?>);
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
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row below the header, its cells found by the header's names. */
    public final class Row {
        private final Raw record;

        private Row(Raw record) {
            this.record = record;
        }

        /** The line the row starts on, counted from 1 as an editor shows it. */
        public long line() {
            return record.line();
        }

        /** The cell under this column; {@code null} when the row is shorter or the header has no such column. */
        public String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.fields().size()
                    ? null
                    : record.fields().get(index);
        }

        /** Whether every cell is blank. */
        public boolean isBlank() {
            return record.fields().stream().allMatch(Sheet::blank);
        }
    }
}
