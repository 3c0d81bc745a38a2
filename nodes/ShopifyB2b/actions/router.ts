import { createRouter } from '../../shared/operation';
import * as customer from './customer';
import * as metafield from './metafield';
import * as order from './order';
import * as tag from './tag';

export const router = createRouter({
	customer: customer.operations,
	metafield: metafield.operations,
	order: order.operations,
	tag: tag.operations,
});
