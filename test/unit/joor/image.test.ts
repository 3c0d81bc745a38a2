import { joor } from './fixture';

joor.useTestEnv();

const image = (over: object = {}) => ({
	resource: 'image',
	operation: 'add',
	styleNumber: 'S 1',
	styleIdentifier: 'S1-ID',
	imageUrl: 'https://cdn.example.com/img/S1%20black.jpg',
	options: {},
	...over,
});

describe('JOOR image', () => {
	it('adds an image by URL, replacing one of the same file name so re-runs never duplicate', async () => {
		joor
			.api()
			.post('/v2/style-number/S%201/S1-ID/image/')
			.query({ url: 'https://cdn.example.com/img/S1%20black.jpg', filename: 'S1 black.jpg', replace_existing: 1, swatch: 0, display_order: 2, color_code: 'BLK' })
			.reply(201, { response: { code: 201, comment: 'Created' } });
		const { json } = await joor.run(image({ options: { variantCode: 'BLK', displayOrder: 2 } }));
		expect(json[0]).toMatchObject({ style_number: 'S 1', filename: 'S1 black.jpg', color_code: 'BLK', response: { code: 201 } });
	});

	it.each([
		[{ imageUrl: '' }, /Item 0: Image URL is empty/],
		[{ imageUrl: 'not a url' }, /Item 0: Image URL is not a URL/],
		[{ imageUrl: 'ftp://x.example.com/a.jpg' }, /Item 0: Image URL must start with http/],
		[{ imageUrl: 'https://x.example.com/a.webp' }, /Item 0: Image URL must be a JPEG or PNG/],
		[{ options: { displayOrder: 1.5 } }, /Item 0: Display Order must be a whole number/],
	])('names the item and field for bad input %j', async (over, message) => {
		await expect(joor.run(image(over))).rejects.toThrow(message);
	});
});
