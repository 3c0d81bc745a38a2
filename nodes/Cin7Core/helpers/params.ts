import type { IExecuteFunctions } from 'n8n-workflow';

import { formatCoreDate } from '../../shared/dates';
import { readDate } from '../../shared/params';

/** A date typed or mapped by a user, in the format Cin7 Core's filters and documents expect. */
export function coreDateParam(ctx: IExecuteFunctions, i: number, field: string, value: unknown): string | undefined {
	const date = readDate(ctx, i, field, value);
	return date ? formatCoreDate(date) : undefined;
}
