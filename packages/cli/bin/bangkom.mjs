#!/usr/bin/env node
// The installed `bangkom` command. It exists before the build (so package managers link it at
// install time in a fresh clone) and runs the built CLI.
try {
  await import('../dist/cli.mjs');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.mjs')) {
    process.stderr.write('bangkom belum dibangun; jalankan `npm run build` dulu / bangkom is not built yet; run `npm run build` first\n');
    process.exitCode = 3;
  } else throw error;
}
