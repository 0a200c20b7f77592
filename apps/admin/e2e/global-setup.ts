// Builds the app once before the browser tests, when the build is older than its sources.
import { buildIfStale } from '../scripts/build-if-stale.mjs';

export default function globalSetup(): void {
  buildIfStale();
}
