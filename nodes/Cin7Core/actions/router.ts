import { createRouter } from '../../shared/operation';
import * as customer from './customer';
import * as location from './location';
import * as priceTier from './priceTier';
import * as product from './product';
import * as productFamily from './productFamily';
import * as sale from './sale';
import * as stock from './stock';
import * as webhook from './webhook';

export const router = createRouter({
	customer: customer.operations,
	location: location.operations,
	priceTier: priceTier.operations,
	product: product.operations,
	productFamily: productFamily.operations,
	sale: sale.operations,
	stock: stock.operations,
	webhook: webhook.operations,
});
