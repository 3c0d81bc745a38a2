import type { INodeListSearchItems, INodeListSearchResult, INodeProperties, INodePropertyMode } from 'n8n-workflow';

/**
 * The one way a record id is asked for (docs/architecture.md, "Parameters"): an n8n resource
 * locator with "From List" (a search in the vendor, one listSearch method per record kind) and one
 * or more typed modes checked against the vendor's id format. No mode "By URL": neither Cin7
 * system nor Dotdigital documents record URLs, and a guessed pattern would reject real ones.
 *
 * The field keeps its name, so workflows saved when it was a plain text field keep their value:
 * operations read it with `locatorValue` (nodes/shared/params.ts), which takes the value of any
 * mode and passes an old plain string through, then validate it with the kit's readers as before.
 */

/** How a vendor writes one kind of record key, for a typed mode's check and placeholder. */
export interface KeyFormat {
	/** The whole value must match (n8n anchors it with ^…$); expressions are not checked. */
	regex: string;
	placeholder: string;
}

export const KEY_FORMATS = {
	/** Cin7 Core: every record id is a GUID. */
	guid: {
		regex: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
		placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	},
	/** Cin7 Omni and Dotdigital: ids are positive whole numbers. */
	wholeNumber: { regex: '[1-9][0-9]*', placeholder: 'e.g. 12345' },
	/** Dotdigital contacts are also keyed by email address. */
	email: { regex: '[^\\s@]+@[^\\s@]+\\.[^\\s@]+', placeholder: 'name@email.com' },
} satisfies Record<string, KeyFormat>;

/** A typed mode: its label ("By ID"), its name in saved workflows ("id") and its key format. */
export interface TypedMode {
	displayName: string;
	name: string;
	format: KeyFormat;
	/** Shown under a value that does not match the format. */
	errorMessage: string;
}

export interface RecordLocatorOptions {
	displayName: string;
	/** The parameter's name; unchanged from the text field it replaces. */
	name: string;
	description: string;
	/** The node's listSearch method for this record kind. */
	searchListMethod: string;
	/** The typed modes after "From List", usually one: By ID. */
	typed: TypedMode[];
}

/** A typed mode: checked against its key format, with a placeholder showing one. */
function typedMode(t: TypedMode): INodePropertyMode {
	const { format, errorMessage, ...label } = t;
	return {
		...label,
		type: 'string',
		placeholder: format.placeholder,
		validation: [{ type: 'regex', properties: { regex: format.regex, errorMessage } }],
	};
}

/** A record field: "From List" with search, then the typed modes. */
export function recordLocator(o: RecordLocatorOptions): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: o.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
			},
			...o.typed.map(typedMode),
		],
	};
}

/** The usual typed mode: By ID in the vendor's id format. */
export function byId(format: KeyFormat, errorMessage: string): TypedMode {
	return { displayName: 'By ID', name: 'id', format, errorMessage };
}

/** A vendor value as shown in a search result: trimmed text, empty when missing. */
export const shown = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** What the user typed in a search box, trimmed; empty when nothing was typed. */
export const searchText = (filter?: string): string => (filter ?? '').trim();

/** Case-insensitive "contains" over a record's shown texts, for vendors that cannot filter. */
export function matchesSearch(filter: string, ...texts: unknown[]): boolean {
	const wanted = filter.trim().toLowerCase();
	if (!wanted) return true;
	return texts.some((t) => t !== undefined && t !== null && String(t).toLowerCase().includes(wanted));
}

/** One page of search results and, when the vendor has more, where the next page starts. */
export function searchPage(results: INodeListSearchItems[], next?: string | number): INodeListSearchResult {
	return next === undefined || next === '' ? { results } : { results, paginationToken: String(next) };
}

/** A page number carried in a pagination token (page 1 when there is none). */
export function pageOfToken(token?: string): number {
	const page = Number(token);
	return Number.isInteger(page) && page > 1 ? page : 1;
}
