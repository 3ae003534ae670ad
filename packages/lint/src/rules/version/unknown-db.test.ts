import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit } from '../../test-utils/fixtures.js';
import rule from './unknown-db.js';

const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'DB 662', yaml: edit(VESSEL, [DB, 'version: 662']) },
    { name: 'a DB below the table is version/unsupported-db\'s', yaml: edit(VESSEL, [DB, 'version: 661']) },
    { name: 'a DB added in the config', yaml: edit(VESSEL, [DB, 'version: 666']), minimumBuilds: { '666': 8400 } },
    { name: 'a DB between two in the table, added in the config', yaml: edit(VESSEL, [DB, 'version: 663']), minimumBuilds: { '663': 8271 } },
  ],
  invalid: [
    {
      name: 'DB 663, between two in the table',
      yaml: edit(VESSEL, [DB, 'version: 663']),
      errors: [
        {
          pointer: '/database/version',
          at: '663',
          message:
            'DB version 663 is not in the table of minimum builds (662, 664, 665), so the minimum build for OAuth2 mail is unknown: ask Tero Marine for the first build for DB 663 that supports OAuth2 and add it to tmcheck.config.json, e.g. "minimumBuilds": { "663": 8400 }',
          fix: null,
        },
      ],
    },
    {
      name: 'DB 666, newer than the table',
      yaml: edit(OFFICE, ['version: 665', 'version: 666']),
      errors: [{ pointer: '/database/version', at: '666', message: '"minimumBuilds": { "666": 8400 }', fix: null }],
    },
    {
      name: 'the table listed includes what the config added',
      yaml: edit(VESSEL, [DB, 'version: 667']),
      minimumBuilds: { '666': 8400 },
      errors: [{ pointer: '/database/version', at: '667', message: '(662, 664, 665, 666)', fix: null }],
    },
    {
      name: 'a DB version no TM Master version can hold',
      yaml: edit(VESSEL, [DB, 'version: 70000']),
      errors: [
        {
          pointer: '/database/version',
          at: '70000',
          message: 'DB version 70000 is above 65534, more than any TM Master version can hold: type the DB version TM Master shows',
          fix: null,
        },
      ],
    },
  ],
});
