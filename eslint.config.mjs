// Source lint: the same rule sets n8n's package scanner runs over nodes/, credentials/ and
// package.json (community-nodes "recommended" plus the base plugin's community, credentials and
// nodes sets, with the three rules n8n itself exempts). Inline eslint-disable comments are not
// honoured by the scanner, so none are used here either.
import tseslint from 'typescript-eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const baseRules = (set) => {
	const rules = { ...n8nNodesBase.configs[set].rules };
	delete rules['n8n-nodes-base/node-class-description-inputs-wrong-regular-node'];
	delete rules['n8n-nodes-base/node-class-description-outputs-wrong'];
	delete rules['n8n-nodes-base/node-param-type-options-max-value-present'];
	// "Only applicable to nodes in the main repository" (its own description): it wants a camelCase
	// slug, while the community rule credential-documentation-url requires a full URL.
	delete rules['n8n-nodes-base/cred-class-field-documentation-url-miscased'];
	return rules;
};

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.n8n-runtime/**', 'eslint*.config.mjs'] },
	{
		files: ['**/*.ts', 'package.json'],
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: false },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		plugins: { '@n8n/community-nodes': communityNodes, 'n8n-nodes-base': n8nNodesBase },
		rules: { ...communityNodes.configs.recommended.rules, 'no-console': 'error' },
	},
	{ files: ['package.json'], rules: baseRules('community') },
	{ files: ['credentials/**/*.ts'], rules: baseRules('credentials') },
	{ files: ['nodes/**/*.ts'], rules: baseRules('nodes') },
];
