/**
 * CSV as Emarsys reads it (product catalog, sales data): comma-separated, a header row, UTF-8,
 * a value holding a comma or a quote in double quotes with inner quotes doubled. Values may not
 * hold line breaks (checked by the callers, which know the column).
 */
export function csvValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: unknown[]): string {
	return values.map(csvValue).join(',');
}

/** Header and rows, each line ended by \n (the file ends with one too). */
export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
	return [csvRow(columns), ...rows.map((r) => csvRow(columns.map((c) => r[c])))].join('\n') + '\n';
}

/** A number written without float noise (0.1 + 0.2 → 0.3). */
export function csvNumber(n: number): string {
	return String(Number(n.toFixed(4)));
}
