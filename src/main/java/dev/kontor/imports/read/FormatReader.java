package dev.kontor.imports.read;

import java.util.List;

import dev.kontor.shared.Message;

/** Reads one kind of marketplace file into staged orders, lines and problems. */
public interface FormatReader {

    /** What the reader reads. */
    ImportFormat format();

    /** The channel the file's orders come from. */
    default String channel() {
        return format().channel();
    }

    /** The columns holding what the checks look at. */
    default Columns columns() {
        return format();
    }

    /** The saved mapping the reader reads through, if it is a generic one. */
    default ImportMapping mapping() {
        return null;
    }

    /** How many of this format's telling columns the header has: the reader with most reads the file. */
    int recognises(List<String> header);

    /**
     * The columns a file must have to be read; a missing one refuses the whole file, naming it.
     */
    List<String> required();

    /** Reads every row of the file into the sink; a cell it cannot read becomes a problem on its line and column. */
    void read(Sheet sheet, Sink sink);

    /** Where a reader puts what it read. */
    interface Sink {
        void order(StagedOrder order);

        void line(StagedLine line);

        /** A problem on a line and column (or {@code null} for the whole row), of an order if it is known. */
        void problem(long line, String column, String externalId, Message message);
    }
}
