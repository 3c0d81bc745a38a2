// Tarball lint, as n8n's package scanner runs it: community-nodes rules over the compiled
// dist/**/*.js that users actually install.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['node_modules/**', '.n8n-runtime/**', 'eslint*.config.mjs'] },
	{
		files: ['dist/**/*.js', 'package.json'],
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: false },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
			sourceType: 'commonjs',
		},
		plugins: { '@n8n/community-nodes': communityNodes },
		rules: { ...communityNodes.configs.recommended.rules, 'no-console': 'error' },
	},
];
