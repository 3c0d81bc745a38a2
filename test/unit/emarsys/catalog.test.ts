import type { IDataObject } from 'n8n-workflow';

import { em } from './fixture';

em.useTestEnv();

const product = (item: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'catalog',
	operation: 'build',
	item,
	title: `Product ${item}`,
	link: `https://shop.example.com/p/${item}`,
	additionalColumns: {},
	customColumns: '{}',
	fileName: 'emarsys-catalog.csv',
	...extra,
});

describe('Emarsys catalog', () => {
	it('builds one product CSV: known columns in order, c_ columns after, quoting, line breaks flattened, no calls', async () => {
		const { json, out } = await em.run(
			[
				product('SKU-1', {
					title: 'Shirt, "blue"',
					additionalColumns: { available: true, price: 19.9, msrp: 25, brand: 'Acme', category: 'Men > Shirts', description: 'Soft\ncotton', image: 'https://cdn.example.com/1.jpg' },
					customColumns: { c_stock: 12 },
				}),
				product('SKU-2', { additionalColumns: { available: false, price: 5 }, customColumns: { c_stock: 0 } }),
			],
			{ items: em.items(2) },
		);
		expect(out).toHaveLength(1);
		expect(json[0]).toMatchObject({ fileName: 'emarsys-catalog.csv', mimeType: 'text/csv', rows: 2 });
		expect(json[0].csv).toBe(
			'item,title,link,available,image,category,price,msrp,brand,description,c_stock\n' +
				'SKU-1,"Shirt, ""blue""",https://shop.example.com/p/SKU-1,true,https://cdn.example.com/1.jpg,Men > Shirts,19.9,25,Acme,Soft cotton,12\n' +
				'SKU-2,Product SKU-2,https://shop.example.com/p/SKU-2,false,,,5,,,,0\n',
		);
		// The same file as binary data, for file nodes.
		const file = out[0].binary?.data;
		expect(file).toMatchObject({ fileName: 'emarsys-catalog.csv', mimeType: 'text/csv' });
		expect(Buffer.from(String(file?.data), 'base64').toString('utf8')).toBe(json[0].csv);
	});

	it('rejects a repeated item, a WEBP image, a missing link and a non-c_ column, each on its item', async () => {
		const { out } = await em.run(
			[
				product('SKU-1'),
				product('SKU-1'),
				product('SKU-3', { additionalColumns: { image: 'https://cdn.example.com/3.webp' } }),
				product('SKU-4', { link: '' }),
				product('SKU-5', { customColumns: { stock: 1 } }),
				product('SKU-6'),
			],
			{ items: em.items(6), continueOnFail: true },
		);
		const errors = out.filter((o) => o.json.error).map((o) => o.json.error);
		expect(errors).toEqual([
			'Item 1: Item "SKU-1" repeats item 0: each product must appear once',
			'Item 2: Additional Columns image is a WEBP image, which Emarsys does not support ("https://cdn.example.com/3.webp")',
			'Item 3: Link is empty',
			'Item 4: Custom Columns (JSON) has "stock": custom column names start with c_',
		]);
		const file = out.find((o) => o.json.csv);
		expect(String(file?.json.csv).trim().split('\n')).toEqual([
			'item,title,link',
			'SKU-1,Product SKU-1,https://shop.example.com/p/SKU-1',
			'SKU-6,Product SKU-6,https://shop.example.com/p/SKU-6',
		]);
	});
});
