// Child process for the kill -9 test: stores hand-built articles one transaction each, printing a line after
// each commit so the parent knows when to kill it mid-batch.
import { createDb, storeDoc } from '../../src/store/index.ts';
import { handDoc, WIRE } from './helpers.ts';

const [config, count] = [JSON.parse(process.argv[2]!), Number(process.argv[3])];
const db = await createDb(config);
for (let i = 0; i < count; i++) {
  await storeDoc(db, handDoc(WIRE.replace('market', `market number ${i}`), { url: `https://wire.test/k${i}` }));
  process.stdout.write(`stored ${i}\n`);
}
await db.close();
