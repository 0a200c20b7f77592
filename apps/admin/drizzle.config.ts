import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes the next migration into drizzle/ from the schema; see README
// "Changing the database schema".
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/lib/server/db/schema.ts',
  out: './drizzle',
});
