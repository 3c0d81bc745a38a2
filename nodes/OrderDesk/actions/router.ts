import { createRouter } from '../../shared/operation';
import * as inventoryItem from './inventoryItem';
import * as order from './order';
import * as shipment from './shipment';
import * as store from './store';

export const router = createRouter({
	inventoryItem: inventoryItem.operations,
	order: order.operations,
	shipment: shipment.operations,
	store: store.operations,
});
