-- Settings every database starts with: the rule profile, and the session idle timeout and lifetime
-- (admin SDM changes them on the Administration page).
INSERT INTO settings (key, value) VALUES ('ruleProfile', '"kutai-barat-2024"') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO settings (key, value) VALUES ('session', '{"idleMinutes": 60, "lifetimeHours": 12}') ON CONFLICT (key) DO NOTHING;
