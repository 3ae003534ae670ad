/**
 * A rule page (Markdown) as terminal lines: headings in bold, paragraphs and list items wrapped to
 * the width, code blocks as written. Enough for the pages of docs/rules, which are plain prose.
 */
import { escapeControls } from '@tmcheck/lint';
import { paragraph, span, type Line } from './line.js';

function inline(text: string): string {
  return escapeControls(
    text
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label: string, url: string) => (url.startsWith('http') ? `${label} (${url})` : label)),
  );
}

export function markdownLines(markdown: string, columns: number): Line[] {
  const out: Line[] = [];
  const source = markdown.replace(/\r\n/g, '\n').split('\n');
  let text: string[] = [];
  let indent = 1;
  let first = 1;
  const flush = (): void => {
    if (text.length === 0) return;
    const wrapped = paragraph(inline(text.join(' ')), columns, indent);
    wrapped.forEach((l, i) => out.push(i === 0 && first !== indent ? [span(' '.repeat(first)), span((l[1]?.text ?? '').trimStart())] : l));
    text = [];
  };
  let code = false;
  for (const raw of source) {
    if (raw.startsWith('```')) {
      flush();
      code = !code;
      continue;
    }
    if (code) {
      out.push([span(`   ${escapeControls(raw)}`, { tone: 'muted' })]);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading) {
      flush();
      if (out.length > 0 && out[out.length - 1]?.length !== 0) out.push([]);
      out.push([span(` ${inline(heading[2] ?? '')}`, { bold: true, tone: 'accent' })]);
      continue;
    }
    if (raw.trim() === '') {
      flush();
      if (out.length > 0 && out[out.length - 1]?.length !== 0) out.push([]);
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      const depth = Math.floor((item[1] ?? '').length / 2);
      first = 1 + depth * 2;
      indent = first + (item[2] ?? '-').length + 1;
      text = [`${item[2] === '*' ? '-' : item[2]} ${item[3] ?? ''}`];
      continue;
    }
    if (text.length === 0) {
      indent = 1;
      first = 1;
    }
    text.push(raw.trim());
  }
  flush();
  return out;
}
