/** A finding's rule page: the finding, its fix in words, and the rule's documentation as `tmcheck rules ID` prints it. */
import { escapeControls, type Finding } from '@tmcheck/lint';
import { createElement as h, useReducer, type ReactElement } from 'react';
import { describeFix } from '../../findings.js';
import { useKeys } from '../../ui/keys-context.js';
import { Frame } from '../../ui/frame.js';
import { keys } from '../../ui/keys.js';
import { markdownLines } from '../../ui/markdown.js';
import { line, paragraph, span, type Line } from '../../ui/line.js';
import { SEVERITY_MARK } from '../../ui/theme.js';
import type { ScreenProps } from '../../services.js';

export interface DocState {
  readonly offset: number;
}

export type DocAction = { readonly type: 'scroll'; readonly by: number; readonly max: number } | { readonly type: 'to'; readonly at: number; readonly max: number };

export function docReducer(state: DocState, action: DocAction): DocState {
  const at = action.type === 'scroll' ? state.offset + action.by : action.at;
  return { offset: Math.min(Math.max(0, at), Math.max(0, action.max)) };
}

export function docLines(finding: Finding, page: string | undefined, columns: number): Line[] {
  const mark = SEVERITY_MARK[finding.severity];
  const out: Line[] = [
    line(span(` ${finding.ruleId}`, { bold: true }), span(`  ${mark.symbol} ${mark.word}`, { tone: mark.tone }), span(`  line ${finding.line}, column ${finding.column}`, { tone: 'muted' })),
    ...paragraph(finding.message, columns, 1),
    line(''),
    ...(finding.fix
      ? paragraph(`Safe fix: ${describeFix(finding.fix)}. Press Esc, then f, to apply it (with every other safe fix of the file).`, columns, 1, { tone: 'ok' })
      : paragraph('No safe fix: the value to type depends on the installation; see "How to fix it" below.', columns, 1, { tone: 'warning' })),
    line(span(` ${'─'.repeat(Math.max(0, columns - 2))}`, { tone: 'muted' })),
  ];
  if (page === undefined) out.push(...paragraph(`The page of ${escapeControls(finding.ruleId)} is not shipped with this copy of tmcheck.`, columns, 1, { tone: 'muted' }));
  else out.push(...markdownLines(page, columns));
  return out;
}

export interface DocProps extends ScreenProps {
  readonly finding: Finding;
}

export function DocScreen(props: DocProps): ReactElement {
  const [state, dispatch] = useReducer(docReducer, { offset: 0 });
  const body = docLines(props.finding, props.services.docPage(props.finding.ruleId), props.columns);
  const page = Math.max(1, props.rows - 6);
  const max = Math.max(0, body.length - page);
  useKeys(
    (input, key) => {
      if (key.escape || key.backspace || key.delete) return props.nav.pop();
      if (input === 'q') return props.nav.quit();
      if (key.upArrow || input === 'k') return dispatch({ type: 'scroll', by: -1, max });
      if (key.downArrow || input === 'j') return dispatch({ type: 'scroll', by: 1, max });
      if (key.pageUp || input === 'b') return dispatch({ type: 'scroll', by: -page, max });
      if (key.pageDown || input === ' ') return dispatch({ type: 'scroll', by: page, max });
      if (key.home || input === 'g') return dispatch({ type: 'to', at: 0, max });
      if (key.end || input === 'G') return dispatch({ type: 'to', at: max, max });
    },
  );
  return h(Frame, {
    title: 'Rule',
    context: escapeControls(props.finding.ruleId),
    body,
    offset: state.offset,
    help: keys(['↑↓ PgUp PgDn', 'scroll'], ['Esc', 'back to the results'], ['q', 'quit']),
    columns: props.columns,
    rows: props.rows,
    color: props.services.color,
  });
}
