'use strict';
// JOOR bench scenarios (issue 14: 1k / 10k styles, 10k SKUs of inventory, 1k orders, credits spent
// against the minimum). They drive the JOOR node's bulk operations, which are being built; until a
// scenario is listed here its row is reported as not run (see scripts/bench/README.md).
module.exports = [];
