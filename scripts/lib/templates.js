'use strict';
// Shipped templates (workflows/*.json) and how each can be run headlessly.
const fs = require('fs');
const path = require('path');
const { WORKFLOWS_DIR, PACKAGE_NAME } = require('./paths');

function loadTemplates(dir = WORKFLOWS_DIR) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			return { file, workflow, ...classify(workflow) };
		});
}

/**
 * `manual`: has a Manual Trigger, so `n8n execute`/`execute-batch` can run it.
 * `pollers`: our polling trigger nodes (run only by an active workflow in `n8n start`).
 */
function classify(workflow) {
	const nodes = workflow.nodes || [];
	const manual = nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger');
	const pollers = nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`) && /Trigger$/.test(n.type)).map((n) => n.name);
	const ourTypes = [...new Set(nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`)).map((n) => n.type))];
	return { manual, pollers, ourTypes };
}

module.exports = { loadTemplates, classify };
