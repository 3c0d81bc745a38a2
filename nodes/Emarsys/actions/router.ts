import { createRouter } from '../../shared/operation';
import * as catalog from './catalog';
import * as contact from './contact';
import * as contactList from './contactList';
import * as externalEvent from './externalEvent';
import * as field from './field';
import * as salesData from './salesData';

export const router = createRouter({
	catalog: catalog.operations,
	contact: contact.operations,
	contactList: contactList.operations,
	externalEvent: externalEvent.operations,
	field: field.operations,
	salesData: salesData.operations,
});
