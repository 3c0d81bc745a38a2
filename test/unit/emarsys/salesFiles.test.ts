import { packSalesFiles, utf8Bytes } from '../../../nodes/Emarsys/helpers/salesFiles';

const order = (id: string, text: string) => ({ id, text });
const ids = (files: Array<Array<{ id: string }>>) => files.map((f) => f.map((o) => o.id));

describe('Emarsys sales-data files cut by CSV bytes', () => {
	const header = 'order,item\n'; // 11 bytes

	it('fills each file up to the limit, header counted in every file, and keeps the input order', () => {
		// 11 + 5 + 5 = 21 fits a limit of 21; the third order opens a second file.
		const { files, tooBig } = packSalesFiles(header, [order('a', '1,xx\n'), order('b', '2,yy\n'), order('c', '3,zz\n')], 21);
		expect(ids(files)).toEqual([['a', 'b'], ['c']]);
		expect(tooBig).toEqual([]);
		for (const f of files) expect(utf8Bytes(header + f.map((o) => o.text).join(''))).toBeLessThanOrEqual(21);
	});

	it('measures UTF-8 bytes, not characters', () => {
		// "é" is 2 bytes: 11 + 6 + 6 = 23 > 22, although the characters number 21.
		const { files } = packSalesFiles(header, [order('a', '1,éx\n'), order('b', '2,éy\n')], 22);
		expect(ids(files)).toEqual([['a'], ['b']]);
	});

	it('sets aside an order that cannot fit any file by itself, and packs the rest around it', () => {
		const { files, tooBig } = packSalesFiles(header, [order('a', '1,x\n'), order('big', `9,${'z'.repeat(40)}\n`), order('b', '2,y\n')], 20);
		expect(ids(files)).toEqual([['a', 'b']]);
		expect(tooBig.map((o) => o.id)).toEqual(['big']);
	});

	it('makes no file for no orders', () => {
		expect(packSalesFiles(header, [], 100)).toEqual({ files: [], tooBig: [] });
	});
});
