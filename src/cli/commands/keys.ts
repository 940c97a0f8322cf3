// `keys add|list|revoke`: personal API keys in DATA_DIR/keys.sqlite. Whoever can run this on the
// server's machine is its administrator; the service itself has no endpoint that issues keys.
import { InvalidArgumentError, type Command } from 'commander';
import { keysFile, loadConfig } from '../../app/config.js';
import { KeyStore, type KeyRecord } from '../../auth/key-store.js';
import { isRole, ROLES, type Role } from '../../auth/roles.js';
import { ANALYST_NAME, ANALYST_NAME_RULE } from '../../domain/analyst-name.js';

const withStore = <T>(run: (keys: KeyStore) => T): T => {
  const keys = new KeyStore(keysFile(loadConfig()));
  try {
    return run(keys);
  } finally {
    keys.close();
  }
};

const analystName = (value: string): string => {
  if (!ANALYST_NAME.test(value)) throw new InvalidArgumentError(`an analyst's name is ${ANALYST_NAME_RULE}`);
  return value;
};

const role = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`a role is one of ${ROLES.join(', ')}`);
  return value;
};

const line = (k: KeyRecord): string =>
  [k.keyId, k.analyst.padEnd(20), k.role.padEnd(8), k.createdAt, k.revokedAt ? `revoked ${k.revokedAt}` : 'live'].join('  ');

export const registerKeys = (program: Command): void => {
  const keys = program.command('keys').description('personal API keys: one per analyst, with a role (reader, analyst, admin)');
  keys
    .command('add')
    .description('issue a key; it is printed once and only its SHA-256 is kept')
    .argument('<analyst>', "the analyst's name, recorded as recordedBy: analyst:<name>", analystName)
    .option('--role <role>', `one of ${ROLES.join(', ')}`, role, 'analyst' as Role)
    .action((analyst: string, options: { role: Role }) => {
      const added = withStore((store) => store.add(analyst, options.role));
      console.log(`key ${added.keyId} for ${added.analyst} (${added.role}); give them this, it is not shown again:`);
      console.log(added.token);
    });
  keys
    .command('list')
    .description('every key: id, analyst, role, when issued, live or revoked (never the secret)')
    .action(() => {
      const all = withStore((store) => store.list());
      console.log(all.length ? all.map(line).join('\n') : 'no keys yet: add one with keys add <analyst>');
    });
  keys
    .command('revoke')
    .description('stop a key working, at once, also for a running service')
    .argument('<keyId>', 'the id shown by keys list')
    .action((keyId: string) => {
      if (!withStore((store) => store.revoke(keyId))) throw new Error(`no live key ${keyId} (see keys list)`);
      console.log(`key ${keyId} revoked`);
    });
};
