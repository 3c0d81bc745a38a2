import type { IDataObject } from 'n8n-workflow';

import { readKey } from './keys';

/**
 * Omni's API model has no documented "receive email" flag, so where a merchant keeps email
 * consent is a setting: a contact custom field, the contact's group, or its stage. These two
 * functions are the only place that reads or writes that consent; the Dotdigital flow depends on
 * them through the `acceptsEmail` output field.
 */
export type SubscriptionSourceType = 'none' | 'customField' | 'group' | 'stage';

export interface SubscriptionSource {
	source: SubscriptionSourceType;
	/** Custom field API name (source customField). */
	customFieldName?: string;
	/** The value meaning "accepts email" (group/stage name, or a custom field value). */
	subscribedValue?: string;
	/** The value meaning "does not accept email". */
	unsubscribedValue?: string;
}

export const DEFAULT_SUBSCRIPTION_FIELD = 'receive_email';

const YES = ['true', 'yes', 'y', '1', 'on', 'subscribed', 'opt in', 'opted in', 'opt-in', 'opted-in'];
const NO = ['false', 'no', 'n', '0', 'off', 'unsubscribed', 'opt out', 'opted out', 'opt-out', 'opted-out'];

const norm = (v: unknown) => String(v ?? '').trim().toLowerCase();

/** A list-valued field (stages may hold several comma-separated values) as normalised tokens. */
const tokens = (v: unknown): string[] =>
	(Array.isArray(v) ? v : String(v ?? '').split(',')).map(norm).filter(Boolean);

function matchValue(raw: unknown, config: SubscriptionSource, builtIn: boolean): boolean | null {
	const values = tokens(raw);
	if (!values.length && typeof raw !== 'boolean') return null;
	const yes = norm(config.subscribedValue);
	const no = norm(config.unsubscribedValue);
	if (yes && values.includes(yes)) return true;
	if (no && values.includes(no)) return false;
	if (!builtIn) return null;
	if (typeof raw === 'boolean') return raw;
	if (values.length === 1 && YES.includes(values[0])) return true;
	if (values.length === 1 && NO.includes(values[0])) return false;
	return null;
}

/**
 * Does this contact accept marketing email? `true` or `false` when the configured source says so,
 * `null` when it is silent or unreadable: unknown consent is never treated as a subscription.
 */
export function acceptsEmail(contact: IDataObject, config: SubscriptionSource): boolean | null {
	switch (config.source) {
		case 'customField': {
			const name = (config.customFieldName ?? DEFAULT_SUBSCRIPTION_FIELD).trim();
			const fields = readKey(contact, 'customFields');
			return matchValue(readKey(fields, name), config, true);
		}
		case 'group':
			return matchValue(readKey(contact, 'group'), config, false);
		case 'stage':
			return matchValue(readKey(contact, 'stages'), config, false);
		default:
			return null;
	}
}

/**
 * The inverse: the fields to PUT on a contact so that `acceptsEmail` reads `accepts` afterwards
 * (used to write an unsubscribe back to Cin7 Omni). Throws when the setting cannot express it.
 */
export function subscriptionPatch(config: SubscriptionSource, accepts: boolean): IDataObject {
	const wanted = (accepts ? config.subscribedValue : config.unsubscribedValue)?.trim();
	switch (config.source) {
		case 'customField': {
			const name = (config.customFieldName ?? DEFAULT_SUBSCRIPTION_FIELD).trim();
			return { customFields: { [name]: wanted || (accepts ? 'Yes' : 'No') } };
		}
		case 'group':
		case 'stage': {
			if (!wanted) {
				throw new Error(
					`the subscription source is the contact's ${config.source}, so "${accepts ? 'Subscribed Value' : 'Unsubscribed Value'}" must be set to write this change`,
				);
			}
			return config.source === 'group' ? { group: wanted } : { stages: wanted };
		}
		default:
			throw new Error('the subscription source is "None", so email consent cannot be written');
	}
}
