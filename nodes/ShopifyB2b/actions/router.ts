import { createRouter } from '../../shared/operation';
import * as customer from './customer';
import * as metafield from './metafield';
import * as tag from './tag';

export const router = createRouter({
	customer: customer.operations,
	metafield: metafield.operations,
	tag: tag.operations,
});
