// Copies node and credential icons next to the compiled JavaScript; tsc only emits .js/.json.
const { src, dest, parallel } = require('gulp');

const nodeIcons = () => src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
const credentialIcons = () => src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
