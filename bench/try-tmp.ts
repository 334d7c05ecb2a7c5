import { startLocalStack } from '../local/local-stack.js';
import { freePort } from '../test/support/free-port.js';
import { signToken } from '../local/jwt.js';
process.env.LOG_LEVEL = 'error';
const stack = await startLocalStack({ port: 0, dynamoPort: await freePort(), persist: false, dataDir: '.data', tableName: 'try-table', jobs: false, ephemeralKey: true });
try {
  const admin = signToken(stack.keys.privateKey, { sub: 'a', role: 'admin', facilities: [] });
  const post = async (p: string, t: string, b: unknown) => { const r = await fetch(stack.url + p, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify(b) }); return [r.status, await r.text()]; };
  console.log(await post('/facilities', admin, { facilityId: 'f1', name: 'F', timeZone: 'Asia/Shanghai' }));
  console.log(await post('/facilities/f1/rooms', admin, { range: { from: 101, to: 103 }, capacity: 2 }));
  const staff = signToken(stack.keys.privateKey, { sub: 's', role: 'staff', facilities: ['f1'] });
  console.log(await post('/facilities/f1/stays', staff, { person: { nameNative: '张伟', nameLatin: 'ZHANG Wei', sex: 'M', birthDate: '1985-03-02', nationality: 'CN', document: { type: 'passport', number: 'E1234', country: 'CN' }, phone: '+86 138 0000 0000' }, category: 'inbound', arrival: { arrivedAt: new Date().toISOString(), originCountry: 'FR' } }));
} finally { await stack.stop(); }
