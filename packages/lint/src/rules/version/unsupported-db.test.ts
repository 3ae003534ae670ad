import { ruleTester } from '../../test-utils/rule-tester.js';
import { OFFICE, VESSEL, edit } from '../../test-utils/fixtures.js';
import rule from './unsupported-db.js';

const DB = 'version: 664';

ruleTester(rule, {
  valid: [
    { name: 'a correct vessel', yaml: VESSEL },
    { name: 'a correct office', yaml: OFFICE },
    { name: 'the oldest DB in the table', yaml: edit(VESSEL, [DB, 'version: 662']) },
    { name: 'a DB between two in the table is version/unknown-db\'s', yaml: edit(VESSEL, [DB, 'version: 663']) },
    { name: 'a DB above the table is version/unknown-db\'s', yaml: edit(VESSEL, [DB, 'version: 700']) },
    { name: 'an old DB added in the config', yaml: edit(VESSEL, [DB, 'version: 650']), minimumBuilds: { '650': 8300 } },
  ],
  invalid: [
    {
      name: 'DB 661',
      yaml: edit(VESSEL, [DB, 'version: 661']),
      errors: [
        {
          pointer: '/database/version',
          at: '661',
          message:
            'DB version 661 is older than every DB version with an OAuth2 build (662, 664, 665): OAuth2 mail needs a database upgrade to DB 662 or later, then TM Master V2 2.662.8271 or later',
          fix: null,
        },
      ],
    },
    {
      name: 'DB 0, in an office',
      yaml: edit(OFFICE, ['version: 665', 'version: 0']),
      errors: [{ pointer: '/database/version', at: '0', after: 'database:', message: 'DB version 0 is older than every DB version', fix: null }],
    },
    {
      name: 'an older DB added in the config moves the floor',
      yaml: edit(VESSEL, [DB, 'version: 640']),
      minimumBuilds: { '650': 8200 },
      errors: [
        {
          pointer: '/database/version',
          at: '640',
          message: '(650, 662, 664, 665): OAuth2 mail needs a database upgrade to DB 650 or later, then TM Master V2 2.650.8200 or later',
          fix: null,
        },
      ],
    },
    {
      name: 'database.version written as text is the schema\'s',
      yaml: edit(VESSEL, [DB, 'version: "600"']),
      schemaInvalid: true,
      errors: [],
    },
  ],
});
