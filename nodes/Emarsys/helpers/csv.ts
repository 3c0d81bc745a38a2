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

/** Rows of a CSV text (quoted values, doubled quotes, CRLF or LF), header row included. */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let value = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				value += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else value += ch;
		} else if (ch === '"' && value === '') quoted = true;
		else if (ch === delimiter) {
			row.push(value);
			value = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(value);
			value = '';
			if (row.some((v) => v !== '') || row.length > 1) rows.push(row);
			row = [];
		} else value += ch;
	}
	if (value !== '' || row.length) {
		row.push(value);
		rows.push(row);
	}
	return rows;
}
