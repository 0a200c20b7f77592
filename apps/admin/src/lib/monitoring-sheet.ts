/**
 * The layout of the monitoring sheet's "Rekap" (summary) sheet: its header row and the status
 * words, shared by the writer and the tests that read the sheet back as the head of office would.
 */
export const SUMMARY_HEADERS = [
  'NO',
  'NIP',
  'NAMA',
  'UNIT KERJA',
  'JENIS PEGAWAI',
  'JP TERHITUNG',
  'KEWAJIBAN JP',
  'KEKURANGAN JP',
  'STATUS',
];

/** The STATUS column: no obligation (TKK, [K] I.E.16b-c), met, or below the yearly 20 JP ([K] I.E.16a). */
export const SUMMARY_STATUS = {
  notObliged: 'Tidak wajib (TKK)',
  met: 'Memenuhi',
  below: 'Belum memenuhi',
} as const;
