import type { LearningActivity } from '@bangkom/domain';
import { activityStatuses, competencyTypes, learningMethodCodes } from '@bangkom/domain';

const METHOD_INDEX = new Map<string, number>(learningMethodCodes.map((m, i) => [m, i]));
const STATUS_INDEX = new Map<string, number>(activityStatuses.map((s, i) => [s, i]));
const TYPE_INDEX = new Map<string, number>(competencyTypes.map((t, i) => [t, i]));

/** Bits of a row's code: method (5 bits), international, runByWorkUnit, status (3 bits), competency type + 1 (2 bits). */
const INTERNATIONAL = 1 << 5;
const RUN_BY_WORK_UNIT = 1 << 6;
const STATUS_SHIFT = 7;
const TYPE_SHIFT = 10;
/** No row at this index (not read, outside `--year`, or refused). */
const NONE = -1;
/** The row is held whole in `whole`. */
const WHOLE = -2;
/** Numbers per row: days, sessions, hours, programmeJp, statedJp (NaN where not given). */
const NUMBERS = 5;

/**
 * A string that holds only its own characters. A cell cut from a CSV block can be a view into the
 * whole block (V8 slices strings of 13 characters or more), and keeping it would keep the block:
 * measured at 1,000,000 CSV rows, the NIPs kept most of the file alive. Copied through a
 * one-character prefix, the view is of the new short string.
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** Shares equal strings (NIPs, dates, titles) between rows instead of one copy per row. */
class Interner {
  private readonly strings = new Map<string, string>();
  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    const copy = own(s);
    if (this.strings.size < 1_000_000) this.strings.set(copy, copy);
    return copy;
  }
}

/**
 * The valid activities of a run by column, by input index: a few flat arrays instead of an object
 * per row, so the rows read die young (a million objects kept until their batch cost the garbage
 * collector most of its time) and the engine gets each batch's records rebuilt when it runs.
 * A row with fields the columns do not hold (organizer, evidence, a JP override) is kept whole.
 */
export class ActivityStore {
  private readonly ids: string[] = [];
  private readonly nips: string[] = [];
  private readonly titles: string[] = [];
  private readonly starts: string[] = [];
  private readonly ends: string[] = [];
  private readonly codes: number[] = [];
  /** NUMBERS per row; grown by doubling (a flat array of doubles, no boxed number per value). */
  private numbers = new Float64Array(1024 * NUMBERS);
  private readonly whole = new Map<number, LearningActivity>();
  private readonly strings = new Interner();

  /** Rows up to `index` exist in every column (no holes: the arrays stay flat). */
  private pad(index: number) {
    if ((index + 1) * NUMBERS > this.numbers.length) {
      const grown = new Float64Array(Math.max(this.numbers.length * 2, (index + 1) * NUMBERS));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    while (this.codes.length < index) {
      this.ids.push('');
      this.nips.push('');
      this.titles.push('');
      this.starts.push('');
      this.ends.push('');
      this.codes.push(NONE);
    }
  }

  set(index: number, a: LearningActivity): void {
    this.pad(index);
    const method = METHOD_INDEX.get(a.method);
    const status = STATUS_INDEX.get(a.status);
    const type = a.competencyType === undefined ? -1 : TYPE_INDEX.get(a.competencyType);
    const simple =
      method !== undefined &&
      status !== undefined &&
      type !== undefined &&
      a.organizer === undefined &&
      a.evidence === undefined &&
      a.override === undefined;
    const code = simple
      ? method |
        (a.international ? INTERNATIONAL : 0) |
        (a.runByWorkUnit ? RUN_BY_WORK_UNIT : 0) |
        (status << STATUS_SHIFT) |
        ((type + 1) << TYPE_SHIFT)
      : WHOLE;
    if (!simple) this.whole.set(index, a);
    const at = index * NUMBERS;
    const n = this.numbers;
    n[at] = a.days ?? NaN;
    n[at + 1] = a.sessions ?? NaN;
    n[at + 2] = a.hours ?? NaN;
    n[at + 3] = a.programmeJp ?? NaN;
    n[at + 4] = a.statedJp ?? NaN;
    const id = own(a.id);
    const nip = this.strings.get(a.nip);
    const title = simple ? this.strings.get(a.title) : '';
    const start = simple ? this.strings.get(a.startDate) : '';
    const end = simple ? this.strings.get(a.endDate) : '';
    if (index === this.codes.length) {
      this.ids.push(id);
      this.nips.push(nip);
      this.titles.push(title);
      this.starts.push(start);
      this.ends.push(end);
      this.codes.push(code);
    } else {
      this.ids[index] = id;
      this.nips[index] = nip;
      this.titles[index] = title;
      this.starts[index] = start;
      this.ends[index] = end;
      this.codes[index] = code;
    }
  }

  has(index: number): boolean {
    const code = this.codes[index];
    return code !== undefined && code !== NONE;
  }

  id(index: number): string {
    return this.ids[index]!;
  }

  nip(index: number): string {
    return this.nips[index]!;
  }

  /** The row as the engine takes it (rebuilt from the columns), or undefined when there is none. */
  get(index: number): LearningActivity | undefined {
    const code = this.codes[index];
    if (code === undefined || code === NONE) return undefined;
    if (code === WHOLE) return this.whole.get(index);
    const type = code >> TYPE_SHIFT;
    const a: LearningActivity = {
      id: this.ids[index]!,
      nip: this.nips[index]!,
      method: learningMethodCodes[code & 31]!,
      title: this.titles[index]!,
      international: (code & INTERNATIONAL) !== 0,
      startDate: this.starts[index]!,
      endDate: this.ends[index]!,
      runByWorkUnit: (code & RUN_BY_WORK_UNIT) !== 0,
      status: activityStatuses[(code >> STATUS_SHIFT) & 7]!,
    };
    const at = index * NUMBERS;
    const n = this.numbers;
    if (n[at] === n[at]) a.days = n[at]!;
    if (n[at + 1] === n[at + 1]) a.sessions = n[at + 1]!;
    if (n[at + 2] === n[at + 2]) a.hours = n[at + 2]!;
    if (n[at + 3] === n[at + 3]) a.programmeJp = n[at + 3]!;
    if (n[at + 4] === n[at + 4]) a.statedJp = n[at + 4]!;
    if (type > 0) a.competencyType = competencyTypes[type - 1]!;
    return a;
  }
}
