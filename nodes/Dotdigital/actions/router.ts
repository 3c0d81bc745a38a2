import { createRouter } from '../../shared/operation';
import * as contact from './contact';
import * as dataField from './dataField';
import * as insightData from './insightData';
import * as list from './list';
import * as suppression from './suppression';

export const router = createRouter({
	contact: contact.operations,
	dataField: dataField.operations,
	insightData: insightData.operations,
	list: list.operations,
	suppression: suppression.operations,
});
