import { oncePerRun } from '../../../nodes/shared/runCache';

describe('oncePerRun', () => {
	it('reads once per run and name, however many items ask at once', async () => {
		const run = {};
		let reads = 0;
		const read = async () => ++reads;
		const values = await Promise.all([oncePerRun(run, 'a', read), oncePerRun(run, 'a', read), oncePerRun(run, 'a', read)]);
		expect(values).toEqual([1, 1, 1]);
		expect(await oncePerRun(run, 'b', read)).toBe(2);
		expect(await oncePerRun({}, 'a', read)).toBe(3);
	});

	it('forgets a failed read, so the next item asks again', async () => {
		const run = {};
		await expect(oncePerRun(run, 'a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(await oncePerRun(run, 'a', async () => 'up')).toBe('up');
	});
});
