/**
 * Which templates the expensive e2e suites (faults, secrets, browser) run. CI's time budget cannot
 * afford every suite on every template as systems are added, so by default each suite runs one
 * representative template per target system (plus both Cin7 sides where a system has both);
 * `E2E_ALL_TEMPLATES=1` runs every template (docs/architecture.md, "Tests").
 *
 * A template's target system is read from its file name (`cin7-<core|omni>-<flow>-<to|from>-<target>`
 * and the like); the representatives are the preferred files below when they exist, else the first
 * template of that target alphabetically, so a new system is covered without editing this file.
 */
import type { Template } from './n8n';

/** Target systems by the slug their template file names carry. */
const TARGETS = ['dotdigital', 'emarsys', 'order-desk', 'sparklayer', 'shopify', 'joor'];

/**
 * Preferred representatives: the contacts round trip exercises reads, batch writes and the reverse
 * flow of a system; one Cin7 side each keeps the pair small. The Core side is the unsubscribes flow
 * because it writes to Cin7 Core once per contact: the faults suite's Core-only group (200 +
 * ErrorCode) needs enough Core calls to inject into, and the contacts flow reads Core in a page or two.
 */
const PREFERRED: Record<string, string[]> = {
	dotdigital: ['cin7-core-unsubscribes-from-dotdigital.json', 'cin7-omni-contacts-to-dotdigital.json'],
};

export const allTemplatesWanted = (): boolean => process.env.E2E_ALL_TEMPLATES === '1';

export function targetOf(file: string): string | undefined {
	return TARGETS.find((t) => file.includes(t));
}

/** One template per target system (the preferred ones where listed), or all. */
export function representatives(templates: Template[], { all = allTemplatesWanted() } = {}): Template[] {
	if (all) return templates;
	const chosen: Template[] = [];
	const byTarget = new Map<string, Template[]>();
	for (const t of [...templates].sort((a, b) => a.file.localeCompare(b.file))) {
		const target = targetOf(t.file) ?? 'other';
		byTarget.set(target, [...(byTarget.get(target) ?? []), t]);
	}
	for (const [target, list] of byTarget) {
		const preferred = (PREFERRED[target] ?? []).map((f) => list.find((t) => t.file === f)).filter((t): t is Template => !!t);
		if (preferred.length) {
			chosen.push(...preferred);
			continue;
		}
		chosen.push(list[0]);
	}
	return chosen;
}
