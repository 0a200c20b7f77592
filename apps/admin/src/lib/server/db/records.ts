import type { LearningActivity } from '@bangkom/domain';
import type { activities, StoredActivity } from './schema.js';

type ActivityRow = typeof activities.$inferSelect;

/** The activity record of a row: the stored record with its status, which only the `status` column holds. */
export const recordOf = (row: Pick<ActivityRow, 'data' | 'status'>): LearningActivity => ({ ...row.data, status: row.status });

/** What `activities.data` keeps of an activity: all but the status (the column). */
export function storedActivity(activity: LearningActivity): StoredActivity {
  const { status: _status, ...stored } = activity;
  return stored;
}
