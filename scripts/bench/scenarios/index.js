'use strict';
module.exports = [...require('./core'), ...require('./omni'), ...require('./dotdigital')];
