'use strict';
// Checks an installed tree against its lockfile: every installed package has exactly the locked
// version and nothing is installed that the lock does not name. Usage: node verifyLock.js <dir>
const fs = require('fs');
const path = require('path');

function verifyLock(dir) {
	const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages || {};
	const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', '.package-lock.json'), 'utf8')).packages || {};
	const problems = [];
	for (const [where, entry] of Object.entries(installed)) {
		const locked = lock[where];
		if (!locked) problems.push(`${where}: installed but not in the lock`);
		else if (entry.version !== locked.version) problems.push(`${where}: ${entry.version}, locked ${locked.version}`);
	}
	return { checked: Object.keys(installed).length, problems };
}

if (require.main === module) {
	const { checked, problems } = verifyLock(process.argv[2] || '.');
	if (problems.length) {
		console.error(`The runtime differs from its lockfile in ${problems.length} package(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
		process.exit(1);
	}
	console.log(`Runtime matches its lockfile (${checked} packages).`);
}

module.exports = { verifyLock };
