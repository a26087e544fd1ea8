// Test helpers of @parley/http (`@parley/http/testing`): never imported by production code.
export { createTestPki, type TestKeyPair, type TestPki } from './create-test-pki';
