import { parse } from '@tmcheck/versions';
import { defineRule } from '../../engine/define-rule.js';
import { quote } from '../../model/values.js';
import { versionFields } from '../../rule-kit/version-fields.js';

const EXAMPLE = '2.664.8271.20345';
/** The parser ends most explanations with its example; the message shows the example once, up front. */
const TRAILING_EXAMPLE = /,? (?:such as|as in) 2\.664\.8271\.20345$/;

export default defineRule({
  id: 'version/syntax',
  severity: 'error',
  docs: { description: `The client and Server Service versions are written 2.DB.BUILD.REVISION, e.g. "${EXAMPLE}"` },
  fixable: false,
  check(ctx) {
    for (const field of versionFields(ctx.manifest)) {
      const result = parse(field.text);
      if (result.ok) continue;
      const { column, message } = result.error;
      // The parser's message reads `column N: <what is there>; expected <what fits>`.
      const problem = message.replace(/^column \d+: /, '').replace(TRAILING_EXAMPLE, '');
      ctx.report({
        pointer: field.pointer,
        message:
          `${field.name} version ${quote(field.text)} is not of the form 2.DB.BUILD.REVISION (e.g. "${EXAMPLE}"): ` +
          `at column ${column} of the version, ${problem}`,
      });
    }
  },
});
