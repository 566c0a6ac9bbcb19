// The peer baseline for bench/verify: @simplewebauthn/server verifying the very responses
// latchkey_bench_verify wrote, each from its JSON text as POSTed, one at a time.
//   node simplewebauthn.mjs CASES.json [SECONDS]
// Prints "case NAME simplewebauthn_ops N" per case; exits 1 if a response does not verify.
import { readFileSync } from 'node:fs';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const seconds = Number(process.argv[3] ?? 2);

function verifier(c) {
  const common = {
    expectedChallenge: c.expectedChallenge,
    expectedOrigin: c.expectedOrigin,
    expectedRPID: c.expectedRPID,
    requireUserVerification: true,
  };
  if (c.kind === 'registration')
    return () => verifyRegistrationResponse({ ...common, response: JSON.parse(c.response) });
  const credential = {
    id: c.credentialId,
    publicKey: new Uint8Array(Buffer.from(c.publicKey, 'base64url')),
    counter: 0,
  };
  return () => verifyAuthenticationResponse({ ...common, response: JSON.parse(c.response), credential });
}

async function perSecond(step) {
  const run = async (ms) => {
    let calls = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(ms * 1e6));
    let now = start;
    while (now < end) {
      const result = await step();
      if (!result.verified) throw new Error('did not verify');
      calls += 1;
      now = process.hrtime.bigint();
    }
    return calls / (Number(now - start) / 1e9);
  };
  await run(seconds * 200); // warm-up: a fifth, as on the C++ side
  return run(seconds * 1000);
}

let status = 0;
for (const c of cases) {
  try {
    const ops = await perSecond(verifier(c));
    console.log(`case ${c.name} simplewebauthn_ops ${ops.toFixed(0)}`);
  } catch (error) {
    console.error(`simplewebauthn.mjs: ${c.name}: ${error.message}`);
    console.log(`case ${c.name} simplewebauthn_ops 0`);
    status = 1;
  }
}
process.exit(status);
