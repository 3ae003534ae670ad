import { edit, OFFICE, removeBlock, removeLine, VESSEL } from '../../test-utils/fixtures.js';
import { ruleTester } from '../../test-utils/rule-tester.js';
import rule from './timeout.js';

const POINTER = '/exchange/smtp/timeoutSeconds';
const FIX = { pointer: POINTER, value: 100 };
const timeout = (seconds: string): string => edit(VESSEL, ['timeoutSeconds: 100', `timeoutSeconds: ${seconds}`]);

ruleTester(rule, {
  valid: [
    { name: 'the correct vessel of the guide (100 seconds)', yaml: VESSEL },
    { name: 'the office: no TM Exchange', yaml: OFFICE },
    { name: 'the lowest accepted value, 30 seconds', yaml: timeout('30') },
    { name: 'the highest accepted value, 600 seconds', yaml: timeout('600') },
    { name: 'a slow satellite link: 300 seconds', yaml: timeout('300') },
    { name: 'TM Exchange without SMTP settings', yaml: removeBlock(VESSEL, '  smtp:') },
    { name: 'a Timeout of 120 seconds in a TM Exchange SMTP on its own relay', yaml: edit(timeout('120'), ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: mail.example.com']) },
  ],
  invalid: [
    {
      name: 'Timeout left out',
      yaml: removeLine(VESSEL, 'timeoutSeconds:'),
      errors: [
        {
          pointer: POINTER,
          at: 'smtp:',
          after: 'exchange:',
          messageId: 'notFilledIn',
          data: { field: 'TM Exchange SMTP > Timeout' },
          fix: FIX,
        },
      ],
    },
    {
      name: 'Timeout under 30 seconds',
      yaml: timeout('10'),
      errors: [{ pointer: POINTER, at: '10', after: 'timeoutSeconds:', messageId: 'tooShort', data: { field: 'TM Exchange SMTP > Timeout', seconds: 10 }, fix: FIX }],
    },
    {
      name: 'Timeout of 29 seconds',
      yaml: timeout('29'),
      errors: [{ pointer: POINTER, at: '29', after: 'timeoutSeconds:', messageId: 'tooShort', data: { seconds: 29 }, fix: FIX }],
    },
    {
      name: 'Timeout over 600 seconds (an hour)',
      yaml: timeout('3600'),
      errors: [{ pointer: POINTER, at: '3600', messageId: 'tooLong', data: { field: 'TM Exchange SMTP > Timeout', seconds: 3600 }, fix: FIX }],
    },
    {
      name: 'Timeout in milliseconds by mistake',
      yaml: timeout('100000'),
      errors: [{ pointer: POINTER, at: '100000', messageId: 'tooLong', data: { seconds: 100000 }, fix: FIX }],
    },
    {
      name: 'Timeout checked even for a basic-auth relay site',
      yaml: removeLine(edit(VESSEL, ['server: https://graph.microsoft.com/v1.0/users/replication.nordicstar@example.com/sendMail', 'server: smtp.example.com']), 'timeoutSeconds:'),
      errors: [{ pointer: POINTER, at: 'smtp:', after: 'exchange:', messageId: 'notFilledIn', fix: FIX }],
    },
    {
      name: 'a Timeout of 100 quoted as text is the schema\'s to report (with its fix): nothing here',
      schemaInvalid: true,
      yaml: timeout('"100"'),
      errors: [],
    },
    {
      name: 'a Timeout of 10 quoted as text is the schema\'s to report first: nothing here',
      schemaInvalid: true,
      yaml: timeout("'10'"),
      errors: [],
    },
    {
      name: 'a Timeout with a decimal is the schema\'s to report',
      schemaInvalid: true,
      yaml: timeout('100.5'),
      errors: [],
    },
    {
      name: 'Timeout written with no value counts as not filled in',
      // a key with no value is read as absent (the tester's raw schema check sees null)
      schemaInvalid: true,
      yaml: timeout(''),
      errors: [{ pointer: POINTER, messageId: 'notFilledIn', fix: FIX }],
    },
    {
      name: 'a Timeout of 0 seconds',
      yaml: timeout('0'),
      errors: [{ pointer: POINTER, at: '0', after: 'timeoutSeconds:', messageId: 'tooShort', data: { seconds: 0 }, fix: FIX }],
    },
    {
      name: 'a Timeout of 601 seconds',
      yaml: timeout('601'),
      errors: [{ pointer: POINTER, at: '601', messageId: 'tooLong', data: { seconds: 601 }, fix: FIX }],
    },
    {
      name: 'a Timeout of the wrong type is the schema\'s to report',
      schemaInvalid: true,
      yaml: timeout('"100s"'),
      errors: [],
    },
  ],
});
