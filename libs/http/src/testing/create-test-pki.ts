import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM certificate and its unencrypted PKCS#8 PEM private key. */
export type TestKeyPair = { certificate: string; key: string };

export type TestPki = {
  /** The CA certificate (PEM), to trust or to require client certificates from. */
  ca: string;
  /**
   * Issues a P-256 certificate signed by the CA, valid from now for two days.
   * `dnsNames`/`ipAddresses` become the subjectAltName; `usage` the extended key usage.
   */
  issue: (commonName: string, options: { usage: 'server' | 'client'; dnsNames?: string[]; ipAddresses?: string[] }) => TestKeyPair;
};

/**
 * FOR TESTS ONLY: a throwaway certificate authority made with the `openssl` CLI
 * (OpenSSL 3), so tests can run real HTTPS and mTLS servers on loopback. Keys
 * live only in memory and a temporary directory removed before returning.
 * Throws when `openssl` is not installed.
 */
export function createTestPki(commonName: string): TestPki {
  const ca = withTempDir((dir) => {
    openssl(dir, [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', `/CN=${commonName}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    return { certificate: read(dir, 'ca.crt'), key: read(dir, 'ca.key') };
  });

  const issue: TestPki['issue'] = (leafName, options) =>
    withTempDir((dir) => {
      writeFileSync(join(dir, 'ca.crt'), ca.certificate);
      writeFileSync(join(dir, 'ca.key'), ca.key, { mode: 0o600 });
      const altNames = [...(options.dnsNames ?? []).map((name) => `DNS:${name}`), ...(options.ipAddresses ?? []).map((ip) => `IP:${ip}`)];
      writeFileSync(
        join(dir, 'ext.cnf'),
        [
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature',
          `extendedKeyUsage=${options.usage === 'server' ? 'serverAuth' : 'clientAuth'}`,
          ...(altNames.length > 0 ? [`subjectAltName=${altNames.join(',')}`] : []),
        ].join('\n'),
      );
      openssl(dir, [
        'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${leafName}`,
      ]);
      openssl(dir, [
        'x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
        '-out', 'leaf.crt', '-days', '2', '-extfile', 'ext.cnf',
      ]);
      return { certificate: read(dir, 'leaf.crt'), key: read(dir, 'leaf.key') };
    });

  return { ca: ca.certificate, issue };
}

function withTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'parley-pki-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
