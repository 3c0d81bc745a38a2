import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { USER_ERRORS, userErrorText } from '../../helpers/customer';
import { customerLocator, readCustomerLocator } from '../../helpers/locators';
import { shopifyGraphql } from '../../transport';

export const tagFields: INodeProperties[] = [
	customerLocator,
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. b2b, b2b-trade',
		description: 'Tags, comma-separated or an array; the customer\'s other tags are kept',
	},
];

const READ_TAGS = 'query Tags($id: ID!) { customer(id: $id) { id tags } }';

/** tagsAdd / tagsRemove on one customer, then its tags as they now are. */
export async function changeTags(ctx: IExecuteFunctions, i: number, mutation: 'tagsAdd' | 'tagsRemove'): Promise<IDataObject> {
	const id = readCustomerLocator(ctx, i);
	const tags = splitList(ctx.getNodeParameter('tags', i));
	if (!tags.length) throw inputError(ctx, i, 'Tags', 'is empty');
	const data = await shopifyGraphql.call(
		ctx,
		`mutation Change($id: ID!, $tags: [String!]!) { ${mutation}(id: $id, tags: $tags) { node { id } ${USER_ERRORS} } }`,
		{ id, tags },
	);
	const problem = userErrorText(data[mutation]);
	if (problem) throw new NodeOperationError(ctx.getNode(), `Item ${i}: Shopify rejected the tags of ${id}: ${problem}`, { itemIndex: i });
	const after = (await shopifyGraphql.call(ctx, READ_TAGS, { id })).customer as IDataObject | null;
	return { id, tags: (after?.tags as string[] | undefined) ?? [] };
}
