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

/** Shares equal strings (NIPs, dates, titles) between rows instead of one copy per row. */
class Interner {
  private readonly strings = new Map<string, string>();
  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size < 1_000_000) this.strings.set(s, s);
    return s;
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
  private readonly numbers: number[] = [];
  private readonly whole = new Map<number, LearningActivity>();
  private readonly strings = new Interner();

  /** Rows up to `index` exist in every column (no holes: the arrays stay flat). */
  private pad(index: number) {
    while (this.codes.length < index) {
      this.ids.push('');
      this.nips.push('');
      this.titles.push('');
      this.starts.push('');
      this.ends.push('');
      this.codes.push(NONE);
      for (let k = 0; k < NUMBERS; k++) this.numbers.push(NaN);
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
    const values = [a.days, a.sessions, a.hours, a.programmeJp, a.statedJp];
    const at = index * NUMBERS;
    const id = a.id;
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
      for (const v of values) this.numbers.push(v ?? NaN);
    } else {
      this.ids[index] = id;
      this.nips[index] = nip;
      this.titles[index] = title;
      this.starts[index] = start;
      this.ends[index] = end;
      this.codes[index] = code;
      values.forEach((v, k) => (this.numbers[at + k] = v ?? NaN));
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
