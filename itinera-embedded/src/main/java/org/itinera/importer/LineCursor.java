package org.itinera.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Finds the physical line where a record of an input file starts, walking the file forward once.
 *
 * <p>Design notes. DuckDB numbers the rows it returns, not the lines they came from: a quoted CSV
 * value may span lines, blank lines and lines DuckDB itself rejected produce no row, and a header
 * precedes the data. A user fixing a rejected row needs the line an editor shows, so this cursor
 * splits the file into records the way DuckDB's reader does (newline outside quotes ends a record;
 * {@code ""} or the escape character inside quotes), numbers them as DuckDB numbers its rejected
 * lines (header and blank lines included), and skips the same records DuckDB skips. It is only
 * run when a file has rejected rows. Calls must ask for increasing numbers.
 */
final class LineCursor implements AutoCloseable {
  private final InputStream input;
  private final int quote;
  private final int escape;
  private final boolean jsonLines;
  private final int headerRecords;
  private final long[] duckdbRejectedRecords;

  private long physicalLine = 1;
  private long record;
  private long row;
  private long recordStart;
  private boolean blank;
  private boolean eof;

  LineCursor(InputFile in, long[] duckdbRejectedRecords) throws IOException {
    InputStream raw = Files.newInputStream(in.path);
    if (in.path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
      raw = new GZIPInputStream(raw, 1 << 16);
    }
    this.input = new BufferedInputStream(raw, 1 << 16);
    this.jsonLines = in.format == FileFormat.JSONL;
    this.quote = jsonLines ? -1 : singleByte(in.csv.quote());
    this.escape = jsonLines ? -1 : singleByte(in.csv.escape());
    this.headerRecords = jsonLines ? 0 : in.csv.skip() + (in.csv.header() ? 1 : 0);
    this.duckdbRejectedRecords = duckdbRejectedRecords.clone();
    Arrays.sort(this.duckdbRejectedRecords);
  }

  /** Line where the {@code n}-th row DuckDB returned (1-based) starts; -1 past the end. */
  long lineOfRow(long n) throws IOException {
    while (row < n) {
      if (!nextRecord()) {
        return -1;
      }
      boolean skipped = record <= headerRecords || blank
          || Arrays.binarySearch(duckdbRejectedRecords, record) >= 0;
      if (!skipped) {
        row++;
      }
    }
    return recordStart;
  }

  /** Line where DuckDB's record number {@code n} (as in its reject_errors table) starts. */
  long lineOfRecord(long n) throws IOException {
    while (record < n) {
      if (!nextRecord()) {
        return -1;
      }
    }
    return recordStart;
  }

  private boolean nextRecord() throws IOException {
    if (eof) {
      return false;
    }
    recordStart = physicalLine;
    boolean inQuote = false;
    boolean empty = true;
    int b;
    while ((b = input.read()) >= 0) {
      if (b == '\n') {
        physicalLine++;
        if (!inQuote) {
          break;
        }
        continue;
      }
      if (b == '\r' || (jsonLines && (b == ' ' || b == '\t'))) {
        continue;
      }
      empty = false;
      if (inQuote) {
        if (b == escape && escape != quote) {
          int next = input.read();
          if (next == '\n') {
            physicalLine++;
          }
        } else if (b == quote) {
          inQuote = false;
        }
      } else if (b == quote) {
        inQuote = true;
      }
    }
    if (b < 0) {
      eof = true;
      if (empty) {
        return false;
      }
    }
    record++;
    blank = empty;
    return true;
  }

  private static int singleByte(String s) {
    return s != null && s.length() == 1 && s.charAt(0) < 128 ? s.charAt(0) : -1;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
