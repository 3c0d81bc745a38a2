import nock from 'nock';

// nock patches Node's http module, which every test file in a worker shares: a file that disabled
// real connections must not leave them disabled for the next file (the sandbox tests use real HTTP).
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});
