import { createRouter } from '../../shared/operation';
import * as customerGroup from './customerGroup';
import * as customerPricing from './customerPricing';
import * as priceList from './priceList';

export const router = createRouter({
	customerGroup: customerGroup.operations,
	customerPricing: customerPricing.operations,
	priceList: priceList.operations,
});
