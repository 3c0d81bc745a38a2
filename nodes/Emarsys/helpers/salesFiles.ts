/**
 * Cuts sales-data uploads by what Emarsys measures: the bytes of the CSV file it receives, header
 * row repeated in every file (docs/architecture.md, "Batch writes"). An order is never split across
 * two files: the node remembers an order as sent only when its whole file was accepted, so half an
 * order in a failed second file would be sent again with the half that did arrive.
 */
export interface SizedOrder {
	/** The order's CSV lines, each ended by \n. */
	text: string;
}

export interface PackedFiles<T> {
	/** Orders per file, in input order; each file's header + lines fit in `maxBytes`. */
	files: T[][];
	/** Orders whose lines alone, with the header, exceed `maxBytes`. */
	tooBig: T[];
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Fills each file up to `maxBytes` (UTF-8 bytes, header included), keeping the orders' order. */
export function packSalesFiles<T extends SizedOrder>(header: string, orders: T[], maxBytes: number): PackedFiles<T> {
	const headerBytes = utf8Bytes(header);
	const files: T[][] = [];
	const tooBig: T[] = [];
	let current: T[] = [];
	let bytes = headerBytes;
	for (const o of orders) {
		const size = utf8Bytes(o.text);
		if (headerBytes + size > maxBytes) {
			tooBig.push(o);
			continue;
		}
		if (current.length && bytes + size > maxBytes) {
			files.push(current);
			current = [];
			bytes = headerBytes;
		}
		current.push(o);
		bytes += size;
	}
	if (current.length) files.push(current);
	return { files, tooBig };
}
