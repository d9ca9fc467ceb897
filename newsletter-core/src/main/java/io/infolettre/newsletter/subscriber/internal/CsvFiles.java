package io.infolettre.newsletter.subscriber.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading the CSV files coordinators have: UTF-8 with or without a byte order mark, or Windows-1252
 * as Excel saves them in Quebec; comma or semicolon separated (a French Excel writes semicolons);
 * quoted fields that may hold separators and line breaks. Everything streams from the file.
 */
public final class CsvFiles {

	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvFiles() {
	}

	/**
	 * UTF-8 when the file starts with a byte order mark or decodes as UTF-8 from end to end (read as a
	 * stream, nothing kept); Windows-1252 otherwise, since any byte sequence is valid in it.
	 */
	public static Charset detectCharset(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
			in.mark(3);
			if (java.util.Arrays.equals(in.readNBytes(3), BOM)) {
				return StandardCharsets.UTF_8;
			}
			in.reset();
			var decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			char[] buffer = new char[8192];
			try (Reader reader = new InputStreamReader(in, decoder)) {
				while (reader.read(buffer) >= 0) {
					// decoding is the check
				}
			}
			catch (CharacterCodingException ex) {
				return WINDOWS_1252;
			}
			return StandardCharsets.UTF_8;
		}
	}

	/** The separator the header line uses most: {@code ;}, {@code ,} or a tab (comma when none). */
	public static char detectSeparator(Path file, Charset charset) throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(skipBom(file, charset), charset))) {
			String header = reader.readLine();
			if (header == null) {
				return ',';
			}
			int semicolons = 0;
			int commas = 0;
			int tabs = 0;
			boolean quoted = false;
			for (char c : header.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted) {
					semicolons += c == ';' ? 1 : 0;
					commas += c == ',' ? 1 : 0;
					tabs += c == '\t' ? 1 : 0;
				}
			}
			if (tabs > semicolons && tabs > commas) {
				return '\t';
			}
			return semicolons > commas ? ';' : ',';
		}
	}

	/** Opens the file for reading row by row. */
	public static Rows open(Path file, Charset charset, char separator) throws IOException {
		var counting = new CountingInputStream(skipBom(file, charset));
		// a character that cannot be decoded becomes U+FFFD, which the row check reports
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		Reader reader = new BufferedReader(new InputStreamReader(counting, decoder), 65536);
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(separator)
			.setIgnoreEmptyLines(false)
			// "abc"def and a quote left open at the end are read rather than ending the import
			.setTrailingData(true)
			.setLenientEof(true)
			.get();
		return new Rows(CSVParser.builder().setReader(reader).setFormat(format).get(), counting);
	}

	private static InputStream skipBom(Path file, Charset charset) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
		in.mark(3);
		if (!charset.equals(StandardCharsets.UTF_8) || !java.util.Arrays.equals(in.readNBytes(3), BOM)) {
			in.reset();
		}
		return in;
	}

	/**
	 * A row and the physical line it starts on: a quoted field with line breaks makes a row span
	 * several lines, so the line is not the row's number.
	 */
	public record Row(long line, List<String> values) {

		public boolean isBlank() {
			return this.values.stream().allMatch(String::isBlank);
		}

	}

	/** The rows of an open file, one at a time. */
	public static final class Rows implements AutoCloseable {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final CountingInputStream counting;

		Rows(CSVParser parser, CountingInputStream counting) {
			this.parser = parser;
			this.records = parser.iterator();
			this.counting = counting;
		}

		/**
		 * The next row, or null at the end.
		 * @throws MalformedCsvException when the file cannot be read further
		 */
		public Row next() {
			// the parser has read up to the end of the previous row: the next one starts on the next line
			long line = this.parser.getCurrentLineNumber() + 1;
			try {
				if (!this.records.hasNext()) {
					return null;
				}
				return new Row(line, this.records.next().toList());
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw new MalformedCsvException(line, ex.getMessage());
			}
		}

		/** Bytes of the file read so far (the reader reads ahead a little). */
		public long bytesRead() {
			return this.counting.count;
		}

		@Override
		public void close() throws IOException {
			this.parser.close();
		}

	}

	/** The file stops being CSV at this line (the rest cannot be read). */
	public static final class MalformedCsvException extends RuntimeException {

		private final long line;

		MalformedCsvException(long line, String message) {
			super(message);
			this.line = line;
		}

		public long line() {
			return this.line;
		}

	}

	static final class CountingInputStream extends FilterInputStream {

		private volatile long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
