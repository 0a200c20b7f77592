import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { myAsnForm, myAsnFormCsv, siasnPayloads } from '@bangkom/myasn';
import { kartuDataPdf, kartuDataXlsx, monitoringXlsx, officeKartuData, officeMonitoring } from '@bangkom/myasn/documents';
import { isProblem, requirePositional, stringOption } from '../args.js';
import type { Command } from '../command.js';
import { commandSpec } from '../registry.js';
import { ExitCode, printJson, printTable, readJson, reportProblems } from '../io.js';

const { usage } = commandSpec('export');

const problem = (path: string, code: string, id: string, en: string) => ({ path: [path], code, message: { id, en } });

/** Exports for SIASN, MyASN and the signed forms. Input files are `{ employees, activities }` as in `bangkom jp`. */
export const exportCommand: Command = {
  ...commandSpec('export'),
  async run(inv, io) {
    const kind = requirePositional(inv, 0, 'jenis ekspor / export kind (siasn, myasn, kartu-data, monitoring)', usage);
    if (isProblem(kind)) return reportProblems(io, [kind], inv.format);
    const file = requirePositional(inv, 1, 'berkas masukan / input file', usage);
    if (isProblem(file)) return reportProblems(io, [file], inv.format);
    const json = await readJson(file);
    if (!json.ok) return reportProblems(io, json.problems, inv.format);

    const out = stringOption(inv, 'out');
    const write = async (bytes: Uint8Array) => {
      await mkdir(dirname(out!), { recursive: true });
      await writeFile(out!, bytes);
      io.stderr(`ditulis / written: ${out} (${bytes.length} bytes)\n`);
      return ExitCode.ok;
    };
    switch (kind) {
      case 'siasn': {
        const contextFile = stringOption(inv, 'context');
        const context = contextFile ? await readJson(contextFile) : undefined;
        if (context && !context.ok) return reportProblems(io, context.problems, inv.format);
        const result = siasnPayloads(json.value, (context?.value ?? {}) as never);
        if (!result.ok) return reportProblems(io, result.problems, inv.format);
        for (const w of result.value.warnings) io.stderr(`peringatan/warning: ${w.message.id} / ${w.message.en}\n`);
        printJson(io, result.value.payloads);
        return ExitCode.ok;
      }
      case 'myasn': {
        const result = myAsnForm(json.value);
        if (!result.ok) return reportProblems(io, result.problems, inv.format);
        if (inv.format === 'csv') io.stdout(myAsnFormCsv(result.value));
        else if (inv.format === 'table')
          printTable(
            io,
            Object.keys(result.value[0] ?? {}),
            result.value.map((r) => Object.values(r)),
          );
        else printJson(io, result.value);
        return ExitCode.ok;
      }
      case 'kartu-data': {
        const nip = stringOption(inv, 'nip');
        if (!nip)
          return reportProblems(
            io,
            [problem('--nip', 'cli.missing_option', 'Kartu Data memerlukan --nip', 'Kartu Data needs --nip')],
            inv.format,
          );
        const ext = out ? extname(out).toLowerCase() : '';
        if (ext !== '.xlsx' && ext !== '.pdf')
          return reportProblems(
            io,
            [problem('--out', 'cli.bad_output', '--out harus berakhiran .xlsx atau .pdf', '--out must end in .xlsx or .pdf')],
            inv.format,
          );
        const date = stringOption(inv, 'date');
        const place = stringOption(inv, 'place');
        const card = officeKartuData(json.value, nip, { ...(date ? { date } : {}), ...(place ? { place } : {}) });
        if (!card.ok) return reportProblems(io, card.problems, inv.format);
        return write(ext === '.pdf' ? await kartuDataPdf(card.value) : await kartuDataXlsx(card.value));
      }
      case 'monitoring': {
        if (!out || extname(out).toLowerCase() !== '.xlsx')
          return reportProblems(
            io,
            [problem('--out', 'cli.bad_output', '--out harus berakhiran .xlsx', '--out must end in .xlsx')],
            inv.format,
          );
        const rows = officeMonitoring(json.value);
        if (!rows.ok) return reportProblems(io, rows.problems, inv.format);
        return write(await monitoringXlsx(rows.value));
      }
      default:
        return reportProblems(
          io,
          [
            problem(
              'kind',
              'cli.unknown_export',
              `Jenis ekspor tidak dikenal: ${kind}. Penggunaan: ${usage}`,
              `Unknown export: ${kind}. Usage: ${usage}`,
            ),
          ],
          inv.format,
        );
    }
  },
};
