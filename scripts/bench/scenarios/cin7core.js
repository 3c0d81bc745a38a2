'use strict';
// Cin7 Core's bench scenarios, the module its registry entry (sandbox/systems.js) names: the call and
// memory scenarios of ./core, then the change-to-target latency in n8n server mode (../latency).
module.exports = [...require('./core'), ...require('../latency').scenarios];
