import { expect, it } from 'vitest';
import { currentLink } from '../src/lib/nav.js';

const menu = ['/', '/activities', '/plan', '/plans', '/review', '/penyelenggaraan/undangan', '/penyelenggaraan', '/admin'];

it('marks one menu link current: the longest whose path holds the page, whole segments only', () => {
  expect(currentLink('/penyelenggaraan/undangan', menu)).toBe('/penyelenggaraan/undangan');
  expect(currentLink('/penyelenggaraan', menu)).toBe('/penyelenggaraan');
  expect(currentLink('/penyelenggaraan/EV123', menu)).toBe('/penyelenggaraan');
  expect(currentLink('/penyelenggaraan/baru', menu)).toBe('/penyelenggaraan');
  expect(currentLink('/plans/1990', menu)).toBe('/plans');
  expect(currentLink('/plan', menu)).toBe('/plan');
  expect(currentLink('/activities/A1/edit', menu)).toBe('/activities');
  expect(currentLink('/', menu)).toBe('/');
  // A page under no link (the password form) marks none, not the home link.
  expect(currentLink('/account/password', menu)).toBeNull();
  // Without the invitations link (the auditor's menu), its page is still the events area's.
  expect(currentLink('/penyelenggaraan/undangan', ['/', '/penyelenggaraan'])).toBe('/penyelenggaraan');
});
