// Test servers for the probe (and for the CLI's probe tests): a test CA, the Entra ID / Graph stand-in, a real Dovecot.
export { makeTestCa, type ServerCertificate, type TestCa } from './ca.js';
export { Dovecot, MAIL_USER, type DovecotOptions } from './dovecot.js';
export { EntraStandIn, type GraphMailboxState, type IssuedToken, type RecordedRequest, type SentMessage, type StandInConfig, type TestApp, type TestSecret, type TestTenant } from './entra.js';
export { EXCHANGE_REFUSAL, exchangeOnline, FakePop3, type FakePop3Script } from './fake-pop3.js';
export * from './lab.js';
