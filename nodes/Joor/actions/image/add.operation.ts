import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { readNumber } from '../../helpers/records';
import { joorRequest, seg } from '../../transport';
import { readStyleKey, styleKeyProperties } from '../style/fields';

const properties: INodeProperties[] = [
	...styleKeyProperties,
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://cdn.example.com/images/SHIRT-BLK.jpg',
		description: 'A public JPEG or PNG of at most 4 MB (JOOR suggests the 660×900 ratio)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Color Code',
				name: 'variantCode',
				type: 'string',
				default: '',
				description: 'Attach the image to this colour of the style (colour-level image); empty: the style',
			},
			{
				displayName: 'Display Order',
				name: 'displayOrder',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Position of the image among the style\'s images (1 = first)',
			},
			{
				displayName: 'File Name',
				name: 'filename',
				type: 'string',
				default: '',
				description: 'The image\'s name in JOOR; empty: the last part of the URL. Re-sending the same name replaces the image.',
			},
			{
				displayName: 'Replace Existing',
				name: 'replaceExisting',
				type: 'boolean',
				default: true,
				description: 'Whether an image of the same file name is replaced, so re-runs never add a second copy',
			},
			{
				displayName: 'Swatch',
				name: 'swatch',
				type: 'boolean',
				default: false,
				description: 'Whether the image is the colour\'s swatch',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['add'] } }, properties);

/** JOOR takes JPEG and PNG only; a URL naming another image type fails before spending 5 credits. */
const OTHER_IMAGE_TYPES = /\.(webp|gif|bmp|tiff?|svg|heic|avif)$/i;

/** `POST /v2/style-number/{n}/{id}/image/?url=…`: JOOR fetches the image itself. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const key = readStyleKey(this, i);
	const url = requiredText(this, i, 'Image URL', this.getNodeParameter('imageUrl', i, ''));
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw inputError(this, i, 'Image URL', `is not a URL ("${url}")`);
	}
	if (!/^https?:$/.test(parsed.protocol)) throw inputError(this, i, 'Image URL', 'must start with http:// or https://');
	if (OTHER_IMAGE_TYPES.test(parsed.pathname)) throw inputError(this, i, 'Image URL', 'must be a JPEG or PNG image (JOOR accepts no other type)');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const filename =
		String(options.filename ?? '').trim() || decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '') || `${key.style_number}.jpg`;
	const displayOrder = readNumber(this, i, 'Display Order', options.displayOrder, { min: 1, whole: true });
	const qs: IDataObject = {
		url,
		filename,
		replace_existing: options.replaceExisting === false ? 0 : 1,
		swatch: options.swatch ? 1 : 0,
	};
	if (displayOrder !== undefined) qs.display_order = displayOrder;
	const colorCode = String(options.variantCode ?? '').trim();
	if (colorCode) qs.color_code = colorCode;
	const answer = await joorRequest.call(
		this,
		'POST',
		`/v2/style-number/${seg(key.style_number)}/${seg(key.style_identifier)}/image/`,
		qs,
		undefined,
		// Replacing by file name makes a resend harmless; adding without it could add a copy.
		{ idempotent: qs.replace_existing === 1 },
	);
	return { ...key, filename, url, ...(colorCode ? { color_code: colorCode } : {}), response: (answer.response ?? answer) as IDataObject };
}
