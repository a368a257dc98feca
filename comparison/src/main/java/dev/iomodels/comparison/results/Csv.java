package dev.iomodels.comparison.results;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records as CSV (RFC 4180): a header of the record's component names, then a line per
 * record, so that the CSV and the JSON of the same rows always have the same columns.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * Render records as CSV.
	 * @param <T> the record type
	 * @param type the record type, for the header
	 * @param rows the records
	 * @return the CSV text
	 */
	public static <T extends Record> String of(Class<T> type, List<T> rows) {
		RecordComponent[] components = type.getRecordComponents();
		StringBuilder csv = new StringBuilder();
		csv.append(Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(",")))
			.append("\r\n");
		for (T row : rows) {
			csv.append(Arrays.stream(components)
				.map((component) -> cell(value(component, row)))
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static Object value(RecordComponent component, Record row) {
		try {
			return component.getAccessor().invoke(row);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component.getName(), ex);
		}
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double number) {
			if (number.isNaN() || number.isInfinite()) {
				return "";
			}
			// Plain digits: 1500.0 not 1.5E3, which some spreadsheets misread.
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		String text = value.toString();
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
