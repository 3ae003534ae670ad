/** How the app shows findings: grouped by the catalog's section, errors first; each with its fix in words. */
import { escapeControls, type DocumentResult, type Finding, type Fix, type Severity } from '@tmcheck/lint';
import { CATALOG_SECTIONS, fieldInfo, fieldTitle, type CatalogSection } from '@tmcheck/schemas';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface FindingGroup {
  readonly document: number;
  /** The installation's name, when the file holds several (else undefined: the title says it). */
  readonly installation: string | null;
  readonly section: CatalogSection;
  readonly worst: Severity;
  readonly findings: readonly Finding[];
}

/** The section of the catalog a finding is in, by its pointer; the manifest as a whole is Installation. */
export function sectionOf(pointer: string): CatalogSection {
  // a pointer below a field the catalog does not know (a misspelt key) belongs to the nearest known parent
  let p = pointer;
  for (;;) {
    const info = fieldInfo(p);
    if (info) return info.section;
    if (p === '') return 'Installation';
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * The findings of a file's results in groups: per document, one group per section; groups with
 * errors first (then warnings, then infos), in the guide's order among equals; in a group, errors
 * first, then by line. Findings silenced by an inline comment are left out, as in the totals.
 */
export function groupFindings(results: readonly DocumentResult[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const r of results) {
    const bySection = new Map<CatalogSection, Finding[]>();
    for (const m of r.messages) {
      if (m.suppressed) continue;
      const section = sectionOf(m.pointer);
      const list = bySection.get(section) ?? [];
      list.push(m);
      bySection.set(section, list);
    }
    const docGroups = [...bySection].map(([section, findings]) => {
      const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.column - b.column);
      return { document: r.document, installation: results.length > 1 ? r.installation : null, section, worst: (sorted[0] as Finding).severity, findings: sorted };
    });
    docGroups.sort((a, b) => RANK[a.worst] - RANK[b.worst] || CATALOG_SECTIONS.indexOf(a.section) - CATALOG_SECTIONS.indexOf(b.section));
    for (const g of docGroups) groups.push(g);
  }
  return groups;
}

/** The findings in the order the groups show them. */
export function flatten(groups: readonly FindingGroup[]): Finding[] {
  return groups.flatMap((g) => g.findings);
}

function shown(value: string | number | boolean): string {
  return typeof value === 'string' ? escapeControls(value) : String(value);
}

/** A finding's safe fix in words, naming the field as TM Master does (the value is the one lint shows). */
export function describeFix(fix: Fix): string {
  const field = fieldTitle(fix.pointer) ?? escapeControls(fix.pointer);
  if ('value' in fix) return `set ${field} to ${shown(fix.value)}`;
  if ('remove' in fix) return `remove ${field}`;
  return `rename the key ${escapeControls(fix.pointer.split('/').pop() ?? '')} to ${escapeControls(fix.rename)}`;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixable: number;
}

export function countResults(results: readonly DocumentResult[]): Counts {
  return results.reduce(
    (c, r) => ({ errors: c.errors + r.errorCount, warnings: c.warnings + r.warningCount, infos: c.infos + r.infoCount, fixable: c.fixable + r.fixableCount }),
    { errors: 0, warnings: 0, infos: 0, fixable: 0 },
  );
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : /(?:x|s|sh|ch)$/.test(word) ? 'es' : 's'}`;
}
