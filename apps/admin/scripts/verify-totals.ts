// Recomputes every stored JP result from scratch and reports each difference with the stored one
// (nothing is written). Exit 0 when all agree, 1 otherwise, 2 when there is no database.
//   npm run verify-totals -w apps/admin            (DATABASE_URL, else the PGlite folder BANGKOM_DATA_DIR or ./data)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/index.js';
import { staleCount, verifyTotals } from '../src/lib/server/totals.js';

const url = process.env['DATABASE_URL'] || undefined;
const dataDir = process.env['BANGKOM_DATA_DIR'] || join(process.cwd(), 'data');
// A check of nothing would create an empty database: refuse instead.
if (!url && !existsSync(join(dataDir, 'pgdata'))) {
  console.error(`Tidak ada basis data di / No database in ${dataDir} (BANGKOM_DATA_DIR or DATABASE_URL)`);
  process.exit(2);
}
const database = await openDatabase({ url, dataDir });
try {
  const started = Date.now();
  const stale = await staleCount(database.db);
  const result = await verifyTotals(database.db);
  console.log(
    `Diperiksa / Checked: ${result.employees} pegawai / employees, ${result.activities} kegiatan / activities, ${result.units} angka unit / unit figures in ${Math.round((Date.now() - started) / 100) / 10} s`,
  );
  if (stale > 0) console.log(`Menunggu dihitung ulang / Waiting for recomputation: ${stale} pegawai / employees`);
  for (const d of result.differences)
    console.log(`${d.what} ${d.key}: tersimpan / stored ${JSON.stringify(d.stored)} ≠ dihitung / computed ${JSON.stringify(d.expected)}`);
  console.log(
    result.differences.length === 0
      ? 'Tidak ada selisih / No differences'
      : `${result.differences.length} selisih / differences${result.differences.length >= 100 ? ' (first 100)' : ''}`,
  );
  process.exitCode = result.differences.length === 0 ? 0 : 1;
} finally {
  await database.close();
}
