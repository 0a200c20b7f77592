// The suite creates and logs in hundreds of accounts on both databases; at the production cost
// (N = 2^17, 128 MiB and a core for a fraction of a second each) hashing dominated its run time.
// N = 2^15 stays above the 2^14 of generated passwords, so the rehash-on-login path is still tested.
// password-cost.test.ts checks that the server itself keeps N = 2^17.
import { lowerPasswordCostForTests } from '../src/lib/server/auth.js';

lowerPasswordCostForTests(2 ** 15);
