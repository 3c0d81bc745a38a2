import { createRouter } from '../../shared/operation';
import * as customer from './customer';
import * as image from './image';
import * as inventory from './inventory';
import * as linesheet from './linesheet';
import * as order from './order';
import * as style from './style';

export const router = createRouter({
	customer: customer.operations,
	image: image.operations,
	inventory: inventory.operations,
	linesheet: linesheet.operations,
	order: order.operations,
	style: style.operations,
});
