// Creates the NATS nkeys of a laptop installation once (compose.yaml's `nats-keys` service runs it
// in a helpdesk image, where @nats-io/nkeys is installed): one seed file per user for NATS_CREDS,
// and nkeys.env with the public keys that deploy/nats/accounts.conf reads from the environment.
// Existing seeds are kept, so the keys survive `docker compose down` while the volume does.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createUser, fromSeed } = require('@nats-io/nkeys');

const USERS = ['ticket', 'mail-gateway', 'telephony-gateway', 'sla', 'billing', 'knowledge', 'ops', 'subscriber'];
const dir = process.argv[2] || '/keys';

fs.mkdirSync(dir, { recursive: true });
const lines = USERS.map((user) => {
  const file = path.join(dir, `${user}.nk`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${new TextDecoder().decode(createUser().getSeed())}\n`, { mode: 0o400 });
    // Run as root on a fresh volume: hand the seed to the services' user (uid 1000 in the image).
    if (process.getuid && process.getuid() === 0) fs.chownSync(file, 1000, 1000);
  }
  const publicKey = fromSeed(new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim())).getPublicKey();
  return `export HELPDESK_NKEY_${user.toUpperCase().replace(/-/g, '_')}=${publicKey}`;
});
fs.writeFileSync(path.join(dir, 'nkeys.env'), `${lines.join('\n')}\n`, { mode: 0o444 });
process.stdout.write(`NATS keys ready in ${dir} for ${USERS.join(', ')}\n`);
