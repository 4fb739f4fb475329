// Every integration test file, imported once. test/integration/index.ts loads this module
// after installing mocha's BDD globals. Add new test files here.
import './smoke.test';
import './extension.test';
import './binary.test';
import './perf.test';
import './multiroot.test';
import './installed.test';
import './teamserver.test';
