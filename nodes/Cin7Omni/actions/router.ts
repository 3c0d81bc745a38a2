import { createRouter } from '../../shared/operation';
import * as branch from './branch';
import * as contact from './contact';
import * as product from './product';
import * as salesOrder from './salesOrder';
import * as stock from './stock';

export const router = createRouter({
	branch: branch.operations,
	contact: contact.operations,
	product: product.operations,
	salesOrder: salesOrder.operations,
	stock: stock.operations,
});
