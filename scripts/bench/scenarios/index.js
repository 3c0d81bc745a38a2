'use strict';
// Every system's scenarios, in registry order (sandbox/systems.js: each entry's bench.scenarios).
const { SYSTEMS, benchScenarios } = require('../../../sandbox/systems');

module.exports = SYSTEMS.flatMap((s) => benchScenarios(s));
