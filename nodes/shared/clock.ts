import { sleep } from 'n8n-workflow';

/**
 * Time source for transport pacing, backoff and poll cursors. Tests swap these functions so
 * backoff and pacing run instantly and deterministically; runtime code uses n8n's own sleep
 * because timers are not allowed in community nodes.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => {
		if (ms > 0) await sleep(ms);
	},
};
